import Database
import Foundation

/// The second step of login: a TOTP code or a single-use recovery code turns a pending session
/// into a full one. Wrong codes are counted per pending session and per user.
extension IdentityService {
    /// Wrong codes one pending session may give before it is ended.
    static let secondFactorAttempts = 5
    /// Wrong codes across all of a user's sign-ins within `secondFactorWindow` before they are refused:
    /// otherwise someone holding the password could log in again and again for fresh attempts.
    static let secondFactorUserLimit = 10
    static let secondFactorWindow: TimeInterval = 15 * 60

    enum SecondFactorOutcome: Sendable, Equatable {
        /// Signed in: the session's new token and the device cookie's value; `recoveryCodesLeft` is set
        /// when a recovery code was used.
        case signedIn(newToken: String, recoveryCodesLeft: Int?, device: String)
        /// Neither six digits nor a recovery code; not counted as an attempt.
        case malformed
        case wrong(attemptsLeft: Int)
        /// Too many wrong codes: the session was ended.
        case tooManyAttempts
    }

    /// The tag of this session's wrong codes in the security events.
    static func secondFactorMarker(_ identity: Identity) -> String {
        "second_factor:" + identity.sessionPublicID
    }

    func completeSecondFactor(identity: Identity, code typed: String, box: SecretBox, client: Client) throws -> SecondFactorOutcome {
        let input = Self.classifySecondFactor(typed)
        if input == .malformed { return .malformed }
        let now = clock.now()
        let token = SecureRandom.token(bytes: 32)
        let marker = Self.secondFactorMarker(identity)
        return try database.write { db in
            guard let user = try UserStore.user(id: identity.userID, db) else { return .tooManyAttempts }
            let sessionFailures = try TwoFactorStore.failures(userID: user.id, marker: marker, db)
            let userFailures = try TwoFactorStore.recentFailures(userID: user.id, since: now.addingTimeInterval(-Self.secondFactorWindow), db)
            if sessionFailures >= Self.secondFactorAttempts || userFailures >= Self.secondFactorUserLimit {
                try SessionStore.delete(sessionID: identity.sessionID, db)
                return .tooManyAttempts
            }

            var recoveryUsed = false
            let accepted: Bool
            if !user.hasTwoFactor {
                // 2FA was turned off after the password step: the password alone is now enough.
                accepted = true
            } else {
                switch input {
                case .totp(let code):
                    if let sealed = user.totpSecret, let secret = try? box.open(sealed),
                       let step = TOTP.verify(code: code, secret: secret, at: now, lastUsedStep: user.totpLastStep) {
                        accepted = try TwoFactorStore.advanceStep(userID: user.id, to: step, db)
                    } else {
                        accepted = false
                    }
                case .recovery(let normalized):
                    accepted = try RecoveryCodeStore.use(userID: user.id, hash: Self.recoveryCodeHash(normalized), now: now, db)
                    recoveryUsed = accepted
                case .malformed:
                    accepted = false
                }
            }

            guard accepted else {
                try SecurityEventStore.record(userID: user.id, kind: .loginFailed, ip: client.ip, device: client.device, detail: marker, now: now, db)
                let used = sessionFailures + 1
                if used >= Self.secondFactorAttempts || userFailures + 1 >= Self.secondFactorUserLimit {
                    try SessionStore.delete(sessionID: identity.sessionID, db)
                    return .tooManyAttempts
                }
                return .wrong(attemptsLeft: Self.secondFactorAttempts - used)
            }

            try SessionStore.rotate(sessionID: identity.sessionID, newTokenHash: TokenHash.sha256Hex(token), stage: .full, accountID: identity.account?.id, now: now, db)
            try recordSuccessfulLogin(user: user, client: client, now: now, db)
            let device = devices.value(userID: user.id, stamp: user.passwordHash, now: now)
            guard recoveryUsed else { return .signedIn(newToken: token, recoveryCodesLeft: nil, device: device) }
            let left = try RecoveryCodeStore.remaining(userID: user.id, db)
            try SecurityEventStore.record(userID: user.id, kind: .recoveryCodeUsed, ip: client.ip, device: client.device, now: now, db)
            try NotificationStore.add(userID: user.id, severity: .warning, message: Self.notice(.noticeRecoveryCodeUsed(device: client.device, ip: client.ip)),
                                      link: SiteRoute.accountSecurity.path, now: now, db)
            if left <= Self.recoveryCodesLowThreshold {
                try NotificationStore.add(userID: user.id, severity: .warning, message: Self.notice(.noticeRecoveryCodesLow(left)),
                                          link: SiteRoute.accountSecurity.path, now: now, db)
            }
            return .signedIn(newToken: token, recoveryCodesLeft: left, device: device)
        }
    }
}

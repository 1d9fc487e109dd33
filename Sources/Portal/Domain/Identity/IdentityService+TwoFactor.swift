import Database
import Foundation

/// Enrolment, removal and recovery codes of TOTP two-factor authentication. Secrets are sealed
/// with `SecretBox` before they reach the database and opened only to check a code.
extension IdentityService {
    /// Notifications are stored as text; English until users choose a language.
    static func notice(_ text: SecurityText) -> String {
        Catalog(.english)(.security(text))
    }

    /// The secret being enrolled: the pending one when it is still readable, else a new one.
    /// Nil when 2FA is already on.
    func pendingTwoFactorSecret(userID: Int64, box: SecretBox) throws -> [UInt8]? {
        let now = clock.now()
        return try database.write { db in
            guard let user = try UserStore.user(id: userID, db), !user.hasTwoFactor else { return nil }
            if let sealed = user.totpPendingSecret, let secret = try? box.open(sealed), secret.count == TOTP.secretLength {
                return secret
            }
            let secret = TOTP.generateSecret()
            try TwoFactorStore.setPending(userID: user.id, sealed: box.seal(secret), now: now, db)
            return secret
        }
    }

    enum EnableOutcome: Sendable {
        /// On: the session's new token and the recovery codes to show once.
        case enabled(newToken: String, recoveryCodes: [String])
        /// The code does not match the pending secret (shown again).
        case wrongCode(secret: [UInt8])
        /// The current password was wrong: the pending secret is shown again (nil: none is pending any
        /// more, enrolment starts over).
        case wrongPassword(secret: [UInt8]?)
        case alreadyEnabled
    }

    /// Turns 2FA on when the current password is right and `code` matches the pending secret: recovery
    /// codes, a new session token (a privilege change), the event, a notification and an email, in one
    /// transaction. The password matters: with a borrowed session alone, someone could put their own
    /// authenticator on the account and lock its owner out (a password reset keeps 2FA).
    func enableTwoFactor(identity: Identity, password: String, code: String, box: SecretBox, client: Client) throws -> EnableOutcome {
        guard let user = try database.read({ db in try UserStore.user(id: identity.userID, db) }) else { return .alreadyEnabled }
        if user.hasTwoFactor { return .alreadyEnabled }
        guard try confirmPassword(user: user, password: password, client: client) else {
            return .wrongPassword(secret: try pendingTwoFactorSecret(userID: user.id, box: box))
        }
        let now = clock.now()
        let token = SecureRandom.token(bytes: 32)
        let codes = Self.makeRecoveryCodes()
        return try database.write { db in
            guard let user = try UserStore.user(id: identity.userID, db) else { return .alreadyEnabled }
            if user.hasTwoFactor { return .alreadyEnabled }
            guard let sealed = user.totpPendingSecret, let secret = try? box.open(sealed), secret.count == TOTP.secretLength else {
                // Nothing readable to confirm against: start over with a fresh secret.
                let fresh = TOTP.generateSecret()
                try TwoFactorStore.setPending(userID: user.id, sealed: box.seal(fresh), now: now, db)
                return .wrongCode(secret: fresh)
            }
            guard let step = TOTP.verify(code: code, secret: secret, at: now, lastUsedStep: nil),
                  try TwoFactorStore.enable(userID: user.id, sealed: sealed, step: step, now: now, db)
            else { return .wrongCode(secret: secret) }
            try RecoveryCodeStore.replace(userID: user.id, hashes: codes.compactMap { Self.normalizeRecoveryCode($0).map(Self.recoveryCodeHash) }, db)
            try SessionStore.rotate(sessionID: identity.sessionID, newTokenHash: TokenHash.sha256Hex(token), stage: .full, accountID: identity.account?.id, now: now, db)
            // Sessions opened with the password alone would otherwise keep going as if 2FA were on.
            try SessionStore.deleteAll(userID: user.id, keeping: identity.sessionID, db)
            try SecurityEventStore.record(userID: user.id, kind: .twoFactorEnabled, ip: client.ip, device: client.device, now: now, db)
            try NotificationStore.add(userID: user.id, severity: .success, message: Self.notice(.noticeTwoFactorEnabled), link: SiteRoute.accountSecurity.path, now: now, db)
            try mailer.enqueue(.twoFactorChanged(name: user.name, enabled: true, ip: client.ip), to: user.email, userID: user.id, accountID: user.lastAccountId, db)
            return .enabled(newToken: token, recoveryCodes: codes)
        }
    }

    enum DisableOutcome: Sendable, Equatable {
        case disabled
        case wrongPassword
        case wrongCode
        case notEnabled
    }

    /// Turns 2FA off: both the password and a current code are required, so neither a borrowed
    /// session nor a stolen phone alone can remove it.
    func disableTwoFactor(identity: Identity, password: String, code: String, box: SecretBox, client: Client) throws -> DisableOutcome {
        guard let user = try database.read({ db in try UserStore.user(id: identity.userID, db) }) else { return .notEnabled }
        guard user.hasTwoFactor else { return .notEnabled }
        guard try confirmPassword(user: user, password: password, client: client) else {
            return .wrongPassword
        }
        let now = clock.now()
        return try database.write { db in
            guard let user = try UserStore.user(id: identity.userID, db), user.hasTwoFactor, let sealed = user.totpSecret else { return .notEnabled }
            guard let secret = try? box.open(sealed),
                  let step = TOTP.verify(code: code, secret: secret, at: now, lastUsedStep: user.totpLastStep),
                  try TwoFactorStore.advanceStep(userID: user.id, to: step, db)
            else {
                // Counted with wrong passwords: confirmPassword refuses once the user has too many.
                try SecurityEventStore.record(userID: user.id, kind: .passwordConfirmationFailed, ip: client.ip, device: client.device,
                                              detail: "code", now: now, db)
                return .wrongCode
            }
            try TwoFactorStore.disable(userID: user.id, now: now, db)
            try SessionStore.deleteAll(userID: user.id, keeping: identity.sessionID, db)
            try RecoveryCodeStore.deleteAll(userID: user.id, db)
            try SecurityEventStore.record(userID: user.id, kind: .twoFactorDisabled, ip: client.ip, device: client.device, now: now, db)
            try NotificationStore.add(userID: user.id, severity: .warning, message: Self.notice(.noticeTwoFactorDisabled), link: SiteRoute.accountSecurity.path, now: now, db)
            try mailer.enqueue(.twoFactorChanged(name: user.name, enabled: false, ip: client.ip), to: user.email, userID: user.id, accountID: user.lastAccountId, db)
            return .disabled
        }
    }

    enum RegenerateOutcome: Sendable, Equatable {
        case regenerated([String])
        case wrongPassword
        case notEnabled
    }

    /// Replaces every recovery code (used or not) with ten new ones; the password is required.
    func regenerateRecoveryCodes(identity: Identity, password: String, client: Client) throws -> RegenerateOutcome {
        guard let user = try database.read({ db in try UserStore.user(id: identity.userID, db) }) else { return .notEnabled }
        guard user.hasTwoFactor else { return .notEnabled }
        guard try confirmPassword(user: user, password: password, client: client) else {
            return .wrongPassword
        }
        let now = clock.now()
        let codes = Self.makeRecoveryCodes()
        return try database.write { db in
            guard let user = try UserStore.user(id: identity.userID, db), user.hasTwoFactor else { return .notEnabled }
            try RecoveryCodeStore.replace(userID: user.id, hashes: codes.compactMap { Self.normalizeRecoveryCode($0).map(Self.recoveryCodeHash) }, db)
            try SecurityEventStore.record(userID: user.id, kind: .recoveryCodesRegenerated, ip: client.ip, device: client.device, now: now, db)
            try NotificationStore.add(userID: user.id, severity: .info, message: Self.notice(.noticeRecoveryCodesRegenerated), link: SiteRoute.accountSecurity.path, now: now, db)
            try mailer.enqueue(.recoveryCodesRegenerated(name: user.name, ip: client.ip), to: user.email, userID: user.id, accountID: user.lastAccountId, db)
            return .regenerated(codes)
        }
    }

    /// What /account/security shows about the second factor.
    struct TwoFactorSummary: Sendable {
        let enabled: Bool
        let recoveryCodesLeft: Int
    }
}

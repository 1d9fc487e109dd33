import Database
import Foundation

extension IdentityService {
    /// At most one reset email per address in this interval.
    static let resetEmailInterval: TimeInterval = 120

    /// Asks for a reset link; says nothing about the email either way, so the page reads the same
    /// whatever was typed, and takes the same time: every admitted request is one write transaction
    /// doing the same writes, its throttle row and one `PasswordResetJob` carrying the email typed.
    /// Whether that email has a login is found out later, on the job queue, where no visitor waits.
    /// No password is hashed: nothing here needs one.
    /// Refused with `Throttled` once the client's network made `requestLimit` requests in the window.
    func requestPasswordReset(email rawEmail: String, client: Client) throws -> Throttled? {
        let email = Self.normalizeEmail(rawEmail)
        guard Validation.email(email) == nil else { return nil }
        let now = clock.now()
        return try database.write { db in
            if let throttled = try admit(.passwordReset, client: client, now: now, db) { return throttled }
            try JobStore.enqueue(kind: PasswordResetJob.kind, payload: email, runAt: now, maxAttempts: PasswordResetJob.maxAttempts, now: now, db)
            return nil
        }
    }

    /// What a reset request's job did.
    enum ResetRequestOutcome: Sendable, Equatable {
        case sent
        /// A reset email went to this address less than `resetEmailInterval` ago.
        case limited
        /// No login has this email: nothing to do.
        case unknownEmail
        /// An earlier run of the same job did the work (its runner died before recording it).
        case alreadyHandled
    }

    /// The job's half of a reset request: a reset link to `email` when it has a login, at most one
    /// every two minutes whoever asks. One write transaction, which also takes the email off job `jobID`,
    /// so the work and its record commit together: a rerun of the job finds nothing to do (the sending
    /// limit alone would not cover a rerun after a lease longer than the interval), and the finished
    /// job keeps no address.
    func sendPasswordReset(jobID: Int64, email: String) throws -> ResetRequestOutcome {
        let now = clock.now()
        return try database.write { db in
            guard try JobStore.takePayload(id: jobID, payload: email, db) else { return .alreadyHandled }
            guard let user = try UserStore.user(email: email, db) else { return .unknownEmail }
            let subject = EmailTemplate.passwordReset(name: user.name, link: "").content.subject
            if try OutboxStore.sentRecently(to: user.email, subject: subject, since: now.addingTimeInterval(-Self.resetEmailInterval), db) { return .limited }
            let token = SecureRandom.token(bytes: 32)
            try TokenStore.create(tokenHash: TokenHash.sha256Hex(token), userID: user.id, purpose: .resetPassword, now: now, lifetime: Self.resetLifetime, db)
            let link = url(.passwordReset, query: [("token", token)])
            try mailer.enqueue(.passwordReset(name: user.name, link: link), to: user.email, userID: user.id, accountID: user.lastAccountId, db)
            return .sent
        }
    }

    enum ResetOutcome: Sendable, Equatable {
        case done
        case invalidPassword(Text)
        case badToken(TokenOutcome)
    }

    /// Sets a new password from a reset link: single use, ends every session, keeps 2FA as it is.
    func resetPassword(token: String, newPassword: String, client: Client) throws -> ResetOutcome {
        let inspected = try inspect(token: token, purpose: .resetPassword)
        guard inspected == .done else { return .badToken(inspected) }
        let hash = TokenHash.sha256Hex(token)
        let email = try database.read { db -> String? in
            guard let found = try TokenStore.find(tokenHash: hash, purpose: .resetPassword, db) else { return nil }
            return try UserStore.user(id: found.userId, db)?.email
        }
        guard let email else { return .badToken(.invalid) }
        if let problem = Validation.password(newPassword, email: email) { return .invalidPassword(problem) }
        let passwordHash = try hasher.hashBlocking(newPassword)
        let now = clock.now()
        return try database.write { db in
            guard let found = try TokenStore.find(tokenHash: hash, purpose: .resetPassword, db), found.expiresAt > now,
                  try TokenStore.consume(id: found.id, now: now, db),
                  let user = try UserStore.user(id: found.userId, db)
            else { return .badToken(.used) }
            try UserStore.setPassword(userID: user.id, hash: passwordHash, now: now, db)
            try UserStore.unlock(userID: user.id, db)
            // Proving the mailbox lifts the sign-in lock: failures counted before it no longer count.
            _ = try LoginAttemptStore.record(key: Self.emailHash(user.email), address: client.throttleAddress, succeeded: true, now: now, db)
            try SessionStore.deleteAll(userID: user.id, keeping: nil, db)
            try TokenStore.revokeAll(userID: user.id, purpose: .resetPassword, now: now, db)
            try SecurityEventStore.record(userID: user.id, kind: .passwordReset, ip: client.ip, device: client.device, now: now, db)
            try NotificationStore.add(userID: user.id, severity: .warning, message: Catalog(.english)(.noticePasswordReset), link: SiteRoute.accountSecurity.path, now: now, db)
            try mailer.enqueue(.passwordResetDone(name: user.name, ip: client.ip), to: user.email, userID: user.id, accountID: user.lastAccountId, db)
            return .done
        }
    }

    enum ChangeOutcome: Sendable, Equatable {
        /// The session's new token (the id changes with every privilege change), and a device cookie
        /// value under the new password for this browser.
        case changed(newToken: String, device: String)
        case wrongCurrent
        case invalidPassword(Text)
    }

    /// Changes the password: the current one is required, the other sessions end, an email tells the user.
    func changePassword(identity: Identity, current: String, new: String, client: Client) throws -> ChangeOutcome {
        guard let user = try database.read({ db in try UserStore.user(id: identity.userID, db) }) else { return .wrongCurrent }
        guard try confirmPassword(user: user, password: current, client: client) else { return .wrongCurrent }
        if let problem = Validation.password(new, email: user.email) { return .invalidPassword(problem) }
        if current == new { return .invalidPassword(.passwordSameAsCurrent) }
        let passwordHash = try hasher.hashBlocking(new)
        let now = clock.now()
        let token = SecureRandom.token(bytes: 32)
        try database.write { db in
            try UserStore.setPassword(userID: user.id, hash: passwordHash, now: now, db)
            try SessionStore.deleteAll(userID: user.id, keeping: identity.sessionID, db)
            try SessionStore.rotate(sessionID: identity.sessionID, newTokenHash: TokenHash.sha256Hex(token), stage: .full, accountID: identity.account?.id, now: now, db)
            try TokenStore.revokeAll(userID: user.id, purpose: .resetPassword, now: now, db)
            try SecurityEventStore.record(userID: user.id, kind: .passwordChanged, ip: client.ip, device: client.device, now: now, db)
            try NotificationStore.add(userID: user.id, severity: .info, message: Catalog(.english)(.noticePasswordChanged), link: SiteRoute.accountSecurity.path, now: now, db)
            try mailer.enqueue(.passwordChanged(name: user.name, ip: client.ip, resetURL: url(.passwordForgot)), to: user.email, userID: user.id, accountID: user.lastAccountId, db)
        }
        return .changed(newToken: token, device: devices.value(userID: user.id, stamp: passwordHash, now: now))
    }
}

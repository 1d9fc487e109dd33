import Database
import Foundation

/// The rules of identity: sign-up, verification, login with throttling, sessions, passwords.
/// Controllers call it (and the JSON API will); it never renders anything.
struct IdentityService: Sendable {
    let database: any Database
    let clock: Clock
    let hasher: PasswordHasher
    let mailer: Mailer
    let publicURL: String
    let sessionIdle: TimeInterval
    let sessionAbsolute: TimeInterval
    /// Recognises browsers that completed a sign-in: they pass the per-address block and the
    /// per-email delay and lock, and are counted on their own instead (see `DeviceCookies`).
    let devices: DeviceCookies

    static let verificationLifetime: TimeInterval = 24 * 3600
    static let resetLifetime: TimeInterval = 30 * 60
    static let emailChangeLifetime: TimeInterval = 24 * 3600
    /// Failures of one email (or of one device cookie, see `DeviceCookies`) before the temporary lock.
    static let lockThreshold = 10
    static let lockDuration: TimeInterval = 15 * 60
    /// Failures before each further attempt must wait (1 s, 2 s, 4 s … up to 30 s).
    static let delayThreshold = 3
    /// Failures from one address (IPv6: one /64) within `addressWindow` before it is refused for a while.
    static let addressLimit = 50
    static let addressWindow: TimeInterval = 15 * 60

    /// Who is asking, for logs, throttling and the security activity list.
    struct Client: Sendable {
        let ip: String
        let userAgent: String
        /// The device cookie the browser presented, if any (see `DeviceCookies`).
        var deviceCookie: String? = nil
        var device: String { DeviceName.describe(userAgent: userAgent) }
        /// The network this client is counted under by per-address limits (IPv6: its /64).
        var throttleAddress: String { ThrottleAddress.key(ip) }
    }

    static func normalizeEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    static func emailHash(_ email: String) -> String {
        TokenHash.sha256Hex("login:" + normalizeEmail(email))
    }

    // MARK: Sign-up

    enum SignupOutcome: Sendable {
        case created(userID: Int64)
        /// The email already has a login: its owner was told by email; the page says the same as for a new sign-up.
        case alreadyRegistered
        case invalid(FieldErrors)
        /// The client's network made `requestLimit` sign-ups in the window; nothing was created (nor hashed,
        /// unless the request came in a burst that passed the check together).
        case throttled(Throttled)
    }

    /// Both outcomes for a valid form do the same work in the same order: the per-address check
    /// (one read), the password hash, then one write transaction that counts the sign-up against
    /// its network, looks the email up and either creates the login or checks the sending limit
    /// (indexed) and tells its owner.
    func signup(name rawName: String, email rawEmail: String, password: String, client: Client) throws -> SignupOutcome {
        // The same rule as the name on the account details: it lands in emails and pages alike.
        let (name, nameProblem) = AccountProfile.freeText(rawName, limit: AccountProfile.nameLimit, required: true)
        let email = Self.normalizeEmail(rawEmail)
        var errors = FieldErrors()
        if let nameProblem { errors["name"] = nameProblem }
        if let problem = Validation.email(email) { errors["email"] = problem }
        if let problem = Validation.password(password, email: email) { errors["password"] = problem }
        guard errors.isEmpty else { return .invalid(errors) }

        let now = clock.now()
        // Checked before hashing: the hash is what one client could otherwise keep every core busy with.
        if let throttled = try database.read({ db in try throttled(.signup, client: client, now: now, db) }) { return .throttled(throttled) }
        let hash = try hasher.hashBlocking(password)
        // Counted once hashed, with its work: a sign-up the hasher shed (503) costs the network nothing.
        // A burst that passed the check together may hash more than the limit (at most what the hasher
        // runs and queues at once), but the count, taken here on the writer, never admits more.
        return try database.write { db in
            if let throttled = try admit(.signup, client: client, now: now, db) { return .throttled(throttled) }
            if let existing = try UserStore.user(email: email, db) {
                try mailer.enqueueLimited(.alreadyRegistered(name: existing.name, loginURL: url(.login), resetURL: url(.passwordForgot)),
                                          every: 3600, to: existing.email, userID: existing.id, accountID: existing.lastAccountId, db)
                return .alreadyRegistered
            }
            let created = try UserStore.createUserWithAccount(email: email, name: name, passwordHash: hash, verified: false, now: now, db)
            try sendVerification(userID: created.user, accountID: created.account, name: name, email: email, now: now, db)
            return .created(userID: created.user)
        }
    }

    func sendVerification(userID: Int64, accountID: Int64?, name: String, email: String, now: Date, _ db: DatabaseConnection) throws {
        let token = SecureRandom.token(bytes: 32)
        try TokenStore.create(tokenHash: TokenHash.sha256Hex(token), userID: userID, purpose: .verifyEmail, now: now, lifetime: Self.verificationLifetime, db)
        let link = url(.verifyEmail, query: [("token", token)])
        try mailer.enqueue(.verifyEmail(name: name, link: link), to: email, userID: userID, accountID: accountID, db)
    }

    /// Sends a fresh verification link to a signed-in, unverified user.
    func resendVerification(userID: Int64) throws {
        let now = clock.now()
        try database.write { db in
            guard let user = try UserStore.user(id: userID, db), !user.isVerified else { return }
            // The button can be pressed again and again: one new link a minute is plenty.
            let subject = EmailTemplate.verifyEmail(name: user.name, link: "").content.subject
            if try OutboxStore.sentRecently(to: user.email, subject: subject, since: now.addingTimeInterval(-60), db) { return }
            try sendVerification(userID: user.id, accountID: user.lastAccountId, name: user.name, email: user.email, now: now, db)
        }
    }

    enum TokenOutcome: Sendable, Equatable {
        case done
        case invalid
        case expired
        case used
    }

    /// Checks a link token without using it (the page shows a confirm button; email scanners only GET).
    func inspect(token: String, purpose: TokenPurpose) throws -> TokenOutcome {
        guard token.utf8.count <= 128, !token.isEmpty else { return .invalid }
        return try database.read { db in
            guard let found = try TokenStore.find(tokenHash: TokenHash.sha256Hex(token), purpose: purpose, db) else { return .invalid }
            if found.usedAt != nil { return .used }
            if found.expiresAt <= clock.now() { return .expired }
            return .done
        }
    }

    func verifyEmail(token: String, client: Client) throws -> TokenOutcome {
        guard token.utf8.count <= 128, !token.isEmpty else { return .invalid }
        let now = clock.now()
        return try database.write { db in
            guard let found = try TokenStore.find(tokenHash: TokenHash.sha256Hex(token), purpose: .verifyEmail, db) else { return .invalid }
            if found.usedAt != nil { return .used }
            if found.expiresAt <= now { return .expired }
            guard try TokenStore.consume(id: found.id, now: now, db) else { return .used }
            try UserStore.markVerified(userID: found.userId, now: now, db)
            try SecurityEventStore.record(userID: found.userId, kind: .emailVerified, ip: client.ip, device: client.device, now: now, db)
            return .done
        }
    }

    // MARK: Login

    enum LoginOutcome: Sendable {
        /// `device`: the device cookie's value once sign-in is complete (nil while the second factor is pending).
        case signedIn(token: String, stage: SessionStage, device: String?)
        /// Wrong email or password; the same answer whatever the reason.
        case refused
        /// Too many failures for this email: wait this many seconds.
        case wait(seconds: Int)
        case locked(minutes: Int)
        case addressBlocked
    }

    func login(email rawEmail: String, password: String, client: Client) throws -> LoginOutcome {
        let email = Self.normalizeEmail(rawEmail)
        let now = clock.now()

        // Most refusals (an attack on a locked email) are answered from a read, off the writer;
        // the attempt is then checked again and counted in one write, before hashing.
        if let refusal = try database.read({ db in try loginAttempt(email: email, client: client, now: now, db) }).refusal { return refusal }
        let (attempt, refusal) = try database.write { db in try reserveLoginAttempt(email: email, client: client, now: now, db) }
        if let refusal { return refusal }

        let matches: Bool
        do {
            if let user = attempt.user {
                matches = try hasher.verifyBlocking(password, against: user.passwordHash)
            } else {
                matches = try hasher.dummyVerifyBlocking(password)
            }
        } catch {
            // Nothing was checked (the hasher shed the request): the attempt is withdrawn. Should that
            // fail too, it stays counted as a failure, which errs on the safe side.
            try? database.write { db in try LoginAttemptStore.delete(id: attempt.id, db) }
            throw error
        }

        guard matches, let user = attempt.user else {
            try database.write { db in try settleLoginFailure(attempt, client: client, now: now, db) }
            return .refused
        }

        do {
            var passwordHash = user.passwordHash
            if hasher.needsRehash(user.passwordHash), let rehashed = try? hasher.hashBlocking(password) {
                // Only over the hash just checked: a reset or change committed meanwhile wins.
                let stored = try database.write { db -> Bool in
                    guard try UserStore.user(id: user.id, db)?.passwordHash == user.passwordHash else { return false }
                    try UserStore.setPassword(userID: user.id, hash: rehashed, now: now, db)
                    return true
                }
                if stored { passwordHash = rehashed }
            }
            let stage: SessionStage = user.hasTwoFactor ? .pendingSecondFactor : .full
            let token = SecureRandom.token(bytes: 32)
            let opened = try database.write { db -> Bool in
                // The password checked must still be the user's: a reset that ended every session while
                // this login was hashing must not be followed by a session made with the old password.
                guard let current = try UserStore.user(id: user.id, db), current.passwordHash == passwordHash else {
                    try LoginAttemptStore.delete(id: attempt.id, db)
                    return false
                }
                try LoginAttemptStore.succeed(id: attempt.id, db)
                let account = try UserStore.defaultAccount(userID: user.id, now: now, db)
                if let account { try MembershipStore.markActive(userID: user.id, accountID: account, now: now, db) }
                _ = try SessionStore.create(tokenHash: TokenHash.sha256Hex(token), userID: user.id, accountID: account, stage: stage,
                                            now: now, expiresAt: now.addingTimeInterval(sessionAbsolute), ip: client.ip, userAgent: client.userAgent, db)
                if stage == .full {
                    try recordSuccessfulLogin(user: user, client: client, now: now, db)
                }
                return true
            }
            guard opened else { return .refused }
            return .signedIn(token: token, stage: stage,
                             device: stage == .full ? devices.value(userID: user.id, stamp: passwordHash, now: now) : nil)
        } catch {
            // The password was right: whatever failed after it, the attempt must not stay a failure.
            try? database.write { db in try LoginAttemptStore.delete(id: attempt.id, db) }
            throw error
        }
    }

    /// The security event, and on a device never seen before, a notification and an email.
    func recordSuccessfulLogin(user: User, client: Client, now: Date, _ db: DatabaseConnection) throws {
        try SecurityEventStore.record(userID: user.id, kind: .loginSucceeded, ip: client.ip, device: client.device, now: now, db)
        let deviceHash = TokenHash.sha256Hex("device:" + client.device + "|" + client.ip)
        let known = try SecurityEventStore.rememberDevice(userID: user.id, deviceHash: deviceHash, now: now, db)
        let first = try SecurityEventStore.knownDeviceCount(userID: user.id, db) == 1
        if !known && !first {
            try NotificationStore.add(userID: user.id, severity: .warning, message: Catalog(.english)(.noticeNewSignIn(device: client.device, ip: client.ip)), link: SiteRoute.accountSecurity.path, now: now, db)
            try mailer.enqueue(.newDevice(name: user.name, device: client.device, ip: client.ip, securityURL: url(.accountSecurity)),
                               to: user.email, userID: user.id, accountID: user.lastAccountId, db)
        }
    }

    // MARK: Sessions

    enum SessionLookup: Sendable {
        case valid(Identity, needsTouch: Bool)
        case expired
        case none
    }

    /// Resolves a session cookie; expired sessions are deleted on sight.
    func session(token: String) throws -> SessionLookup {
        guard token.utf8.count == 43 else { return .none }
        let hash = TokenHash.sha256Hex(token)
        let now = clock.now()
        guard let row = try database.readStatement({ db in try SessionStore.load(tokenHash: hash, db) }) else { return .none }
        if row.expiresAt <= now || row.lastSeenAt.addingTimeInterval(sessionIdle) <= now {
            try database.write { db in try SessionStore.delete(sessionID: row.sessionId, db) }
            return .expired
        }
        var account: Identity.AccountRef?
        if let id = row.accountId, let publicID = row.accountPublicId, let role = row.role.flatMap(MembershipRole.init(rawValue:)),
           row.membershipExpiresAt.map({ $0 > now }) ?? true {
            account = Identity.AccountRef(id: id, publicID: publicID, number: row.accountNumber ?? "", name: row.accountName ?? "",
                                          role: role, fullAccess: row.fullAccess ?? false, permissions: Permission.decode(row.permissions ?? ""),
                                          requireDelegateTwoFactor: row.requireDelegateTwoFactor ?? false, accessEndsAt: row.membershipExpiresAt)
        }
        let identity = Identity(
            sessionID: row.sessionId, sessionPublicID: row.sessionPublicId,
            stage: SessionStage(rawValue: row.stage) ?? .pendingSecondFactor,
            sessionCreatedAt: row.createdAt, sessionLastSeenAt: row.lastSeenAt,
            userID: row.userId, userPublicID: row.userPublicId, userName: row.userName, email: row.email,
            emailVerified: row.emailVerifiedAt != nil, twoFactorEnabled: row.totpEnabledAt != nil,
            account: account, unreadNotifications: row.unread)
        // Writing last-seen on every request would serialise all readers on the writer: once a minute is enough.
        return .valid(identity, needsTouch: now.timeIntervalSince(row.lastSeenAt) >= 60)
    }

    func touch(sessionID: Int64) throws {
        let now = clock.now()
        try database.write { db in try SessionStore.touch(sessionID: sessionID, now: now, db) }
    }

    func logout(identity: Identity, client: Client) throws {
        let now = clock.now()
        try database.write { db in
            try SessionStore.delete(sessionID: identity.sessionID, db)
            try SecurityEventStore.record(userID: identity.userID, kind: .logout, ip: client.ip, device: client.device, now: now, db)
        }
    }

    func url(_ route: SiteRoute, query: [(String, String)] = []) -> String {
        route.absoluteURL(base: publicURL, query: query)
    }
}

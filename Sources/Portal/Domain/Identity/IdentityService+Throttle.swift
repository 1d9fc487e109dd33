import Database
import Foundation

extension IdentityService {
    /// Sign-ups, and separately password-reset requests, admitted from one network (IPv6: one /64)
    /// within `requestWindow`. Anyone can send these without signing in and each costs a password
    /// hash or a write; a person, or an office behind one address, needs a few.
    static let requestLimit = 10
    static let requestWindow: TimeInterval = 15 * 60

    /// A request refused by a per-address limit: answer 429 with `Retry-After: seconds`.
    struct Throttled: Sendable, Equatable {
        let seconds: Int
        var minutes: Int { max(1, (seconds + 59) / 60) }
    }

    /// Counts a request of `kind` against the client's network inside the caller's write transaction,
    /// or, once the limit is reached, records nothing and says how long until the oldest counted one
    /// leaves the window.
    func admit(_ kind: ThrottleKind, client: Client, now: Date, _ db: DatabaseConnection) throws -> Throttled? {
        if let throttled = try throttled(kind, client: client, now: now, db) { return throttled }
        try ThrottleStore.record(kind: kind, key: client.throttleAddress, now: now, db)
        return nil
    }

    /// Whether a request of `kind` from the client's network would be refused now, counting nothing.
    func throttled(_ kind: ThrottleKind, client: Client, now: Date, _ db: DatabaseConnection) throws -> Throttled? {
        let window = try ThrottleStore.window(kind: kind, key: client.throttleAddress, since: now.addingTimeInterval(-Self.requestWindow), db)
        guard window.count >= Self.requestLimit else { return nil }
        let reopens = (window.oldest ?? now).addingTimeInterval(Self.requestWindow)
        return Throttled(seconds: Self.seconds(until: reopens, from: now))
    }

    /// Whole seconds from `now` until `date`, rounded up (a client that waits this long finds the
    /// limit open), at least 1. Times are stored to the millisecond, so the interval is taken to the
    /// millisecond first: what is left of a 15-minute window is 900 seconds, not 901 because of
    /// the fraction of a millisecond `now` has and a stored time has not.
    static func seconds(until date: Date, from now: Date) -> Int {
        let milliseconds = (date.timeIntervalSince(now) * 1000).rounded()
        return max(1, Int((milliseconds / 1000).rounded(.up)))
    }
}

// MARK: Login attempts

extension IdentityService {
    /// Failures older than this no longer count toward an email's (or a device cookie's) delay and lock.
    static let failureWindow: TimeInterval = 3600

    /// A login attempt: whom it is for and what its failures are counted under.
    struct LoginAttempt: Sendable {
        let user: User?
        /// The browser holds this user's device cookie: counted under it, not the email (see `DeviceCookies`).
        let trusted: Bool
        let key: String
        /// The attempt recorded, as a failure, before its password is checked.
        var id: Int64 = 0
    }

    /// Looks up whom a login is for and says why it is refused before any hashing, if it is.
    func loginAttempt(email: String, client: Client, now: Date, _ db: DatabaseConnection) throws -> (LoginAttempt, refusal: LoginOutcome?) {
        let user = try UserStore.user(email: email, db)
        // A browser holding this user's device cookie is counted on its own (OWASP device cookies):
        // failures made elsewhere neither delay nor lock it, and its own failures lock only it.
        let deviceKey = user.flatMap { devices.recognises(client.deviceCookie, userID: $0.id, stamp: $0.passwordHash, now: now) }
        let attempt = LoginAttempt(user: user, trusted: deviceKey != nil, key: deviceKey ?? Self.emailHash(email))
        // A browser that signed this user in before is not held back by others on its network.
        if !attempt.trusted,
           try LoginAttemptStore.failures(address: client.throttleAddress, since: now.addingTimeInterval(-Self.addressWindow), db) >= Self.addressLimit {
            return (attempt, .addressBlocked)
        }
        let failures = try LoginAttemptStore.failures(key: attempt.key, since: now.addingTimeInterval(-Self.failureWindow), db)
        guard let latest = failures.latest else { return (attempt, nil) }
        // One rule for every email, known or not, so the answer never tells whether an email has a
        // login; a device cookie is locked by its own count, so a stolen one buys no more guesses
        // than anyone gets.
        let unlocks = latest.addingTimeInterval(Self.lockDuration)
        if failures.count >= Self.lockThreshold, unlocks > now {
            return (attempt, .locked(minutes: (Self.seconds(until: unlocks, from: now) + 59) / 60))
        }
        if failures.count >= Self.delayThreshold {
            let ready = latest.addingTimeInterval(min(30.0, pow(2.0, Double(failures.count - Self.delayThreshold))))
            if ready > now { return (attempt, .wait(seconds: Self.seconds(until: ready, from: now))) }
        }
        return (attempt, nil)
    }

    /// Checks the attempt on the counts as they are inside the caller's write transaction and, when
    /// it may go ahead, records it as a failure (`attempt.id`) before any hashing. Writes are
    /// serialized on every engine, so parallel attempts each see those before them: a burst gets
    /// no more guesses than the same attempts one after another.
    func reserveLoginAttempt(email: String, client: Client, now: Date, _ db: DatabaseConnection) throws -> (LoginAttempt, refusal: LoginOutcome?) {
        var (attempt, refusal) = try loginAttempt(email: email, client: client, now: now, db)
        if refusal == nil {
            attempt.id = try LoginAttemptStore.record(key: attempt.key, address: client.throttleAddress, succeeded: false, now: now, db)
        }
        return (attempt, refusal)
    }

    /// A wrong password, its failure already counted: the user's security event and, when this
    /// failure brings the email's count to the lock, the user's lock and its email. Decided on the
    /// count and the lock as they are inside the caller's write transaction, so of parallel failures
    /// exactly one locks and sends the email.
    func settleLoginFailure(_ attempt: LoginAttempt, client: Client, now: Date, _ db: DatabaseConnection) throws {
        guard let user = attempt.user else { return }
        try SecurityEventStore.record(userID: user.id, kind: .loginFailed, ip: client.ip, device: client.device, now: now, db)
        // The user's lock (and its email) is for the email's count only: failures from the user's
        // own browser must not let anyone lock them out of it.
        guard !attempt.trusted,
              // Up to this attempt only: others still being checked may yet succeed or be withdrawn.
              try LoginAttemptStore.failures(key: attempt.key, since: now.addingTimeInterval(-Self.failureWindow),
                                             through: attempt.id, db).count >= Self.lockThreshold,
              try UserStore.user(id: user.id, db)?.lockedUntil.map({ $0 <= now }) ?? true
        else { return }
        try UserStore.lock(userID: user.id, until: now.addingTimeInterval(Self.lockDuration), db)
        try SecurityEventStore.record(userID: user.id, kind: .accountLocked, ip: client.ip, device: client.device, now: now, db)
        try mailer.enqueue(.accountLocked(name: user.name, minutes: Int(Self.lockDuration / 60), ip: client.ip, resetURL: url(.passwordForgot)),
                           to: user.email, userID: user.id, accountID: user.lastAccountId, db)
    }
}

import Database
import Foundation

/// Too many wrong passwords given to confirm sensitive changes (password, email, 2FA, recovery codes).
struct PasswordConfirmationLocked: Error, Sendable, Equatable {
    let minutes: Int
}

extension IdentityService {
    /// Wrong passwords allowed on confirmation forms within `confirmationWindow` before they are refused.
    static let confirmationLimit = 5
    static let confirmationWindow: TimeInterval = 15 * 60

    /// Checks the password of a signed-in user before a sensitive change. Failures are recorded and
    /// throttled per user, so a borrowed session cannot be used to guess the password.
    /// - Throws: `PasswordConfirmationLocked` after `confirmationLimit` failures in the window.
    func confirmPassword(user: User, password: String, client: Client) throws -> Bool {
        let now = clock.now()
        let since = now.addingTimeInterval(-Self.confirmationWindow)
        let failures = try database.read { db in
            try SecurityEventStore.count(userID: user.id, kind: .passwordConfirmationFailed, since: since, db)
        }
        guard failures < Self.confirmationLimit else {
            throw PasswordConfirmationLocked(minutes: Int(Self.confirmationWindow / 60))
        }
        guard !password.isEmpty, password.utf8.count <= PasswordHasher.maxPasswordBytes,
              try hasher.verifyBlocking(password, against: user.passwordHash)
        else {
            try database.write { db in
                try SecurityEventStore.record(userID: user.id, kind: .passwordConfirmationFailed, ip: client.ip, device: client.device, now: now, db)
            }
            return false
        }
        return true
    }
}

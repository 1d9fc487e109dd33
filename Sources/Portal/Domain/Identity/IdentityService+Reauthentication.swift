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
        let pendingKey = Self.confirmationKey(userID: user.id)
        // Checked and counted in one write before hashing (writes are serialized on every engine):
        // while its password is checked, the attempt waits in `login_attempts` and counts as a
        // failure, so parallel confirmations each see those before them.
        let pending = try database.write { db in
            let failures = try SecurityEventStore.count(userID: user.id, kind: .passwordConfirmationFailed, since: since, db)
                + LoginAttemptStore.failures(key: pendingKey, since: since, db).count
            guard failures < Self.confirmationLimit else {
                throw PasswordConfirmationLocked(minutes: Int(Self.confirmationWindow / 60))
            }
            return try LoginAttemptStore.record(key: pendingKey, address: client.throttleAddress, succeeded: false, now: now, db)
        }
        let matches: Bool
        do {
            matches = try !password.isEmpty && password.utf8.count <= PasswordHasher.maxPasswordBytes
                && hasher.verifyBlocking(password, against: user.passwordHash)
        } catch {
            // Nothing was checked (the hasher shed the request): the attempt is withdrawn.
            try? database.write { db in try LoginAttemptStore.delete(id: pending, db) }
            throw error
        }
        do {
            try database.write { db in
                try LoginAttemptStore.delete(id: pending, db)
                if !matches {
                    try SecurityEventStore.record(userID: user.id, kind: .passwordConfirmationFailed, ip: client.ip, device: client.device, now: now, db)
                }
            }
        } catch {
            try? database.write { db in try LoginAttemptStore.delete(id: pending, db) }
            throw error
        }
        return matches
    }

    /// What a confirmation is counted under in `login_attempts` while its password is checked.
    static func confirmationKey(userID: Int64) -> String {
        "confirm:\(userID)"
    }
}

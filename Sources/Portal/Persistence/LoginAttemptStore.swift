import Database
import Foundation

/// Login attempts, counted per email (hashed, so unknown emails behave like known ones) and per address.
enum LoginAttemptStore {
    static func record(emailHash: String, ip: String, succeeded: Bool, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            INSERT INTO login_attempts (email_hash, ip, succeeded, created_at) VALUES (\(emailHash), \(ip), \(succeeded), \(now))
            """)
    }

    struct Failures: Decodable {
        let count: Int
        let latest: Date?
    }

    /// Failures for this email since its last success, within the window.
    static func failures(emailHash: String, since: Date, _ db: DatabaseConnection) throws -> Failures {
        try db.queryFirst(Failures.self, """
            SELECT COUNT(*) AS count, MAX(created_at) AS latest FROM login_attempts
            WHERE email_hash = \(emailHash) AND succeeded = 0 AND created_at > \(since)
              AND id > COALESCE((SELECT MAX(id) FROM login_attempts WHERE email_hash = \(emailHash) AND succeeded = 1), 0)
            """) ?? Failures(count: 0, latest: nil)
    }

    static func failures(ip: String, since: Date, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, "SELECT COUNT(*) FROM login_attempts WHERE ip = \(ip) AND succeeded = 0 AND created_at > \(since)") ?? 0
    }

    static func deleteOlder(than: Date, _ db: DatabaseConnection) throws -> Int {
        try db.execute("DELETE FROM login_attempts WHERE created_at <= \(than)")
    }
}

import Database
import Foundation

/// Login attempts, counted per key and per address.
///
/// The key (column `email_hash`, named for what it first held) is what failures are counted under:
/// the email's hash (`IdentityService.emailHash`, so unknown emails behave like known ones), or for
/// a browser presenting a recognised device cookie, the key `DeviceCookies.recognises` gives for it.
/// The address (column `ip`) is the client's network as `ThrottleAddress` counts it: an IPv4
/// address, or an IPv6 /64; the exact address is in the security events.
///
/// A login records its attempt as a failure before the password is checked, then turns it into a
/// success (`succeed`) or withdraws it when nothing was checked (`delete`): parallel attempts each
/// see those made before them. A password confirmation waits here the same way while its password
/// is checked (key `IdentityService.confirmationKey`), then leaves.
enum LoginAttemptStore {
    /// Returns the attempt's id.
    @discardableResult
    static func record(key: String, address: String, succeeded: Bool, now: Date, _ db: DatabaseConnection) throws -> Int64 {
        try db.queryFirst(Int64.self, """
            INSERT INTO login_attempts (email_hash, ip, succeeded, created_at) VALUES (\(key), \(address), \(succeeded), \(now))
            RETURNING id
            """) ?? 0
    }

    static func succeed(id: Int64, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE login_attempts SET succeeded = 1 WHERE id = \(id)")
    }

    static func delete(id: Int64, _ db: DatabaseConnection) throws {
        try db.execute("DELETE FROM login_attempts WHERE id = \(id)")
    }

    struct Failures: Decodable {
        let count: Int
        let latest: Date?
    }

    /// Failures under this key since its last success, within the window; with `through`, only the
    /// attempts made up to that one (not those still being checked after it).
    static func failures(key: String, since: Date, through: Int64? = nil, _ db: DatabaseConnection) throws -> Failures {
        let upTo: SQL = through.map { "AND id <= \($0)" } ?? ""
        return try db.queryFirst(Failures.self, """
            SELECT COUNT(*) AS count, MAX(created_at) AS latest FROM login_attempts
            WHERE email_hash = \(key) AND succeeded = 0 AND created_at > \(since) \(sql: upTo)
              AND id > COALESCE((SELECT MAX(id) FROM login_attempts WHERE email_hash = \(key) AND succeeded = 1), 0)
            """) ?? Failures(count: 0, latest: nil)
    }

    static func failures(address: String, since: Date, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, "SELECT COUNT(*) FROM login_attempts WHERE ip = \(address) AND succeeded = 0 AND created_at > \(since)") ?? 0
    }

    static func deleteOlder(than: Date, _ db: DatabaseConnection) throws -> Int {
        try db.execute("DELETE FROM login_attempts WHERE created_at <= \(than)")
    }
}

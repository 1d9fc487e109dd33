import Database
import Foundation

/// What a request throttle counts.
enum ThrottleKind: String, Sendable {
    case signup
    case passwordReset = "password_reset"
}

/// Admitted requests per kind and key (the client's network, see `ThrottleAddress`), for limits
/// on requests anyone can make without signing in.
enum ThrottleStore {
    struct Window: Decodable {
        let count: Int
        let oldest: Date?
    }

    /// How many requests of `kind` under `key` were admitted since `since`, and when the first of them was.
    static func window(kind: ThrottleKind, key: String, since: Date, _ db: DatabaseConnection) throws -> Window {
        try db.queryFirst(Window.self, """
            SELECT COUNT(*) AS count, MIN(created_at) AS oldest FROM request_throttles
            WHERE kind = \(kind.rawValue) AND key = \(key) AND created_at > \(since)
            """) ?? Window(count: 0, oldest: nil)
    }

    static func record(kind: ThrottleKind, key: String, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("INSERT INTO request_throttles (kind, key, created_at) VALUES (\(kind.rawValue), \(key), \(now))")
    }

    static func deleteOlder(than: Date, _ db: DatabaseConnection) throws -> Int {
        try db.execute("DELETE FROM request_throttles WHERE created_at <= \(than)")
    }
}

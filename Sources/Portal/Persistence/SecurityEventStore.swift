import Database
import Foundation

/// Recent security activity shown on /account/security.
enum SecurityEventKind: String, Sendable, CaseIterable {
    case loginSucceeded = "login_succeeded"
    case loginFailed = "login_failed"
    case accountLocked = "account_locked"
    case logout
    case passwordChanged = "password_changed"
    case passwordReset = "password_reset"
    case emailChanged = "email_changed"
    case emailVerified = "email_verified"
    case twoFactorEnabled = "two_factor_enabled"
    case twoFactorDisabled = "two_factor_disabled"
    case recoveryCodesRegenerated = "recovery_codes_regenerated"
    case recoveryCodeUsed = "recovery_code_used"
    case sessionEnded = "session_ended"
    case passwordConfirmationFailed = "password_confirmation_failed"
}

enum SecurityEventStore {
    struct Event: Decodable, Sendable {
        let kind: String
        let ip: String
        let device: String
        let detail: String
        let createdAt: Date
    }

    static func record(userID: Int64, kind: SecurityEventKind, ip: String, device: String, detail: String = "", now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            INSERT INTO security_events (user_id, kind, ip, device, detail, created_at)
            VALUES (\(userID), \(kind.rawValue), \(ip), \(device), \(detail), \(now))
            """)
    }

    /// How many events of `kind` the user had since `since` (throttling).
    static func count(userID: Int64, kind: SecurityEventKind, since: Date, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, """
            SELECT COUNT(*) FROM security_events WHERE user_id = \(userID) AND kind = \(kind.rawValue) AND created_at > \(since)
            """) ?? 0
    }

    static func recent(userID: Int64, limit: Int, _ db: DatabaseConnection) throws -> [Event] {
        try db.query(Event.self, """
            SELECT kind, ip, device, detail, created_at FROM security_events
            WHERE user_id = \(userID) ORDER BY created_at DESC, id DESC LIMIT \(limit)
            """)
    }

    static func knownDeviceCount(userID: Int64, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, "SELECT COUNT(*) FROM known_devices WHERE user_id = \(userID)") ?? 0
    }

    /// Whether this device (browser + address family) was seen for the user before; records it if not.
    static func rememberDevice(userID: Int64, deviceHash: String, now: Date, _ db: DatabaseConnection) throws -> Bool {
        let inserted = try db.execute("""
            INSERT INTO known_devices (user_id, device_hash, first_seen_at) VALUES (\(userID), \(deviceHash), \(now))
            ON CONFLICT (user_id, device_hash) DO NOTHING
            """)
        return inserted == 0
    }
}

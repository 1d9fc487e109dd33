import Database
import Foundation

/// Single-use tokens sent by email (verification, password reset, email change). Only the hash is stored.
enum TokenPurpose: String, Sendable {
    case verifyEmail = "verify_email"
    case resetPassword = "reset_password"
    case changeEmail = "change_email"
}

enum TokenStore {
    struct Found: Decodable {
        let id: Int64
        let userId: Int64
        let purpose: String
        let email: String
        let expiresAt: Date
        let usedAt: Date?
    }

    /// Creates a token, revoking the user's earlier unused tokens of the same purpose.
    static func create(tokenHash: String, userID: Int64, purpose: TokenPurpose, email: String = "", now: Date, lifetime: TimeInterval, _ db: DatabaseConnection) throws {
        try db.execute("""
            UPDATE user_tokens SET used_at = \(now)
            WHERE user_id = \(userID) AND purpose = \(purpose.rawValue) AND used_at IS NULL
            """)
        try db.execute("""
            INSERT INTO user_tokens (token_hash, user_id, purpose, email, created_at, expires_at)
            VALUES (\(tokenHash), \(userID), \(purpose.rawValue), \(email), \(now), \(now.addingTimeInterval(lifetime)))
            """)
    }

    static func find(tokenHash: String, purpose: TokenPurpose, _ db: DatabaseConnection) throws -> Found? {
        try db.queryFirst(Found.self, """
            SELECT id, user_id, purpose, email, expires_at, used_at FROM user_tokens
            WHERE token_hash = \(tokenHash) AND purpose = \(purpose.rawValue)
            """)
    }

    /// Marks the token used; false when it was already used (a concurrent request won).
    static func consume(id: Int64, now: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("UPDATE user_tokens SET used_at = \(now) WHERE id = \(id) AND used_at IS NULL") == 1
    }

    static func revokeAll(userID: Int64, purpose: TokenPurpose, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE user_tokens SET used_at = \(now) WHERE user_id = \(userID) AND purpose = \(purpose.rawValue) AND used_at IS NULL")
    }

    static func deleteExpired(before: Date, _ db: DatabaseConnection) throws -> Int {
        try db.execute("DELETE FROM user_tokens WHERE expires_at <= \(before)")
    }
}

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

/// Single-use recovery codes; only their hashes are stored.
enum RecoveryCodeStore {
    static func replace(userID: Int64, hashes: [String], _ db: DatabaseConnection) throws {
        try db.execute("DELETE FROM recovery_codes WHERE user_id = \(userID)")
        for hash in hashes {
            try db.execute("INSERT INTO recovery_codes (user_id, code_hash) VALUES (\(userID), \(hash))")
        }
    }

    /// Uses a code; false when it does not exist or was used.
    static func use(userID: Int64, hash: String, now: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("UPDATE recovery_codes SET used_at = \(now) WHERE user_id = \(userID) AND code_hash = \(hash) AND used_at IS NULL") == 1
    }

    static func remaining(userID: Int64, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = \(userID) AND used_at IS NULL") ?? 0
    }

    static func deleteAll(userID: Int64, _ db: DatabaseConnection) throws {
        try db.execute("DELETE FROM recovery_codes WHERE user_id = \(userID)")
    }
}

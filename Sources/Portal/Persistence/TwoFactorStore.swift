import Database
import Foundation

/// SQL for a user's TOTP columns and for counting wrong second-factor codes. Secrets arrive here
/// already sealed (`SecretBox`); this store never sees a plain secret.
enum TwoFactorStore {
    static func setPending(userID: Int64, sealed: [UInt8], now: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE users SET totp_pending_secret = \(sealed), updated_at = \(now) WHERE id = \(userID)")
    }

    /// Makes `sealed` the active secret; false when 2FA was turned on meanwhile (a concurrent request won).
    static func enable(userID: Int64, sealed: [UInt8], step: Int64, now: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("""
            UPDATE users SET totp_secret = \(sealed), totp_pending_secret = NULL, totp_enabled_at = \(now),
                             totp_last_step = \(step), updated_at = \(now)
            WHERE id = \(userID) AND totp_enabled_at IS NULL
            """) == 1
    }

    static func disable(userID: Int64, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_enabled_at = NULL,
                             totp_last_step = NULL, updated_at = \(now)
            WHERE id = \(userID)
            """)
    }

    /// Records the step of an accepted code. The condition makes a replay lose even when two
    /// requests with the same code race: only one of them moves the step forward.
    static func advanceStep(userID: Int64, to step: Int64, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("""
            UPDATE users SET totp_last_step = \(step)
            WHERE id = \(userID) AND (totp_last_step IS NULL OR totp_last_step < \(step))
            """) == 1
    }

    /// Wrong codes given in one pending session. They are security events (the activity list shows
    /// them), tagged with the session so that each sign-in gets its own budget.
    static func failures(userID: Int64, marker: String, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, """
            SELECT COUNT(*) FROM security_events
            WHERE user_id = \(userID) AND kind = \(SecurityEventKind.loginFailed.rawValue) AND detail = \(marker)
            """) ?? 0
    }

    /// Wrong second-factor codes of the user in any session since `since`.
    static func recentFailures(userID: Int64, since: Date, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, """
            SELECT COUNT(*) FROM security_events
            WHERE user_id = \(userID) AND kind = \(SecurityEventKind.loginFailed.rawValue)
              AND detail LIKE 'second_factor:%' AND created_at > \(since)
            """) ?? 0
    }
}

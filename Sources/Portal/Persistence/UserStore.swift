import Database
import Foundation

/// SQL for users, accounts and memberships.
enum UserStore {
    static let userColumns: SQL = """
        id, public_id, email, name, password_hash, email_verified_at, totp_secret, totp_pending_secret,
        totp_enabled_at, totp_last_step, last_account_id, locked_until, created_at
        """

    static func user(email: String, _ db: DatabaseConnection) throws -> User? {
        try db.queryFirst(User.self, "SELECT \(sql: userColumns) FROM users WHERE email = \(email)")
    }

    static func user(id: Int64, _ db: DatabaseConnection) throws -> User? {
        try db.queryFirst(User.self, "SELECT \(sql: userColumns) FROM users WHERE id = \(id)")
    }

    static func account(id: Int64, _ db: DatabaseConnection) throws -> Account? {
        try db.queryFirst(Account.self, """
            SELECT id, public_id, number, name, company, address_line1, address_line2, postal_code, city,
                   country, phone, vat_number, language, time_zone, pref_billing, pref_technical,
                   pref_commercial, require_delegate_two_factor
            FROM accounts WHERE id = \(id)
            """)
    }

    /// Creates a user and the account they own. Throws `DatabaseError.constraintViolation(.unique, …)`
    /// when the email is taken.
    static func createUserWithAccount(email: String, name: String, passwordHash: String, verified: Bool, now: Date, _ db: DatabaseConnection) throws -> (user: Int64, account: Int64) {
        let userID = try db.queryFirst(Int64.self, """
            INSERT INTO users (public_id, email, name, password_hash, email_verified_at, created_at, updated_at)
            VALUES (\(PublicID.make("usr")), \(email), \(name), \(passwordHash), \(verified ? now : nil), \(now), \(now))
            RETURNING id
            """) ?? 0
        let accountID = try db.queryFirst(Int64.self, """
            INSERT INTO accounts (public_id, number, name, created_at, updated_at)
            VALUES (\(PublicID.make("acc")), \(PublicID.accountNumber()), \(name), \(now), \(now))
            RETURNING id
            """) ?? 0
        try db.execute("""
            INSERT INTO memberships (public_id, full_access, account_id, user_id, role, permissions, created_at)
            VALUES (\(PublicID.make("mem")), 1, \(accountID), \(userID), \(MembershipRole.owner.rawValue), '', \(now))
            """)
        try db.execute("UPDATE users SET last_account_id = \(accountID) WHERE id = \(userID)")
        return (userID, accountID)
    }

    static func setPassword(userID: Int64, hash: String, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE users SET password_hash = \(hash), updated_at = \(now) WHERE id = \(userID)")
    }

    static func markVerified(userID: Int64, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE users SET email_verified_at = COALESCE(email_verified_at, \(now)), updated_at = \(now) WHERE id = \(userID)")
    }

    static func changeEmail(userID: Int64, to email: String, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE users SET email = \(email), email_verified_at = \(now), updated_at = \(now) WHERE id = \(userID)")
    }

    static func lock(userID: Int64, until: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE users SET locked_until = \(until) WHERE id = \(userID)")
    }

    static func unlock(userID: Int64, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE users SET locked_until = NULL WHERE id = \(userID)")
    }

    static func setLastAccount(userID: Int64, accountID: Int64, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE users SET last_account_id = \(accountID) WHERE id = \(userID)")
    }

    /// The account a fresh session starts in: the last one used if still a live membership, else the user's own.
    static func defaultAccount(userID: Int64, now: Date, _ db: DatabaseConnection) throws -> Int64? {
        try db.queryFirst(Int64.self, """
            SELECT m.account_id FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.user_id = \(userID) AND (m.expires_at IS NULL OR m.expires_at > \(now))
            ORDER BY CASE WHEN m.account_id = u.last_account_id THEN 0 WHEN m.role = 'owner' THEN 1 ELSE 2 END, m.id
            LIMIT 1
            """)
    }
}

/// Opaque identifiers for URLs and a human account number; never sequential row ids.
enum PublicID {
    static func make(_ prefix: String) -> String {
        prefix + "_" + SecureRandom.token(bytes: 12)
    }

    /// `HA-` and eight digits, random so that numbers reveal nothing about the customer count.
    static func accountNumber() -> String {
        var digits = ""
        for _ in 0..<8 { digits += String(Int.random(in: 0...9)) }
        return "HA-" + digits
    }
}

import Database
import Foundation

/// SQL for server-side sessions. Only a session token's SHA-256 is stored.
enum SessionStore {
    /// Decoded by column position rather than through `Decodable`: this query runs on every
    /// signed-in request, and positional reads cost a fraction of the keyed decoder.
    struct Loaded {
        let sessionId: Int64
        let sessionPublicId: String
        let stage: String
        let createdAt: Date
        let lastSeenAt: Date
        let expiresAt: Date
        let userId: Int64
        let userPublicId: String
        let userName: String
        let email: String
        let emailVerifiedAt: Date?
        let totpEnabledAt: Date?
        let accountId: Int64?
        let accountPublicId: String?
        let accountNumber: String?
        let accountName: String?
        let role: String?
        let permissions: String?
        let fullAccess: Bool?
        let membershipExpiresAt: Date?
        let requireDelegateTwoFactor: Bool?
        let unread: Int

        init(_ row: Row) throws {
            sessionId = try row.get(0)
            sessionPublicId = try row.get(1)
            stage = try row.get(2)
            createdAt = try row.get(3)
            lastSeenAt = try row.get(4)
            expiresAt = try row.get(5)
            userId = try row.get(6)
            userPublicId = try row.get(7)
            userName = try row.get(8)
            email = try row.get(9)
            emailVerifiedAt = try row.get(10)
            totpEnabledAt = try row.get(11)
            accountId = try row.get(12)
            accountPublicId = try row.get(13)
            accountNumber = try row.get(14)
            accountName = try row.get(15)
            role = try row.get(16)
            fullAccess = try row.get(17)
            permissions = try row.get(18)
            membershipExpiresAt = try row.get(19)
            requireDelegateTwoFactor = try row.get(20)
            unread = try row.get(21)
        }
    }

    /// The session, its user, its current account and membership, and the unread count, in one query.
    static func load(tokenHash: String, _ db: DatabaseConnection) throws -> Loaded? {
        // Column order matters: `Loaded.init` reads by position.
        try db.queryFirst("""
            SELECT s.id AS session_id, s.public_id AS session_public_id, s.stage, s.created_at, s.last_seen_at, s.expires_at,
                   u.id AS user_id, u.public_id AS user_public_id, u.name AS user_name, u.email, u.email_verified_at, u.totp_enabled_at,
                   a.id AS account_id, a.public_id AS account_public_id, a.number AS account_number, a.name AS account_name,
                   m.role, m.full_access, m.permissions, m.expires_at AS membership_expires_at, a.require_delegate_two_factor,
                   (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) AS unread
            FROM sessions s
            JOIN users u ON u.id = s.user_id
            LEFT JOIN memberships m ON m.user_id = s.user_id AND m.account_id = s.account_id
            LEFT JOIN accounts a ON a.id = m.account_id
            WHERE s.token_hash = \(tokenHash)
            """).map { try Loaded($0) }
    }

    static func create(tokenHash: String, userID: Int64, accountID: Int64?, stage: SessionStage, now: Date, expiresAt: Date, ip: String, userAgent: String, _ db: DatabaseConnection) throws -> Int64 {
        try db.queryFirst(Int64.self, """
            INSERT INTO sessions (public_id, token_hash, user_id, account_id, stage, created_at, last_seen_at, expires_at, ip, user_agent, device)
            VALUES (\(PublicID.make("ses")), \(tokenHash), \(userID), \(accountID), \(stage.rawValue), \(now), \(now), \(expiresAt), \(ip), \(String(userAgent.prefix(512))), \(DeviceName.describe(userAgent: userAgent)))
            RETURNING id
            """) ?? 0
    }

    /// Gives the session a new token (login completion, privilege change) and stage.
    static func rotate(sessionID: Int64, newTokenHash: String, stage: SessionStage, accountID: Int64?, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            UPDATE sessions SET token_hash = \(newTokenHash), stage = \(stage.rawValue), account_id = \(accountID), last_seen_at = \(now)
            WHERE id = \(sessionID)
            """)
    }

    static func touch(sessionID: Int64, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE sessions SET last_seen_at = \(now) WHERE id = \(sessionID)")
    }

    static func delete(sessionID: Int64, _ db: DatabaseConnection) throws {
        try db.execute("DELETE FROM sessions WHERE id = \(sessionID)")
    }

    static func delete(publicID: String, userID: Int64, _ db: DatabaseConnection) throws -> Int {
        try db.execute("DELETE FROM sessions WHERE public_id = \(publicID) AND user_id = \(userID)")
    }

    /// Ends every session of the user except `keeping` (nil ends them all).
    @discardableResult
    static func deleteAll(userID: Int64, keeping: Int64?, _ db: DatabaseConnection) throws -> Int {
        if let keeping {
            return try db.execute("DELETE FROM sessions WHERE user_id = \(userID) AND id <> \(keeping)")
        }
        return try db.execute("DELETE FROM sessions WHERE user_id = \(userID)")
    }

    static func deleteExpired(now: Date, idleCutoff: Date, _ db: DatabaseConnection) throws -> Int {
        try db.execute("DELETE FROM sessions WHERE expires_at <= \(now) OR last_seen_at <= \(idleCutoff)")
    }

    struct Listing: Decodable, Sendable {
        let id: Int64
        let publicId: String
        let createdAt: Date
        let lastSeenAt: Date
        let ip: String
        let device: String
    }

    static func list(userID: Int64, _ db: DatabaseConnection) throws -> [Listing] {
        try db.query(Listing.self, """
            SELECT id, public_id, created_at, last_seen_at, ip, device FROM sessions
            WHERE user_id = \(userID) AND stage = 'full' ORDER BY last_seen_at DESC
            """)
    }
}

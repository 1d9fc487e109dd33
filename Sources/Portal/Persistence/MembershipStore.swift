import Database
import Foundation

/// SQL for memberships: who may enter which account, with what, until when.
/// A membership is live while it has no `expires_at` or that moment is still ahead.
enum MembershipStore {
    /// A membership with the person it belongs to.
    struct Member: Decodable, Sendable {
        let id: Int64
        let publicId: String
        let accountId: Int64
        let userId: Int64
        let role: String
        let fullAccess: Bool
        let permissions: String
        let expiresAt: Date?
        let createdAt: Date
        let lastActiveAt: Date?
        let userName: String
        let email: String
        let emailVerifiedAt: Date?

        var membershipRole: MembershipRole { MembershipRole(rawValue: role) ?? .delegate }
        var permissionSet: Set<Permission> { Permission.decode(permissions) }
        func isLive(at now: Date) -> Bool { expiresAt.map { $0 > now } ?? true }
    }

    private static let memberColumns: SQL = """
        m.id, m.public_id, m.account_id, m.user_id, m.role, m.full_access, m.permissions, m.expires_at,
        m.created_at, m.last_active_at, u.name AS user_name, u.email, u.email_verified_at
        """

    /// Everyone with a membership in the account, the owner first, expired ones included (the page marks them).
    static func members(accountID: Int64, _ db: DatabaseConnection) throws -> [Member] {
        try db.query(Member.self, """
            SELECT \(sql: memberColumns) FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.account_id = \(accountID)
            ORDER BY CASE WHEN m.role = 'owner' THEN 0 ELSE 1 END, u.name, m.id
            """)
    }

    /// One membership of this account by its public id; another account's ids find nothing.
    static func member(publicID: String, accountID: Int64, _ db: DatabaseConnection) throws -> Member? {
        try db.queryFirst(Member.self, """
            SELECT \(sql: memberColumns) FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.public_id = \(publicID) AND m.account_id = \(accountID)
            """)
    }

    static func member(userID: Int64, accountID: Int64, _ db: DatabaseConnection) throws -> Member? {
        try db.queryFirst(Member.self, """
            SELECT \(sql: memberColumns) FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.user_id = \(userID) AND m.account_id = \(accountID)
            """)
    }

    /// Whether a login with this email (case-insensitive) holds a live membership in the account.
    static func hasLiveMember(email: String, accountID: Int64, now: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.queryFirst(Int.self, """
            SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.account_id = \(accountID) AND lower(u.email) = lower(\(email))
              AND (m.expires_at IS NULL OR m.expires_at > \(now))
            """) ?? 0 > 0
    }

    /// Adds a delegate, replacing an earlier (expired) membership of the same person in the account.
    static func createDelegate(accountID: Int64, userID: Int64, fullAccess: Bool, permissions: Set<Permission>,
                               expiresAt: Date?, now: Date, _ db: DatabaseConnection) throws -> String {
        try db.execute("""
            DELETE FROM memberships WHERE account_id = \(accountID) AND user_id = \(userID) AND role = \(MembershipRole.delegate.rawValue)
            """)
        let publicID = PublicID.make("mem")
        try db.execute("""
            INSERT INTO memberships (public_id, full_access, account_id, user_id, role, permissions, expires_at, created_at)
            VALUES (\(publicID), \(fullAccess), \(accountID), \(userID), \(MembershipRole.delegate.rawValue),
                    \(Permission.encode(fullAccess ? [] : permissions)), \(expiresAt), \(now))
            """)
        return publicID
    }

    /// Changes a delegate's access; the owner's row is never touched here.
    static func updateDelegate(id: Int64, fullAccess: Bool, permissions: Set<Permission>, expiresAt: Date?, _ db: DatabaseConnection) throws {
        try db.execute("""
            UPDATE memberships SET full_access = \(fullAccess), permissions = \(Permission.encode(fullAccess ? [] : permissions)),
                expires_at = \(expiresAt)
            WHERE id = \(id) AND role = \(MembershipRole.delegate.rawValue)
            """)
    }

    /// Removes a delegate's membership; returns whether a row went (the owner's never does).
    static func deleteDelegate(id: Int64, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("DELETE FROM memberships WHERE id = \(id) AND role = \(MembershipRole.delegate.rawValue)") == 1
    }

    static func markActive(userID: Int64, accountID: Int64, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE memberships SET last_active_at = \(now) WHERE user_id = \(userID) AND account_id = \(accountID)")
    }

    /// An account the user may enter, as the Switch account page lists it.
    struct Entry: Decodable, Sendable {
        let accountId: Int64
        let accountPublicId: String
        let accountName: String
        let accountNumber: String
        let ownerName: String
        let role: String
        let fullAccess: Bool
        let permissions: String
        let expiresAt: Date?
        let lastActiveAt: Date?
        let timeZone: String
    }

    /// Every account where the user holds a live membership: their own first, then by name.
    static func liveAccounts(userID: Int64, now: Date, _ db: DatabaseConnection) throws -> [Entry] {
        try db.query(Entry.self, """
            SELECT a.id AS account_id, a.public_id AS account_public_id, a.name AS account_name, a.number AS account_number,
                   COALESCE((SELECT ou.name FROM memberships om JOIN users ou ON ou.id = om.user_id
                             WHERE om.account_id = a.id AND om.role = 'owner' LIMIT 1), '') AS owner_name,
                   m.role, m.full_access, m.permissions, m.expires_at, m.last_active_at, a.time_zone
            FROM memberships m JOIN accounts a ON a.id = m.account_id
            WHERE m.user_id = \(userID) AND (m.expires_at IS NULL OR m.expires_at > \(now))
            ORDER BY CASE WHEN m.role = 'owner' THEN 0 ELSE 1 END, a.name, a.id
            """)
    }

    /// The live membership of the user in the account with this public id.
    static func liveAccount(userID: Int64, accountPublicID: String, now: Date, _ db: DatabaseConnection) throws -> Entry? {
        try liveAccounts(userID: userID, now: now, db).first { $0.accountPublicId == accountPublicID }
    }

    /// The membership (live or not) of the user in the account with this public id, for leaving.
    static func member(userID: Int64, accountPublicID: String, _ db: DatabaseConnection) throws -> Member? {
        try db.queryFirst(Member.self, """
            SELECT \(sql: memberColumns) FROM memberships m JOIN users u ON u.id = m.user_id JOIN accounts a ON a.id = m.account_id
            WHERE m.user_id = \(userID) AND a.public_id = \(accountPublicID)
            """)
    }

    /// How many accounts the session's user may enter (decides whether login ends on the account chooser).
    static func liveCount(sessionTokenHash: String, now: Date, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, """
            SELECT COUNT(*) FROM memberships m JOIN sessions s ON s.user_id = m.user_id
            WHERE s.token_hash = \(sessionTokenHash) AND (m.expires_at IS NULL OR m.expires_at > \(now))
            """) ?? 0
    }

    /// The account's owner (for notices when a delegate leaves).
    static func owner(accountID: Int64, _ db: DatabaseConnection) throws -> Member? {
        try db.queryFirst(Member.self, """
            SELECT \(sql: memberColumns) FROM memberships m JOIN users u ON u.id = m.user_id
            WHERE m.account_id = \(accountID) AND m.role = 'owner' LIMIT 1
            """)
    }

    static func setRequireDelegateTwoFactor(accountID: Int64, _ required: Bool, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            UPDATE accounts SET require_delegate_two_factor = \(required), updated_at = \(now) WHERE id = \(accountID)
            """)
    }
}

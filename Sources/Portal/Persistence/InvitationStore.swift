import Database
import Foundation

/// Where an invitation stands. Only `pending` ones can be accepted, declined, resent or cancelled.
enum InvitationStatus: String, Sendable {
    case pending
    case accepted
    case declined
    case cancelled
    /// Replaced by a newer invitation of the same email (re-invite or resend).
    case superseded
    case expired
}

/// SQL for invitations to an account. Only the SHA-256 of a link's token is stored.
enum InvitationStore {
    struct Invitation: Decodable, Sendable {
        let id: Int64
        let publicId: String
        let accountId: Int64
        let email: String
        let fullAccess: Bool
        let permissions: String
        let accessExpiresAt: Date?
        let invitedBy: Int64?
        let status: String
        let createdAt: Date
        let expiresAt: Date
        let respondedAt: Date?
        let inviterName: String?
        let accountName: String

        var invitationStatus: InvitationStatus { InvitationStatus(rawValue: status) ?? .cancelled }
        var permissionSet: Set<Permission> { Permission.decode(permissions) }
    }

    private static let columns: SQL = """
        i.id, i.public_id, i.account_id, i.email, i.full_access, i.permissions, i.access_expires_at, i.invited_by,
        i.status, i.created_at, i.expires_at, i.responded_at, u.name AS inviter_name, a.name AS account_name
        """

    private static let from: SQL = """
        invitations i JOIN accounts a ON a.id = i.account_id LEFT JOIN users u ON u.id = i.invited_by
        """

    /// Creates a pending invitation; returns its public id.
    static func create(accountID: Int64, email: String, tokenHash: String, fullAccess: Bool, permissions: Set<Permission>,
                       accessExpiresAt: Date?, invitedBy: Int64, now: Date, expiresAt: Date, _ db: DatabaseConnection) throws -> String {
        let publicID = PublicID.make("inv")
        try db.execute("""
            INSERT INTO invitations (public_id, account_id, email, token_hash, full_access, permissions, access_expires_at,
                                     invited_by, status, created_at, expires_at)
            VALUES (\(publicID), \(accountID), \(email), \(tokenHash), \(fullAccess), \(Permission.encode(fullAccess ? [] : permissions)),
                    \(accessExpiresAt), \(invitedBy), \(InvitationStatus.pending.rawValue), \(now), \(expiresAt))
            """)
        return publicID
    }

    static func find(tokenHash: String, _ db: DatabaseConnection) throws -> Invitation? {
        try db.queryFirst(Invitation.self, "SELECT \(sql: columns) FROM \(sql: from) WHERE i.token_hash = \(tokenHash)")
    }

    /// One invitation of this account by its public id; another account's ids find nothing.
    static func find(publicID: String, accountID: Int64, _ db: DatabaseConnection) throws -> Invitation? {
        try db.queryFirst(Invitation.self, """
            SELECT \(sql: columns) FROM \(sql: from) WHERE i.public_id = \(publicID) AND i.account_id = \(accountID)
            """)
    }

    /// The account's invitations still waiting for an answer, newest first.
    static func pending(accountID: Int64, _ db: DatabaseConnection) throws -> [Invitation] {
        try db.query(Invitation.self, """
            SELECT \(sql: columns) FROM \(sql: from)
            WHERE i.account_id = \(accountID) AND i.status = \(InvitationStatus.pending.rawValue)
            ORDER BY i.created_at DESC, i.id DESC
            """)
    }

    /// Pending invitations of this account to this email (case-insensitive).
    static func pending(accountID: Int64, email: String, _ db: DatabaseConnection) throws -> [Invitation] {
        try db.query(Invitation.self, """
            SELECT \(sql: columns) FROM \(sql: from)
            WHERE i.account_id = \(accountID) AND lower(i.email) = lower(\(email)) AND i.status = \(InvitationStatus.pending.rawValue)
            """)
    }

    /// Invitations sent since `since` (whatever became of them): by one account or by all (nil), to
    /// one email or to anyone (nil).
    static func sentCount(accountID: Int64?, email: String?, since: Date, _ db: DatabaseConnection) throws -> Int {
        let byAccount: SQL = accountID.map { "AND account_id = \($0)" } ?? ""
        let toEmail: SQL = email.map { "AND lower(email) = lower(\($0))" } ?? ""
        return try db.queryFirst(Int.self, """
            SELECT COUNT(*) FROM invitations WHERE created_at > \(since) \(sql: byAccount) \(sql: toEmail)
            """) ?? 0
    }

    /// Pending invitations whose link has run out, for recording their expiry.
    static func overdue(accountID: Int64?, now: Date, _ db: DatabaseConnection) throws -> [Invitation] {
        if let accountID {
            return try db.query(Invitation.self, """
                SELECT \(sql: columns) FROM \(sql: from)
                WHERE i.account_id = \(accountID) AND i.status = \(InvitationStatus.pending.rawValue) AND i.expires_at <= \(now)
                """)
        }
        return try db.query(Invitation.self, """
            SELECT \(sql: columns) FROM \(sql: from)
            WHERE i.status = \(InvitationStatus.pending.rawValue) AND i.expires_at <= \(now)
            """)
    }

    /// Cancels the pending invitations a member sent in an account (their access ended: so does what they offered).
    @discardableResult
    static func cancelPending(invitedBy userID: Int64, accountID: Int64, now: Date, _ db: DatabaseConnection) throws -> Int {
        try db.execute("""
            UPDATE invitations SET status = \(InvitationStatus.cancelled.rawValue), responded_at = \(now)
            WHERE invited_by = \(userID) AND account_id = \(accountID) AND status = \(InvitationStatus.pending.rawValue)
            """)
    }

    /// Moves a pending invitation to `status`; false when it was no longer pending (a concurrent answer won).
    static func close(id: Int64, as status: InvitationStatus, acceptedUserID: Int64? = nil, now: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("""
            UPDATE invitations SET status = \(status.rawValue), responded_at = \(now), accepted_user_id = \(acceptedUserID)
            WHERE id = \(id) AND status = \(InvitationStatus.pending.rawValue)
            """) == 1
    }
}

import Database
import Foundation

/// Categories of email; customers choose which of billing, technical and commercial they receive.
/// Security emails (verification, password, 2FA, sign-in alerts) always go out.
enum EmailCategory: String, Sendable, CaseIterable {
    case security, billing, technical, commercial
}

enum OutboxStatus: String, Sendable {
    /// Waiting for (another) delivery attempt.
    case pending
    case sent
    /// Gave up after the last attempt; kept for the history.
    case failed
    /// No SMTP server configured: written as an .eml file instead.
    case kept
}

/// The email outbox: written in the same transaction as the change that causes an email,
/// delivered afterwards by `OutboxWorker`.
enum OutboxStore {
    struct Email: Decodable, Sendable {
        let id: Int64
        let publicId: String
        let accountId: Int64?
        let userId: Int64?
        let toAddress: String
        let category: String
        let subject: String
        let textBody: String
        let htmlBody: String
        let status: String
        let attempts: Int
        let lastError: String
        let createdAt: Date
        let sentAt: Date?
        /// The body holds a secret link (a token): delivered, but its body is never shown in the history.
        let privateLink: Bool
    }

    static let columns: SQL = "id, public_id, account_id, user_id, to_address, category, subject, text_body, html_body, status, attempts, last_error, created_at, sent_at, private_link"

    @discardableResult
    static func enqueue(to: String, userID: Int64?, accountID: Int64?, category: EmailCategory, subject: String, text: String, html: String,
                        privateLink: Bool = false, now: Date, _ db: DatabaseConnection) throws -> String {
        let publicID = PublicID.make("eml")
        // The delivery job commits with the email, so an email exists exactly when it is queued.
        try JobStore.enqueue(kind: OutboxWorker.kind, payload: publicID, runAt: now, maxAttempts: OutboxWorker.maxAttempts, now: now, db)
        try db.execute("""
            INSERT INTO outbox_emails (public_id, account_id, user_id, to_address, category, subject, text_body, html_body, status, next_attempt_at, created_at, private_link)
            VALUES (\(publicID), \(accountID), \(userID), \(to), \(category.rawValue), \(subject), \(text), \(html), \(OutboxStatus.pending.rawValue), \(now), \(now), \(privateLink))
            """)
        return publicID
    }

    /// Whether an email with this subject went to this address since `since` (sending limits).
    static func sentRecently(to address: String, subject: String, since: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.queryFirst(Int.self, """
            SELECT COUNT(*) FROM outbox_emails WHERE to_address = \(address) AND subject = \(subject) AND created_at > \(since)
            """) ?? 0 > 0
    }

    static func email(publicID: String, _ db: DatabaseConnection) throws -> Email? {
        try db.queryFirst(Email.self, "SELECT \(sql: columns) FROM outbox_emails WHERE public_id = \(publicID)")
    }

    static func markDelivered(id: Int64, status: OutboxStatus, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE outbox_emails SET status = \(status.rawValue), attempts = attempts + 1, sent_at = \(now), last_error = '' WHERE id = \(id)")
    }

    static func markFailedAttempt(id: Int64, error: String, nextAttempt: Date?, now: Date, _ db: DatabaseConnection) throws {
        if let nextAttempt {
            try db.execute("UPDATE outbox_emails SET attempts = attempts + 1, last_error = \(error), next_attempt_at = \(nextAttempt) WHERE id = \(id)")
        } else {
            try db.execute("UPDATE outbox_emails SET status = 'failed', attempts = attempts + 1, last_error = \(error) WHERE id = \(id)")
        }
    }

    static func page(accountID: Int64, offset: Int, limit: Int, _ db: DatabaseConnection) throws -> [Email] {
        try db.query(Email.self, """
            SELECT \(sql: columns) FROM outbox_emails WHERE account_id = \(accountID)
            ORDER BY created_at DESC, id DESC LIMIT \(limit) OFFSET \(offset)
            """)
    }

    static func count(accountID: Int64, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, "SELECT COUNT(*) FROM outbox_emails WHERE account_id = \(accountID)") ?? 0
    }

    static func find(publicID: String, accountID: Int64, _ db: DatabaseConnection) throws -> Email? {
        try db.queryFirst(Email.self, "SELECT \(sql: columns) FROM outbox_emails WHERE public_id = \(publicID) AND account_id = \(accountID)")
    }

    /// What a member of the account may see of its email history: every email of the account except
    /// other people's security emails, whose links (password reset, email change) belong to that person alone.
    private static func visible(accountID: Int64, viewerUserID: Int64) -> SQL {
        "account_id = \(accountID) AND (category <> \(EmailCategory.security.rawValue) OR user_id = \(viewerUserID))"
    }

    /// One page of the account's email history as `viewerUserID` may see it, newest first.
    static func history(accountID: Int64, viewerUserID: Int64, offset: Int, limit: Int, _ db: DatabaseConnection) throws -> [Email] {
        try db.query(Email.self, """
            SELECT \(sql: columns) FROM outbox_emails WHERE \(sql: visible(accountID: accountID, viewerUserID: viewerUserID))
            ORDER BY created_at DESC, id DESC LIMIT \(limit) OFFSET \(offset)
            """)
    }

    static func historyCount(accountID: Int64, viewerUserID: Int64, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, "SELECT COUNT(*) FROM outbox_emails WHERE \(sql: visible(accountID: accountID, viewerUserID: viewerUserID))") ?? 0
    }

    /// One email of the history; nil for another account's email or another person's security email.
    static func historyEmail(publicID: String, accountID: Int64, viewerUserID: Int64, _ db: DatabaseConnection) throws -> Email? {
        try db.queryFirst(Email.self, """
            SELECT \(sql: columns) FROM outbox_emails
            WHERE public_id = \(publicID) AND \(sql: visible(accountID: accountID, viewerUserID: viewerUserID))
            """)
    }

    static func counts(_ db: DatabaseConnection) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try db.query("SELECT status, COUNT(*) AS n FROM outbox_emails GROUP BY status") {
            result[try row.get("status", as: String.self)] = try row.get("n", as: Int.self)
        }
        return result
    }
}

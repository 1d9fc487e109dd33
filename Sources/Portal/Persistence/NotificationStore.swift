import Database
import Foundation

enum NotificationSeverity: String, Sendable {
    case info, success, warning, critical
}

/// Per-user notifications behind the bell.
enum NotificationStore {
    struct Item: Decodable, Sendable {
        let id: Int64
        let publicId: String
        let severity: String
        let message: String
        let link: String
        let readAt: Date?
        let createdAt: Date
    }

    static func add(userID: Int64, severity: NotificationSeverity, message: String, link: String, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            INSERT INTO notifications (public_id, user_id, severity, message, link, created_at)
            VALUES (\(PublicID.make("ntf")), \(userID), \(severity.rawValue), \(message), \(link), \(now))
            """)
    }

    static func list(userID: Int64, offset: Int, limit: Int, _ db: DatabaseConnection) throws -> [Item] {
        try db.query(Item.self, """
            SELECT id, public_id, severity, message, link, read_at, created_at FROM notifications
            WHERE user_id = \(userID) ORDER BY created_at DESC, id DESC LIMIT \(limit) OFFSET \(offset)
            """)
    }

    static func count(userID: Int64, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, "SELECT COUNT(*) FROM notifications WHERE user_id = \(userID)") ?? 0
    }

    /// Marks these notifications of the user read; returns how many were unread.
    static func markRead(userID: Int64, ids: [Int64], now: Date, _ db: DatabaseConnection) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        let list = ids.map { id -> SQL in "\(id)" }.joined(separator: ", ")
        return try db.execute("""
            UPDATE notifications SET read_at = \(now) WHERE user_id = \(userID) AND read_at IS NULL AND id IN (\(sql: list))
            """)
    }

    static func markAllRead(userID: Int64, now: Date, _ db: DatabaseConnection) throws -> Int {
        try db.execute("UPDATE notifications SET read_at = \(now) WHERE user_id = \(userID) AND read_at IS NULL")
    }

}

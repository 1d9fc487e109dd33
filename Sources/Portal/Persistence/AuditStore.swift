import Database
import Foundation

/// The audit log: written inside the transaction of the change it records, never edited.
enum AuditStore {
    /// Records one action in `accountID`'s log. `before` and `after` are short human-readable
    /// summaries of what changed ("permissions: contacts, emails").
    static func record(accountID: Int64, actor: AuditActor, action: AuditAction, target: String = "",
                       before: String = "", after: String = "", now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            INSERT INTO audit_events (account_id, user_id, actor, ip, action, target, before_value, after_value, created_at)
            VALUES (\(accountID), \(actor.userID), \(actor.label), \(actor.ip), \(action.rawValue), \(target),
                    \(String(before.prefix(2000))), \(String(after.prefix(2000))), \(now))
            """)
    }
}

extension AuditStore {
    /// One recorded action as the log shows it.
    struct Event: Decodable, Sendable {
        let id: Int64
        let actor: String
        let ip: String
        let action: String
        let target: String
        let beforeValue: String
        let afterValue: String
        let createdAt: Date
    }

    /// Which events to read. The account is not optional: a log is only ever read for one account.
    struct Filter: Sendable, Equatable {
        let accountID: Int64
        var action: AuditAction?
        /// Part of the actor label ("Name <email>"), matched case-insensitively.
        var person: String?
        /// Inclusive lower and exclusive upper bound of `created_at`.
        var from: Date?
        var until: Date?

        init(accountID: Int64, action: AuditAction? = nil, person: String? = nil, from: Date? = nil, until: Date? = nil) {
            self.accountID = accountID
            self.action = action
            self.person = person
            self.from = from
            self.until = until
        }
    }

    private static let columns: SQL = "id, actor, ip, action, target, before_value, after_value, created_at"

    private static func conditions(_ filter: Filter, _ db: DatabaseConnection) -> SQL {
        var parts: [SQL] = ["account_id = \(filter.accountID)"]
        if let action = filter.action { parts.append("action = \(action.rawValue)") }
        if let person = filter.person, !person.isEmpty {
            parts.append("actor \(raw: db.dialect.caseInsensitiveLike) \(likePattern(person)) ESCAPE '\\'")
        }
        if let from = filter.from { parts.append("created_at >= \(from)") }
        if let until = filter.until { parts.append("created_at < \(until)") }
        return parts.joined(separator: " AND ")
    }

    /// `%text%` with the wildcards a person might type taken literally.
    static func likePattern(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "%" || character == "_" { escaped.append("\\") }
            escaped.append(character)
        }
        return "%" + escaped + "%"
    }

    static func count(_ filter: Filter, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, "SELECT count(*) FROM audit_events WHERE \(sql: conditions(filter, db))") ?? 0
    }

    /// One page of the log, newest first.
    static func page(_ filter: Filter, limit: Int, offset: Int, _ db: DatabaseConnection) throws -> [Event] {
        try db.query(Event.self, """
            SELECT \(sql: columns) FROM audit_events WHERE \(sql: conditions(filter, db))
            ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)
            """)
    }

    /// The next `limit` events older than event `beforeID` (all when nil), newest first: keyset
    /// pagination, so an export walks any size of log in constant memory and constant cost per batch.
    static func batch(_ filter: Filter, beforeID: Int64?, limit: Int, _ db: DatabaseConnection) throws -> [Event] {
        var condition = conditions(filter, db)
        if let beforeID { condition += " AND id < \(beforeID)" }
        return try db.query(Event.self, """
            SELECT \(sql: columns) FROM audit_events WHERE \(sql: condition)
            ORDER BY id DESC LIMIT \(limit)
            """)
    }
}

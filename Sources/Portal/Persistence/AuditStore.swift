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

import Database
import Foundation
import HTML

/// Writes emails into the outbox inside the caller's transaction, so an email exists exactly when
/// the change that caused it was committed. Delivery happens later (`OutboxWorker`).
struct Mailer: Sendable {
    let logger: Logger
    /// Without SMTP, a developer follows verification and reset links from the log.
    let logLinks: Bool
    let now: @Sendable () -> Date

    /// Like `enqueue`, but sends nothing when the same email went to the same address within `interval`:
    /// emails anyone can trigger (password reset, "already registered", verification) must not become a way
    /// to flood a customer's mailbox. Returns whether it was queued.
    @discardableResult
    func enqueueLimited(_ email: EmailTemplate, every interval: TimeInterval, to address: String, userID: Int64?, accountID: Int64?,
                        _ db: DatabaseConnection) throws -> Bool {
        let subject = email.content.subject
        if try OutboxStore.sentRecently(to: address, subject: subject, since: now().addingTimeInterval(-interval), db) { return false }
        try enqueue(email, to: address, userID: userID, accountID: accountID, db)
        return true
    }

    /// An email carrying a secret link (`EmailTemplate.secretLink`) is delivered but its body never
    /// shows in the email history; without SMTP the link is logged for the developer.
    func enqueue(_ email: EmailTemplate, to address: String, userID: Int64?, accountID: Int64?, _ db: DatabaseConnection) throws {
        let content = email.content
        let secretLink = email.secretLink
        try OutboxStore.enqueue(to: address, userID: userID, accountID: accountID, category: email.category,
                                subject: content.subject, text: content.text, html: content.html, privateLink: secretLink != nil,
                                now: now(), db)
        if logLinks, let secretLink {
            logger.info("email link (no SMTP configured)", ["to": .string(address), "subject": .string(content.subject), "link": .string(secretLink)])
        }
    }
}

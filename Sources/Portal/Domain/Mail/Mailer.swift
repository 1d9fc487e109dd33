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

    func enqueue(_ email: EmailTemplate, to address: String, userID: Int64?, accountID: Int64?, _ db: DatabaseConnection, devLink: String? = nil) throws {
        let content = email.content
        try OutboxStore.enqueue(to: address, userID: userID, accountID: accountID, category: email.category,
                                subject: content.subject, text: content.text, html: content.html, now: now(), db)
        if logLinks, let devLink {
            logger.info("email link (no SMTP configured)", ["to": .string(address), "subject": .string(content.subject), "link": .string(devLink)])
        }
    }
}

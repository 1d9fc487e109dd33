import Database
import Foundation
import HTTPServer
import Synchronization
import Testing
@testable import Portal

/// A mail transport that records what it was given and fails on demand.
final class FakeTransport: MailTransport {
    private let sentMessages = Mutex<[EmailMessage]>([])
    private let nextError = Mutex<MailError?>(nil)
    private let callCount = Mutex(0)

    var sent: [EmailMessage] { sentMessages.withLock { $0 } }
    var calls: Int { callCount.withLock { $0 } }

    /// Every following `send` throws `error` (nil: succeeds again).
    func failing(with error: MailError?) { nextError.withLock { $0 = error } }

    func send(_ message: EmailMessage) throws {
        callCount.withLock { $0 += 1 }
        if let error = nextError.withLock({ $0 }) { throw error }
        sentMessages.withLock { $0.append(message) }
    }
}

extension TestApp {
    var services: Services { app.services }

    /// A worker over this app's database delivering through `transport`.
    func worker(_ transport: any MailTransport) -> OutboxWorker {
        OutboxWorker(services: app.services, transport: transport)
    }

    /// The user id and own account id of a signed-up person.
    func ids(of email: String) throws -> (user: Int64, account: Int64) {
        let user = try #require(try database.read { db in try UserStore.user(email: email, db) })
        return (user.id, try #require(user.lastAccountId))
    }

    func email(publicID: String) throws -> OutboxStore.Email? {
        try emails().first { $0.publicId == publicID }
    }

    /// Adds an email to the outbox as a feature of the panel would.
    @discardableResult
    func enqueueEmail(to: String, userID: Int64?, accountID: Int64?, category: EmailCategory = .billing,
                      subject: String, text: String = "Hello", html: String = "<p>Hello</p>", at date: Date? = nil) throws -> String {
        let now = date ?? time.current
        return try database.write { db in
            try OutboxStore.enqueue(to: to, userID: userID, accountID: accountID, category: category,
                                    subject: subject, text: text, html: html, now: now, db)
        }
    }

    func addNotification(userID: Int64, severity: NotificationSeverity = .info, message: String, link: String = "", at date: Date? = nil) throws {
        let now = date ?? time.current
        try database.write { db in
            try NotificationStore.add(userID: userID, severity: severity, message: message, link: link, now: now, db)
        }
    }
}

/// How many times `needle` occurs in `text`.
func occurrences(of needle: String, in text: String) -> Int {
    text.components(separatedBy: needle).count - 1
}

/// The public ids of emails linked from a history page, in page order.
func emailIDs(in html: String) -> [String] {
    html.components(separatedBy: "href=\"/account/emails/").dropFirst().compactMap { rest in
        rest.split(separator: "\"", maxSplits: 1).first.map(String.init)
    }.filter { !$0.contains("/") && !$0.contains("?") }
}

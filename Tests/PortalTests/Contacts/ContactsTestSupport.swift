import Testing
import Database
import Foundation
import HTTPServer
@testable import Portal

/// A complete, valid contact form, with some fields replaced.
func contactForm(_ overrides: [String: String] = [:]) -> [(String, String)] {
    let base: [(String, String)] = [
        ("kind", "organization"), ("name", "Charles Babbage"), ("organization", "Analytical Engines Ltd"),
        ("email", "charles@engines.example"), ("phone", "+44 20 7946 0958"), ("address_line1", "1 Dorset Street"),
        ("address_line2", "Marylebone"), ("postal_code", "W1U 4EG"), ("city", "London"), ("country", "GB"),
    ]
    return base.map { ($0.0, overrides[$0.0] ?? $0.1) }
}

/// One row of the audit log as the tests read it.
struct AuditRow: Decodable, Sendable {
    let userId: Int64?
    let actor: String
    let ip: String
    let action: String
    let target: String
    let beforeValue: String
    let afterValue: String
}

extension TestApp {
    /// A signed-in owner with one contact made through the form, and that contact's page.
    func ownerWithContact() throws -> (person: Person, browser: TestSession, contact: Contact, path: String) {
        let person = Person.make()
        let browser = try person.signUpAndLogIn(self)
        try browser.submit("/account/contacts", form: contactForm(), from: "/account/contacts/new")
        let contact = try #require(try contacts(of: person.email).first)
        return (person, browser, contact, "/account/contacts/\(contact.publicId)")
    }

    /// The contacts of the account `email` owns.
    func contacts(of email: String) throws -> [Contact] {
        guard let account = try ownAccount(of: email) else { return [] }
        return try database.read { db in try ContactStore.list(accountID: account.id, db) }
    }

    func auditRows(of email: String) throws -> [AuditRow] {
        guard let account = try ownAccount(of: email) else { return [] }
        return try database.read { db in
            try db.query(AuditRow.self, """
                SELECT user_id, actor, ip, action, target, before_value, after_value FROM audit_events
                WHERE account_id = \(account.id) ORDER BY id
                """)
        }
    }

    /// The app's own middleware in front of a `ContactsController` that hears `usage` from domains,
    /// and a browser on it holding the cookies (session, CSRF visitor) of `browser`.
    func contactsBrowser(usage: ContactUsage, as browser: TestSession) -> TestSession {
        let controller = ContactsController(services: app.services, usage: usage)
        let middlewares: [any Middleware] = [
            RequestIDMiddleware(),
            ErrorPageMiddleware(logger: app.logger, assets: app.assets),
            SessionMiddleware(identity: app.identity, cookies: app.services.sessionCookies),
            CSRFMiddleware(key: app.keys.key(for: .csrf), https: false),
            AuthorizationMiddleware(),
        ]
        let responder = chain(middlewares) { request in
            guard let route = request.context.route else { throw HTTPError(.notFound) }
            return try controller.handle(route, request)
        }
        let session = TestSession(TestClient(responder))
        for (name, value) in browser.cookies { session.setCookie(name, value) }
        return session
    }
}

extension ContactUsage {
    /// Every contact is named by `domains` domains.
    static func fixed(_ domains: Int) -> ContactUsage { ContactUsage { _, _ in domains } }
}

enum ContactsHTML {
    static func english(_ text: ContactsText) -> String { ProfileHTML.escape(Catalog.english(text)) }
}

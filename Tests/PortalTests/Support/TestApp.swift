import Database
import Foundation
import HTTPServer
@testable import Portal

/// A whole application on a fresh SQLite database in a temporary directory, with a hand-moved
/// clock, a cheap password hash and captured logs. Every test builds its own.
/// With HOSTERRA_TEST_POSTGRES_URL set, each app gets its own fresh PostgreSQL database instead.
final class TestApp: @unchecked Sendable {  // mutable state only in `time` (locked inside ManualTime)
    let app: Application
    let directory: String
    /// The server URL and name of this app's PostgreSQL database, dropped in deinit.
    let postgres: (server: String, name: String)?
    let time: ManualTime
    let logs: LogSink
    let client: TestClient

    /// The cheapest argon2id libsodium accepts: tests check behaviour, not cost.
    static func cheapHasher(maxConcurrent: Int = 4, maxQueued: Int = 256) -> PasswordHasher {
        PasswordHasher(parameters: .init(opsLimit: 1, memLimit: 8192), maxConcurrent: maxConcurrent, maxQueued: maxQueued)
    }

    /// `passwordHasher`: nil builds the application's own, as `serve` does.
    init(passwordHasher: PasswordHasher? = TestApp.cheapHasher(), configure: (inout AppConfiguration) -> Void = { _ in }) throws {
        directory = NSTemporaryDirectory() + "hosterra-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var configuration = AppConfiguration()
        configuration.dataDirectory = directory
        configuration.accessLog = false
        configure(&configuration)
        if let server = ProcessInfo.processInfo.environment["HOSTERRA_TEST_POSTGRES_URL"], !server.isEmpty,
           configuration.databaseURL == nil {
            let name = "portal_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
            try PostgreSQLDatabase.executeOutsideTransaction(url: server, "CREATE DATABASE \(name)")
            configuration.databaseURL = PostgreSQLURL.replacingDatabase(in: server, with: name)
            postgres = (server, name)
        } else {
            postgres = nil
        }
        let (clock, time) = Clock.manual(Date())
        self.time = time
        logs = LogSink.memory()
        app = try Application.build(configuration, dependencies: Dependencies(clock: clock, logSink: logs, passwordHasher: passwordHasher))
        client = TestClient(app.responder)
    }

    deinit {
        app.close()
        try? FileManager.default.removeItem(atPath: directory)
        if let postgres {
            try? PostgreSQLDatabase.executeOutsideTransaction(url: postgres.server, "DROP DATABASE IF EXISTS \(postgres.name) WITH (FORCE)")
        }
    }

    /// A browser: keeps cookies, never follows redirects.
    func browser() -> TestSession { TestSession(client) }

    /// A browser connecting from `address` instead of the test client's 127.0.0.1.
    func browser(from address: String) -> TestSession { TestSession(TestClient(app.responder, remoteAddress: address)) }

    var database: any Database { app.database }

    /// Emails in the outbox, newest last.
    func emails(to address: String? = nil) throws -> [OutboxStore.Email] {
        try database.read { db in
            try db.query(OutboxStore.Email.self, "SELECT \(sql: OutboxStore.columns) FROM outbox_emails ORDER BY id")
        }.filter { address == nil || $0.toAddress == address }
    }

    /// The first link in the newest email to `address` whose URL contains `path`.
    func link(to address: String, containing path: String) throws -> String? {
        for email in try emails(to: address).reversed() {
            if let link = TestApp.links(in: email.textBody).first(where: { $0.contains(path) }) { return link }
        }
        return nil
    }

    static func links(in text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
    }

    /// Turns an absolute link into the path and query the test client takes.
    static func target(of link: String) -> String {
        guard let range = link.range(of: "://") else { return link }
        let rest = link[range.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        return String(rest[slash...])
    }
}

/// Reads the CSRF token out of a page's hidden field.
func csrfToken(in html: String) -> String? {
    guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
    let rest = html[range.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<end])
}

extension TestSession {
    /// GETs `pageTarget`, then POSTs `form` to `target` with the page's CSRF token.
    @discardableResult
    func submit(_ target: String, form: [(String, String)], from pageTarget: String, headers: [(String, String)] = []) throws -> TestResponse {
        let page = try get(pageTarget, headers: headers)
        let token = csrfToken(in: page.text) ?? ""
        return try post(target, form: [("_csrf", token)] + form, headers: headers)
    }
}

/// Sign-up, verification and login of one person, the way a browser does it.
struct Person {
    let name: String
    let email: String
    let password: String

    static func make(_ name: String = "Ada Lovelace") -> Person {
        let local = name.lowercased().replacingOccurrences(of: " ", with: ".") + "." + String(UUID().uuidString.prefix(6)).lowercased()
        return Person(name: name, email: local + "@example.com", password: "violet tugboat quarry 88 lantern")
    }

    /// Signs up and verifies; returns a browser logged in as this person.
    @discardableResult
    func signUpAndLogIn(_ app: TestApp, verify: Bool = true) throws -> TestSession {
        let browser = app.browser()
        try browser.submit("/signup", form: [("name", name), ("email", email), ("password", password)], from: "/signup")
        if verify, let link = try app.link(to: email, containing: "/verify-email") {
            let target = TestApp.target(of: link)
            let token = target.components(separatedBy: "token=").last ?? ""
            try browser.submit("/verify-email", form: [("token", token.removingPercentEncoding ?? token)], from: target)
        }
        try logIn(browser)
        return browser
    }

    @discardableResult
    func logIn(_ browser: TestSession) throws -> TestResponse {
        try browser.submit("/login", form: [("email", email), ("password", password)], from: "/login")
    }
}

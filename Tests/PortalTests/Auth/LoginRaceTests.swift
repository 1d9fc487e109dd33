import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Login and password confirmation: parallel attempts are counted as if one after another")
struct LoginRaceTests {
    static let wrong = "wrong password number x"

    /// A wrong password for `email` from a fresh browser.
    @discardableResult
    static func fail(_ app: TestApp, _ email: String) throws -> TestResponse {
        try app.browser().submit("/login", form: [("email", email), ("password", wrong)], from: "/login")
    }

    /// What a visitor can tell from a login answer: its status, its Retry-After and its page, with
    /// the email typed and the form's CSRF token (different in every browser) left out.
    static func answer(_ response: TestResponse, email: String) -> String {
        var page = response.text.replacingOccurrences(of: email, with: "EMAIL")
        if let token = csrfToken(in: page) { page = page.replacingOccurrences(of: token, with: "TOKEN") }
        return "\(response.status.code) Retry-After: \(response.headers["Retry-After"] ?? "-")\n" + page
    }

    /// `count` failures for `email`, recorded now as parallel requests could leave them, from another network.
    static func recordFailures(_ app: TestApp, _ email: String, count: Int) throws {
        try app.database.write { db in
            for _ in 0..<count {
                try LoginAttemptStore.record(key: IdentityService.emailHash(email), address: "192.0.2.9", succeeded: false, now: app.time.current, db)
            }
        }
    }

    static func count(_ app: TestApp, _ sql: SQL) throws -> Int {
        try app.database.read { db in try db.queryFirst(Int.self, sql) ?? -1 }
    }

    @Test("failures made one after another: a known and an unknown email answer alike at every step, up to and past the lock")
    func knownAndUnknownAlikeInSequence() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        let ghost = "ghost-\(UUID())@example.com"
        // MUT
        var steps: [(known: String, unknown: String)] = []
        for _ in 0...IdentityService.lockThreshold {
            steps.append((Self.answer(try Self.fail(app, person.email), email: person.email), Self.answer(try Self.fail(app, ghost), email: ghost)))
            app.time.advance(by: 31)
        }
        // validate
        for (index, step) in steps.enumerated() {
            #expect(step.known == step.unknown, "after \(index) failures")
        }
        #expect(steps.last?.known.hasPrefix("429 ") == true)
        #expect(steps.last?.known.contains("sign-in is paused") == true)
    }

    @Test("failures left by a burst beyond the lock: a known and an unknown email both answer that sign-in is paused")
    func knownAndUnknownAlikeAfterRecordedBurst() throws {
        // setup: more failures than the lock allows, as parallel requests could once leave them,
        // with the known user never locked.
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        let ghost = "ghost-\(UUID())@example.com"
        for email in [person.email, ghost] { try Self.recordFailures(app, email, count: 2 * IdentityService.lockThreshold) }
        app.time.advance(by: 31)
        // MUT
        let known = try person.logIn(app.browser())
        let unknown = try app.browser().submit("/login", form: [("email", ghost), ("password", person.password)], from: "/login")
        // validate
        #expect(Self.answer(known, email: person.email) == Self.answer(unknown, email: ghost))
        #expect(known.status == .tooManyRequests)
        #expect(known.text.contains("sign-in is paused"))
    }

    @Test("a burst of wrong passwords gets the guesses a sequence gets, and leaves known and unknown emails answering alike")
    func burstCountsLikeSequence() throws {
        // setup
        let app = try TestApp.withWaitingHasher()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        let ghost = "ghost-\(UUID())@example.com"
        let size = 12
        // MUT
        let knownBurst = try burst(app, count: size) { _ in try Self.fail(app, person.email) }
        let unknownBurst = try burst(app, count: size) { _ in try Self.fail(app, ghost) }
        let known = try Self.fail(app, person.email)
        let unknown = try Self.fail(app, ghost)
        // validate
        for answers in [knownBurst, unknownBurst] {
            #expect(answers.filter { $0.status == .unprocessableContent }.count == IdentityService.delayThreshold,
                    "checked: \(answers.map(\.status.code))")
            #expect(answers.filter { $0.status == .tooManyRequests && $0.text.contains("Too many failed attempts. Wait ") }.count
                    == size - IdentityService.delayThreshold)
        }
        #expect(Self.answer(known, email: person.email) == Self.answer(unknown, email: ghost))
        #expect(known.status == .tooManyRequests)
        #expect(try Self.count(app, "SELECT COUNT(*) FROM login_attempts WHERE succeeded = 0") == 2 * IdentityService.delayThreshold)
    }

    @Test("a burst of wrong passwords reaching the lock locks once and sends exactly one email")
    func burstSendsOneLockEmail() throws {
        // setup: one failure short of the lock, past any delay.
        let app = try TestApp.withWaitingHasher()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        try Self.recordFailures(app, person.email, count: IdentityService.lockThreshold - 1)
        app.time.advance(by: 31)
        // MUT
        let answers = try burst(app, count: 8) { _ in try Self.fail(app, person.email) }
        let rightPassword = try person.logIn(app.browser())
        // validate
        #expect(answers.filter { $0.status == .unprocessableContent }.count == 1, "checked: \(answers.map(\.status.code))")
        #expect(answers.filter { $0.status == .tooManyRequests && $0.text.contains("sign-in is paused") }.count == 7)
        #expect(rightPassword.status == .tooManyRequests)
        #expect(try app.emails(to: person.email).filter { $0.subject == "Sign-in paused after failed attempts" }.count == 1)
        #expect(try Self.count(app, "SELECT COUNT(*) FROM security_events WHERE kind = 'account_locked'") == 1)
    }

    @Test("a burst of wrong passwords on a confirmation form gets no more guesses than the limit")
    func confirmationBurst() throws {
        // setup
        let app = try TestApp.withWaitingHasher()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let token = try #require(csrfToken(in: try browser.get("/account/password").text))
        let size = 8
        // MUT
        let answers = try burst(app, count: size) { _ in
            try browser.post("/account/password", form: [("_csrf", token), ("current_password", Self.wrong), ("new_password", "fresh winter orchard 31")])
        }
        let rightPassword = try browser.submit("/account/password", form: [("current_password", person.password), ("new_password", "fresh winter orchard 31")],
                                               from: "/account/password")
        // validate
        #expect(answers.filter { $0.status == .unprocessableContent }.count == IdentityService.confirmationLimit, "checked: \(answers.map(\.status.code))")
        #expect(answers.filter { $0.status == .tooManyRequests }.count == size - IdentityService.confirmationLimit)
        #expect(rightPassword.status == .tooManyRequests)
        #expect(try Self.count(app, "SELECT COUNT(*) FROM security_events WHERE kind = 'password_confirmation_failed'") == IdentityService.confirmationLimit)
        #expect(try Self.count(app, "SELECT COUNT(*) FROM login_attempts WHERE email_hash LIKE 'confirm:%'") == 0, "nothing left waiting")
    }

    @Test("a login or confirmation the hasher sheds (503) is not counted as a failure")
    func shedAttemptsDoNotCount() throws {
        // setup
        let person = Person.make()
        let app = try TestApp.withOneHashPermit(signedUp: person)
        let browser = app.browser()
        try person.logIn(browser)
        // MUT
        let release = try occupy(app.app.services.hasher.limiter)
        let shedLogins = try (0..<IdentityService.lockThreshold).map { _ in try Self.fail(app, person.email).status }
        let shedConfirmations = try (0..<IdentityService.confirmationLimit).map { _ in
            try browser.submit("/account/password", form: [("current_password", Self.wrong), ("new_password", "fresh winter orchard 31")],
                               from: "/account/password").status
        }
        release()
        let login = try person.logIn(app.browser())
        let confirmed = try browser.submit("/account/password", form: [("current_password", person.password), ("new_password", "fresh winter orchard 31")],
                                           from: "/account/password")
        // validate
        #expect(shedLogins.allSatisfy { $0 == .serviceUnavailable })
        #expect(shedConfirmations.allSatisfy { $0 == .serviceUnavailable })
        #expect(login.status == .seeOther)
        #expect(confirmed.status == .seeOther)
        #expect(try Self.count(app, "SELECT COUNT(*) FROM login_attempts WHERE succeeded = 0") == 0)
    }
}

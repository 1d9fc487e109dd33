import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Periodic maintenance")
struct MaintenanceTests {
    func count(_ app: TestApp, _ table: String) throws -> Int {
        try app.database.read { db in try db.queryFirst(Int.self, "SELECT COUNT(*) FROM \(raw: table)") ?? -1 }
    }

    @Test("a live session survives maintenance; an expired one is deleted")
    func expiredSession() throws {
        // setup
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        let maintenance = Maintenance(services: app.services)
        // MUT
        let fresh = try maintenance.run()
        let sessionsBefore = try count(app, "sessions")
        let stillIn = try browser.get("/")
        app.time.advance(by: Double(app.app.configuration.sessionIdleMinutes * 60) + Maintenance.endedSessionRetention + 60)
        let expired = try maintenance.run()
        // validate
        #expect(fresh.sessions == 0)
        #expect(sessionsBefore == 1)
        #expect(stillIn.status == .ok)
        #expect(expired.sessions == 1)
        #expect(try count(app, "sessions") == 0)
        #expect(try browser.get("/").status == .seeOther)
    }

    @Test("old login attempts and long-expired tokens are deleted, recent ones kept")
    func attemptsAndTokens() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app, verify: false)
        try app.browser().submit("/login", form: [("email", person.email), ("password", "wrong password here")], from: "/login")
        let maintenance = Maintenance(services: app.services)
        // MUT
        let now = try maintenance.run()
        app.time.advance(by: 25 * 3600)
        let nextDay = try maintenance.run()
        let attemptsAfterADay = try count(app, "login_attempts")
        let tokensAfterADay = try count(app, "user_tokens")
        app.time.advance(by: 7 * 24 * 3600)
        let nextWeek = try maintenance.run()
        // validate
        #expect(now == Maintenance.Report())
        #expect(nextDay.loginAttempts == 2)
        #expect(attemptsAfterADay == 0)
        #expect(tokensAfterADay == 1)
        #expect(nextWeek.tokens == 1)
        #expect(try count(app, "user_tokens") == 0)
    }
}

@Suite("Periodic maintenance: request throttles")
struct RequestThrottleMaintenanceTests {
    @Test("sign-up and reset-request counts are deleted once older than an hour")
    func throttleRows() throws {
        // setup
        let app = try TestApp()
        try Person.make().signUpAndLogIn(app)
        try app.browser().submit("/password/forgot", form: [("email", "ghost@example.com")], from: "/password/forgot")
        let maintenance = Maintenance(services: app.services)
        // MUT
        let fresh = try maintenance.run()
        app.time.advance(by: Maintenance.requestThrottleRetention + 1)
        let hourLater = try maintenance.run()
        // validate
        #expect(fresh.requestThrottles == 0)
        #expect(hourLater.requestThrottles == 2)
        #expect(try app.database.read { db in try db.queryFirst(Int.self, "SELECT COUNT(*) FROM request_throttles") } == 0)
    }
}

import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Login refusals say when to come back (Retry-After)")
struct LoginRetryAfterTests {
    @Test("a login told to wait carries the same seconds in Retry-After")
    func waitCarriesSeconds() throws {
        // setup
        let app = try TestApp()
        let email = "ghost-\(UUID())@example.com"
        for _ in 0..<IdentityService.delayThreshold { try LoginRaceTests.fail(app, email) }
        // MUT
        let waiting = try LoginRaceTests.fail(app, email)
        // validate
        #expect(waiting.status == .tooManyRequests)
        #expect(waiting.text.contains("Wait 1 second before trying again."))
        #expect(waiting.headers["Retry-After"] == "1")
    }

    @Test("a paused sign-in carries its minutes in Retry-After, as seconds")
    func lockCarriesMinutes() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        for _ in 0..<IdentityService.lockThreshold {
            try LoginRaceTests.fail(app, person.email)
            app.time.advance(by: 31)
        }
        app.time.advance(by: 5 * 60)
        // MUT
        let locked = try person.logIn(app.browser())
        // validate: 15 minutes from the last failure, 5 min 31 s ago: 9 min 29 s, said as 10 minutes.
        #expect(locked.status == .tooManyRequests)
        #expect(locked.text.contains("sign-in is paused for 10 minutes"))
        #expect(locked.headers["Retry-After"] == "600")
    }

    @Test("a network refused for too many failures is told the address window in Retry-After")
    func addressBlockCarriesWindow() throws {
        // setup
        let app = try TestApp()
        for index in 0..<IdentityService.addressLimit { try LoginRaceTests.fail(app, "sprayed-\(index)@example.com") }
        // MUT
        let blocked = try LoginRaceTests.fail(app, "one-more@example.com")
        // validate
        #expect(blocked.status == .tooManyRequests)
        #expect(blocked.text.contains("Too many attempts from your network"))
        #expect(blocked.headers["Retry-After"] == String(Int(IdentityService.addressWindow)))
    }

    @Test("waits are rounded up to whole seconds on the stored millisecond, never padded by a fraction of one")
    func waitRounding() {
        // `now` carries a fraction of a millisecond that stored times (whole milliseconds) do not.
        let now = Date(timeIntervalSince1970: 1_700_000_000.0004)
        let stored = Date(timeIntervalSince1970: 1_700_000_000.000)
        #expect(IdentityService.seconds(until: stored.addingTimeInterval(900), from: now) == 900)
        #expect(IdentityService.seconds(until: stored.addingTimeInterval(1), from: now) == 1)
        #expect(IdentityService.seconds(until: stored.addingTimeInterval(839.25), from: now) == 840)
        #expect(IdentityService.seconds(until: stored.addingTimeInterval(1.002), from: now) == 2)
        #expect(IdentityService.seconds(until: now.addingTimeInterval(0.0001), from: now) == 1)
    }
}

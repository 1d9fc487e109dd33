import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Password hashing under load")
struct HashingLoadTests {
    @Test("the application sizes its own hasher so that hashing never holds every worker thread")
    func applicationSizesHasher() throws {
        // setup / MUT
        let app = try TestApp(passwordHasher: nil) { $0.threads = 3 }
        // validate
        let hasher = app.app.services.hasher
        #expect(hasher.parameters == .owasp)
        #expect(hasher.limiter.maxConcurrent >= 1)
        #expect(hasher.limiter.maxConcurrent + hasher.limiter.maxQueued <= 2, "one of the 3 workers never waits for a hash")
    }

    @Test("with every hashing permit taken and no waiting place, a login is answered 503 with Retry-After instead of waiting")
    func overloadShedsLoad() throws {
        // setup
        let person = Person.make()
        let app = try TestApp.withOneHashPermit(signedUp: person)
        // MUT
        let release = try occupy(app.app.services.hasher.limiter)
        let busy = try person.logIn(app.browser())
        release()
        let afterwards = try person.logIn(app.browser())
        // validate
        #expect(busy.status == .serviceUnavailable)
        #expect(busy.headers["Retry-After"] == "5")
        #expect(busy.text.contains("briefly unavailable"))
        #expect(afterwards.status == .seeOther)
    }
}

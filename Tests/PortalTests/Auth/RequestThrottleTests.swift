import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Per-network limits on sign-up and password-reset requests")
struct RequestThrottleTests {
    func count(_ app: TestApp, _ sql: SQL) throws -> Int {
        try app.database.read { db in try db.queryFirst(Int.self, sql) ?? -1 }
    }

    func signUp(_ app: TestApp, from address: String, email: String) throws -> TestResponse {
        try app.browser(from: address).submit("/signup", form: [("name", "Ada"), ("email", email), ("password", "violet tugboat quarry 88 lantern")],
                                              from: "/signup")
    }

    @Test("sign-ups from one network (an IPv6 /64) are refused with 429 once over the limit, before any password is hashed")
    func signupLimit() throws {
        // setup
        let registered = Person.make()
        let app = try TestApp.withOneHashPermit(signedUp: registered)
        var admitted: [HTTPStatus] = []
        for index in 0..<IdentityService.requestLimit {
            // Known and unknown emails count alike.
            let email = index == 0 ? registered.email : "new-\(index)-\(UUID())@example.com"
            admitted.append(try signUp(app, from: "2001:db8:7:1::" + String(index + 1, radix: 16), email: email).status)
        }
        let usersBefore = try count(app, "SELECT COUNT(*) FROM users")
        // MUT
        let release = try occupy(app.app.services.hasher.limiter)
        let refusedEmail = "one-more-\(UUID())@example.com"
        let refused = try signUp(app, from: "2001:db8:7:1:abcd::1", email: refusedEmail)
        release()
        let usersAfterRefusal = try count(app, "SELECT COUNT(*) FROM users")
        let otherNetwork = try signUp(app, from: "2001:db8:7:2::1", email: "elsewhere-\(UUID())@example.com")
        app.time.advance(by: IdentityService.requestWindow + 1)
        let later = try signUp(app, from: "2001:db8:7:1::1", email: "later-\(UUID())@example.com")
        // validate
        #expect(admitted.allSatisfy { $0 == .seeOther })
        #expect(refused.status == .tooManyRequests, "429, not the hasher's 503: the limit is checked before hashing")
        #expect(refused.text.contains("Too many requests from your network. Wait 15 minutes before trying again."))
        #expect(refused.headers["Retry-After"] == String(Int(IdentityService.requestWindow)))
        #expect(ProfileHTML.tag(refused.text, id: "email")?.contains("value=\"\(refusedEmail)\"") == true, "the form again, as typed")
        #expect(usersAfterRefusal == usersBefore, "the refused sign-up created nothing")
        #expect(otherNetwork.status == .seeOther)
        #expect(later.status == .seeOther)
        #expect(try count(app, "SELECT COUNT(*) FROM users") == usersBefore + 2)
    }

    @Test("sign-ups the hasher sheds with 503 are not counted: the network still has all its sign-ups afterwards")
    func shedSignupsDoNotCount() throws {
        // setup
        let app = try TestApp.withOneHashPermit(signedUp: Person.make())
        let network = "2001:db8:7:3::"
        // MUT
        let release = try occupy(app.app.services.hasher.limiter)
        let shed = try (0..<IdentityService.requestLimit).map { try signUp(app, from: network + "1", email: "shed-\($0)-\(UUID())@example.com").status }
        release()
        let afterwards = try (0..<IdentityService.requestLimit).map { try signUp(app, from: network + "2", email: "new-\($0)-\(UUID())@example.com").status }
        let overLimit = try signUp(app, from: network + "3", email: "over-\(UUID())@example.com")
        // validate
        #expect(shed.allSatisfy { $0 == .serviceUnavailable })
        #expect(afterwards.allSatisfy { $0 == .seeOther }, "\(afterwards)")
        #expect(overLimit.status == .tooManyRequests)
    }

    @Test("a burst of sign-ups from one network creates no more than the limit, however many pass the first check together")
    func signupBurstKeepsLimit() throws {
        // setup
        let app = try TestApp.withWaitingHasher()
        let size = IdentityService.requestLimit + 3
        let usersBefore = try count(app, "SELECT COUNT(*) FROM users")
        // MUT
        let answers = try burst(app, count: size) { index in
            try signUp(app, from: "2001:db8:7:4::1", email: "burst-\(index)-\(UUID())@example.com")
        }
        // validate
        #expect(answers.filter { $0.status == .seeOther }.count == IdentityService.requestLimit, "\(answers.map(\.status.code))")
        #expect(answers.filter { $0.status == .tooManyRequests }.count == size - IdentityService.requestLimit)
        #expect(try count(app, "SELECT COUNT(*) FROM users") == usersBefore + IdentityService.requestLimit)
    }

    @Test("reset requests count per network whether or not the email exists, hash nothing, and are refused with 429 over the limit")
    func resetRequestLimit() throws {
        // setup
        let person = Person.make()
        let app = try TestApp.withOneHashPermit(signedUp: person)
        let release = try occupy(app.app.services.hasher.limiter)
        defer { release() }
        func forgot(_ email: String, from address: String = "198.51.100.7") throws -> TestResponse {
            try app.browser(from: address).submit("/password/forgot", form: [("email", email)], from: "/password/forgot")
        }
        // MUT
        var answers: [TestResponse] = []
        for index in 0..<IdentityService.requestLimit {
            answers.append(try forgot(index.isMultiple(of: 2) ? person.email : "ghost-\(index)-\(UUID())@example.com"))
        }
        app.time.advance(by: 60)
        let refused = try forgot(person.email)
        let otherAddress = try forgot(person.email, from: "198.51.100.8")
        app.runResetJobs()
        // validate
        #expect(answers.allSatisfy { $0.status == .seeOther && $0.location == answers[0].location }, "known and unknown emails answered alike, no hash needed")
        #expect(refused.status == .tooManyRequests)
        #expect(refused.text.contains("Too many requests from your network. Wait 14 minutes before trying again."))
        #expect(refused.headers["Retry-After"] == String(Int(IdentityService.requestWindow) - 60))
        #expect(ProfileHTML.tag(refused.text, id: "email")?.contains("value=\"\(person.email)\"") == true, "the form again, as typed")
        #expect(otherAddress.status == .seeOther)
        #expect(try count(app, "SELECT COUNT(*) FROM request_throttles WHERE kind = 'password_reset'") == IdentityService.requestLimit + 1)
        #expect(try app.emails(to: person.email).filter { $0.subject == "Reset your password" }.count == 1, "the two-minute sending limit still holds")
    }

    @Test("Retry-After rounds the wait up, so a client waiting that long finds the limit open")
    func retryAfterRoundsUp() throws {
        // setup
        let app = try TestApp()
        @discardableResult
        func forgot() throws -> TestResponse {
            try app.browser(from: "198.51.100.9").submit("/password/forgot", form: [("email", "ghost-\(UUID())@example.com")], from: "/password/forgot")
        }
        for _ in 0..<IdentityService.requestLimit { try forgot() }
        app.time.advance(by: 60.75)
        // MUT
        let refused = try forgot()
        app.time.advance(by: TimeInterval(Int(refused.headers["Retry-After"] ?? "") ?? 0))
        let afterwards = try forgot()
        // validate: 839.25 seconds remained
        #expect(refused.status == .tooManyRequests)
        #expect(refused.headers["Retry-After"] == "840")
        #expect(afterwards.status == .seeOther)
    }
}

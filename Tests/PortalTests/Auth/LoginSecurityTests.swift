import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Login: uniform answers, throttling, sessions")
struct LoginSecurityTests {
    @Test("a wrong password and an unknown email get the same answer")
    func uniformRefusal() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        // MUT
        let wrongPassword = try app.browser().submit("/login", form: [("email", person.email), ("password", "not the right one at all")], from: "/login")
        let unknownEmail = try app.browser().submit("/login", form: [("email", "nobody-\(UUID())@example.com"), ("password", "not the right one at all")], from: "/login")
        // validate
        #expect(wrongPassword.status == unknownEmail.status)
        #expect(wrongPassword.text.contains("Email or password is incorrect."))
        #expect(unknownEmail.text.contains("Email or password is incorrect."))
    }

    @Test("repeated failures slow down, then lock sign-in with an email to the owner")
    func throttlingThenLock() throws {
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        var statuses: [Int] = []
        for _ in 0..<IdentityService.lockThreshold {
            let response = try app.browser().submit("/login", form: [("email", person.email), ("password", "wrong password number x")], from: "/login")
            statuses.append(response.status.code)
            app.time.advance(by: 31) // past any progressive delay
        }
        #expect(statuses.allSatisfy { $0 == 422 })
        // Locked now, even with the right password.
        let locked = try app.browser().submit("/login", form: [("email", person.email), ("password", person.password)], from: "/login")
        #expect(locked.status == .tooManyRequests)
        #expect(locked.text.contains("sign-in is paused"))
        #expect(try app.emails(to: person.email).contains { $0.subject == "Sign-in paused after failed attempts" })
        // After the lock the right password works again.
        app.time.advance(by: IdentityService.lockDuration + 1)
        let afterwards = try app.browser().submit("/login", form: [("email", person.email), ("password", person.password)], from: "/login")
        #expect(afterwards.status == .seeOther)
    }

    @Test("a password reset lifts the sign-in lock: the new password works at once")
    func resetLiftsLock() throws {
        // setup: locked after 10 failures
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        for _ in 0..<IdentityService.lockThreshold {
            try app.browser().submit("/login", form: [("email", person.email), ("password", "wrong password number x")], from: "/login")
            app.time.advance(by: 31)
        }
        let locked = try person.logIn(app.browser())
        // MUT: the reset the lock email offers
        try app.browser().submit("/password/forgot", form: [("email", person.email)], from: "/password/forgot")
        app.runResetJobs()
        let link = try #require(try app.link(to: person.email, containing: "/password/reset"))
        let token = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
        let newPassword = "a brand new long passphrase 9"
        let reset = try app.browser().submit("/password/reset", form: [("token", token), ("password", newPassword)], from: TestApp.target(of: link))
        let afterReset = try Person(name: person.name, email: person.email, password: newPassword).logIn(app.browser())
        // validate
        #expect(locked.status == .tooManyRequests)
        #expect(reset.location == "/login")
        #expect(afterReset.status == .seeOther, "not locked out by the failures the reset answered")
    }

    @Test("a right password whose session cannot be written is not left counted as a failure")
    func failedSuccessIsNotAFailure() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        try app.database.write { db in try db.execute("ALTER TABLE sessions RENAME TO sessions_away") }
        // MUT
        let broken = try person.logIn(app.browser())
        try app.database.write { db in try db.execute("ALTER TABLE sessions_away RENAME TO sessions") }
        // validate
        #expect(broken.status == .internalServerError)
        let failures = try app.database.read { db in
            try LoginAttemptStore.failures(key: IdentityService.emailHash(person.email), since: app.time.current.addingTimeInterval(-3600), db).count
        }
        #expect(failures == 0)
        #expect(try person.logIn(app.browser()).status == .seeOther)
    }

    @Test("attempts right after failures must wait, whether or not the email exists")
    func progressiveDelay() throws {
        let app = try TestApp()
        for email in ["ghost-\(UUID())@example.com"] {
            for _ in 0..<IdentityService.delayThreshold {
                _ = try app.browser().submit("/login", form: [("email", email), ("password", "wrong password number x")], from: "/login")
            }
            let waiting = try app.browser().submit("/login", form: [("email", email), ("password", "wrong password number x")], from: "/login")
            #expect(waiting.status == .tooManyRequests)
            #expect(waiting.text.contains("Too many failed attempts. Wait "))
        }
    }

    /// Fails `IdentityService.addressLimit` logins from the test client's address, each for another
    /// email, as a password-spraying attack from one network would.
    private func blockAddress(_ app: TestApp, tag: String = "") throws {
        for index in 0..<IdentityService.addressLimit {
            try app.browser().submit("/login", form: [("email", "sprayed-\(tag)\(index)@example.com"), ("password", "wrong password number x")],
                                     from: "/login")
        }
    }

    /// A browser holding only this device cookie value.
    private func browser(_ app: TestApp, device: String) -> TestSession {
        let browser = app.browser()
        browser.setCookie("hs_device", device)
        return browser
    }

    @Test("an address with too many failures is refused, except a browser that signed the user in before")
    func addressBlockSparesKnownDevices() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let other = Person.make("Grace Hopper")
        let known = try person.signUpAndLogIn(app)
        let othersDevice = try #require(try other.signUpAndLogIn(app).cookies["hs_device"])
        try known.submit("/logout", form: [], from: "/")
        let device = try #require(known.cookies["hs_device"])
        let parts = device.split(separator: ".").map(String.init)
        let tampered = parts[0] + "." + parts[1] + "." + String(parts[2].reversed())
        let reissued = String(Int(parts[0])! + 1) + "." + parts[1] + "." + parts[2]
        try blockAddress(app)
        // MUT
        let stranger = try person.logIn(app.browser())
        let wrongFromKnown = try known.submit("/login", form: [("email", person.email), ("password", "wrong password number x")], from: "/login")
        app.time.advance(by: 31)
        let rightFromKnown = try person.logIn(known)
        let forged = try [othersDevice, tampered, reissued, parts[1], ""].map { try person.logIn(browser(app, device: $0)).status }
        // validate
        #expect(stranger.status == .tooManyRequests)
        #expect(stranger.text.contains("Too many attempts from your network"))
        #expect(wrongFromKnown.status == .unprocessableContent)
        #expect(rightFromKnown.status == .seeOther)
        #expect(try known.get("/").status == .ok)
        #expect(forged.allSatisfy { $0 == .tooManyRequests }, "another user's, altered, re-dated, malformed and empty cookies: \(forged)")
    }

    @Test("failed logins from one IPv6 /64 count together, however the addresses rotate inside it")
    func addressBlockByIPv6Network() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        for index in 0..<IdentityService.addressLimit {
            try app.browser(from: "2001:db8:1:2::" + String(index + 1, radix: 16))
                .submit("/login", form: [("email", "sprayed-\(index)@example.com"), ("password", "wrong password number x")], from: "/login")
        }
        // MUT
        let sameNetwork = try person.logIn(app.browser(from: "2001:db8:1:2:ffff:1:2:3"))
        let nextNetwork = try person.logIn(app.browser(from: "2001:db8:1:3::1"))
        // validate
        #expect(sameNetwork.status == .tooManyRequests)
        #expect(sameNetwork.text.contains("Too many attempts from your network"))
        #expect(nextNetwork.status == .seeOther)
    }

    /// One wrong password for `person` from `browser`, then past any progressive delay.
    @discardableResult
    private func fail(_ app: TestApp, _ person: Person, from browser: TestSession) throws -> TestResponse {
        defer { app.time.advance(by: 31) }
        return try browser.submit("/login", form: [("email", person.email), ("password", "wrong password number x")], from: "/login")
    }

    @Test("failures made elsewhere, enough to lock the email, neither delay nor lock a browser the user signed in from")
    func knownDeviceOutlastsLockElsewhere() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let device = try #require(try person.signUpAndLogIn(app).cookies["hs_device"])
        for _ in 0..<IdentityService.lockThreshold {
            try fail(app, person, from: app.browser())
        }
        // MUT
        let stranger = try person.logIn(app.browser())
        let typoAtHome = try browser(app, device: device).submit("/login", form: [("email", person.email), ("password", "wrong password number x")], from: "/login")
        let home = try person.logIn(browser(app, device: device))
        // validate
        #expect(stranger.status == .tooManyRequests)
        #expect(stranger.text.contains("sign-in is paused"))
        #expect(typoAtHome.status == .unprocessableContent, "no delay from the email's failures")
        #expect(home.status == .seeOther)
        #expect(try app.emails(to: person.email).filter { $0.subject == "Sign-in paused after failed attempts" }.count == 1)
    }

    @Test("a device cookie is slowed and locked by its own failures, without locking the user or emailing them")
    func deviceCookieOwnLock() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let device = try #require(try person.signUpAndLogIn(app).cookies["hs_device"])
        // MUT
        var statuses: [HTTPStatus] = []
        var hurried: TestResponse?
        for index in 0..<IdentityService.lockThreshold {
            let stolen = browser(app, device: device)
            statuses.append(try stolen.submit("/login", form: [("email", person.email), ("password", "wrong password number x")], from: "/login").status)
            if index == IdentityService.delayThreshold - 1 { hurried = try person.logIn(browser(app, device: device)) }
            app.time.advance(by: 31)
        }
        let locked = try person.logIn(browser(app, device: device))
        let elsewhere = try person.logIn(app.browser())
        app.time.advance(by: IdentityService.lockDuration + 1)
        let later = try person.logIn(browser(app, device: device))
        // validate
        #expect(statuses.allSatisfy { $0 == .unprocessableContent })
        #expect(hurried?.status == .tooManyRequests)
        #expect(hurried?.text.contains("Too many failed attempts. Wait ") == true)
        #expect(locked.status == .tooManyRequests)
        #expect(locked.text.contains("sign-in is paused"))
        #expect(elsewhere.status == .seeOther, "the user is not locked by the cookie's failures")
        #expect(!(try app.emails(to: person.email).contains { $0.subject == "Sign-in paused after failed attempts" }))
        #expect(later.status == .seeOther)
    }

    @Test("a device cookie stops working after a password change or 180 days")
    func deviceCookieLimits() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let device = try #require(browser.cookies["hs_device"])
        // MUT 1: a password change voids it.
        let fresh = try person.logIn(self.browser(app, device: device))
        let newPassword = "another violet tugboat 77 harbour"
        let session = self.browser(app, device: device)
        try person.logIn(session)
        let beforeChange = try #require(session.cookies["hs_device"])
        try session.submit("/account/password", form: [("current_password", person.password), ("new_password", newPassword)], from: "/account/password")
        let afterChange = try #require(session.cookies["hs_device"])
        try blockAddress(app, tag: "a")
        let changed = Person(name: person.name, email: person.email, password: newPassword)
        let oldCookie = try changed.logIn(self.browser(app, device: beforeChange))
        let newCookie = try changed.logIn(self.browser(app, device: afterChange))
        // MUT 2: 180 days later nothing issued before counts.
        app.time.advance(by: TimeInterval(DeviceCookies.lifetime) + 1)
        try blockAddress(app, tag: "b")
        let expired = try changed.logIn(self.browser(app, device: afterChange))
        // validate
        #expect(fresh.status == .seeOther)
        #expect(afterChange != beforeChange, "the browser that changed the password gets a new cookie")
        #expect(oldCookie.status == .tooManyRequests)
        #expect(newCookie.status == .seeOther)
        #expect(expired.status == .tooManyRequests)
    }

    @Test("the device cookie is HttpOnly, SameSite=Strict, lasts 180 days and is given only once sign-in is complete")
    func deviceCookieAttributes() throws {
        // setup
        let app = try TestApp()
        let secureApp = try TestApp { $0.publicURL = "https://panel.hosterra.example" }
        let person = Person.make()
        try person.signUpAndLogIn(app)
        try person.signUpAndLogIn(secureApp)
        // MUT
        let response = try person.logIn(app.browser())
        let secure = try person.logIn(secureApp.browser())
        // validate
        let header = try #require(response.headers.values("Set-Cookie").first { $0.hasPrefix("hs_device=") })
        #expect(header.contains("HttpOnly"))
        #expect(header.contains("SameSite=Strict"))
        #expect(header.contains("Max-Age=\(180 * 24 * 3600)"))
        #expect(!header.contains("Secure"))
        let secureHeader = try #require(secure.headers.values("Set-Cookie").first { $0.hasPrefix("__Host-hs_device=") })
        #expect(secureHeader.contains("Secure"))
        #expect(secureHeader.contains("Path=/"))
        #expect(!secureHeader.contains("Domain="))
    }

    @Test("the session cookie is HttpOnly and SameSite=Lax, and login issues a new session id")
    func sessionCookie() throws {
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let first = browser.cookies["hs_session"]
        try browser.submit("/logout", form: [], from: "/")
        let response = try person.logIn(browser)
        let header = try #require(response.headers.values("Set-Cookie").first { $0.hasPrefix("hs_session=") })
        #expect(header.contains("HttpOnly"))
        #expect(header.contains("SameSite=Lax"))
        #expect(!header.contains("Max-Age"))
        #expect(browser.cookies["hs_session"] != first)
        // The token is stored hashed only.
        let token = try #require(browser.cookies["hs_session"])
        let stored = try app.database.read { db in try db.queryFirst(Int.self, "SELECT COUNT(*) FROM sessions WHERE token_hash = \(token)") }
        #expect(stored == 0)
    }

    @Test("logout ends the session on the server: the old cookie no longer works")
    func logoutEndsSessionOnServer() throws {
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        let token = try #require(browser.cookies["hs_session"])
        try browser.submit("/logout", form: [], from: "/")
        let replay = try app.client.get("/", headers: [("Cookie", "hs_session=\(token)")])
        #expect(replay.status == .seeOther)
        #expect(replay.location?.hasPrefix("/login") == true)
    }

    @Test("a session ends after 30 idle minutes, and after 12 hours whatever the activity")
    func sessionTimeouts() throws {
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        app.time.advance(by: 29 * 60)
        #expect(try browser.get("/").status == .ok)
        app.time.advance(by: 31 * 60)
        let idle = try browser.get("/")
        #expect(idle.location?.hasPrefix("/login") == true)
        #expect(try browser.get("/login").text.contains("inactivity"))

        let busy = try Person.make().signUpAndLogIn(app)
        for _ in 0..<25 {
            app.time.advance(by: 29 * 60)
            _ = try busy.get("/")
        }
        #expect(try busy.get("/").location?.hasPrefix("/login") == true)
    }

    @Test("after login the visitor returns to the page they asked for, never to another site")
    func nextParameter() throws {
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        try browser.submit("/logout", form: [], from: "/")
        let asked = try browser.get("/account/security")
        #expect(asked.location == "/login?next=%2Faccount%2Fsecurity")
        let back = try browser.submit("/login", form: [("email", person.email), ("password", person.password), ("next", "/account/security")], from: "/login")
        #expect(back.location == "/account/security")
        try browser.submit("/logout", form: [], from: "/")
        let evil = try browser.submit("/login", form: [("email", person.email), ("password", person.password), ("next", "//evil.example/x")], from: "/login")
        #expect(evil.location == "/")
    }
}

import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Sign-up, verification links and password recovery")
struct SignupAndRecoveryTests {
    @Test("sign-up refuses bad fields beside each one and keeps what was typed", arguments: [
        ("", "a@example.com", "violet tugboat quarry 88 lantern", "This field is required."),
        ("Ada", "not-an-email", "violet tugboat quarry 88 lantern", "Enter an email address like"),
        ("Ada", "ada@example.com", "short", "Use at least 12 characters."),
        ("Ada", "ada@example.com", "password1234", "too common"),
        ("Ada", "adalovelace@example.com", "my adalovelace secret", "Do not use your email address"),
        (String(repeating: "x", count: 101), "ada@example.com", "violet tugboat quarry 88 lantern", "Use at most 100 characters."),
    ])
    func signupValidation(name: String, email: String, password: String, message: String) throws {
        let app = try TestApp()
        let response = try app.browser().submit("/signup", form: [("name", name), ("email", email), ("password", password)], from: "/signup")
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains(message))
        #expect(response.text.contains("aria-invalid=\"true\""))
        if !email.isEmpty { #expect(response.text.contains("value=\"\(email)\"")) }
        #expect(try app.emails().isEmpty)
    }

    @Test("a name with a line break or another control character is refused beside the field, and nothing is created",
          arguments: ["Ada\nLovelace", "Ada\r\nBcc: x@example.com", "Ada\u{7}", "Ada\u{1B}[31m", "Ada\u{85}Lovelace"])
    func signupNameControlCharacters(name: String) throws {
        // setup
        let app = try TestApp()
        // MUT
        let response = try app.browser().submit("/signup", form: [("name", name), ("email", "ada@example.com"), ("password", "violet tugboat quarry 88 lantern")],
                                                from: "/signup")
        // validate
        #expect(response.status == .unprocessableContent)
        #expect(response.text.contains("Remove the line breaks and other control characters."))
        #expect(response.text.contains("id=\"name\"") && response.text.contains("aria-invalid=\"true\""))
        #expect(try app.database.read { db in try db.queryFirst(Int.self, "SELECT COUNT(*) FROM users") } == 0)
        #expect(try app.emails().isEmpty)
    }

    @Test("signing up with a registered email answers the same and tells the owner instead")
    func duplicateSignup() throws {
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        let response = try app.browser().submit("/signup", form: [("name", "Mallory"), ("email", person.email), ("password", "another long password 77")], from: "/signup")
        #expect(response.status == .seeOther)
        #expect(response.location == "/login")
        #expect(try app.emails(to: person.email).last?.subject == "Someone tried to sign up with your email")
        let users = try app.database.read { db in try db.queryFirst(Int.self, "SELECT COUNT(*) FROM users") }
        #expect(users == 1)
    }

    @Test("an unverified user can log in, sees the banner, and the link verifies once")
    func verificationLink() throws {
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app, verify: false)
        #expect(try browser.get("/").text.contains("Confirm your email address (\(person.email))"))
        let link = try #require(try app.link(to: person.email, containing: "/verify-email"))
        let target = TestApp.target(of: link)
        let token = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
        // The GET only shows a button: mail scanners fetching the link verify nothing.
        #expect(try browser.get(target).status == .ok)
        #expect(try browser.get("/").text.contains("Confirm your email address ("))
        let confirmed = try browser.submit("/verify-email", form: [("token", token)], from: target)
        #expect(confirmed.status == .seeOther)
        #expect(!(try browser.get("/").text.contains("Confirm your email address (")))
        let reused = try browser.get(target)
        #expect(reused.status == .gone)
        #expect(reused.text.contains("already used"))
    }

    @Test("forged and expired verification links are refused")
    func badVerificationLinks() throws {
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app, verify: false)
        let forged = try app.browser().get("/verify-email?token=" + String(repeating: "A", count: 43))
        #expect(forged.status == .notFound)
        #expect(forged.text.contains("not valid"))
        let link = try #require(try app.link(to: person.email, containing: "/verify-email"))
        app.time.advance(by: 24 * 3600 + 1)
        let expired = try app.browser().get(TestApp.target(of: link))
        #expect(expired.status == .gone)
        #expect(expired.text.contains("expired"))
    }

    @Test("forgot-password answers the same whether or not the email exists, and the link resets once")
    func passwordReset() throws {
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let known = try app.browser().submit("/password/forgot", form: [("email", person.email)], from: "/password/forgot")
        let unknown = try app.browser().submit("/password/forgot", form: [("email", "ghost-\(UUID())@example.com")], from: "/password/forgot")
        #expect(known.status == unknown.status)
        #expect(known.location == unknown.location)
        app.runResetJobs()

        let link = try #require(try app.link(to: person.email, containing: "/password/reset"))
        #expect(link.hasPrefix("http://127.0.0.1:8080/password/reset?token="))
        let target = TestApp.target(of: link)
        let token = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
        let weak = try app.browser().submit("/password/reset", form: [("token", token), ("password", "short")], from: target)
        #expect(weak.status == .unprocessableContent)
        let done = try app.browser().submit("/password/reset", form: [("token", token), ("password", "a brand new long passphrase 9")], from: target)
        #expect(done.location == "/login")
        // Every session ended, the old password fails, the new one works, the link is spent.
        #expect(try browser.get("/").location?.hasPrefix("/login") == true)
        let old = try app.browser().submit("/login", form: [("email", person.email), ("password", person.password)], from: "/login")
        #expect(old.status == .unprocessableContent)
        let new = try app.browser().submit("/login", form: [("email", person.email), ("password", "a brand new long passphrase 9")], from: "/login")
        #expect(new.status == .seeOther)
        #expect(try app.browser().get(target).status == .gone)
    }

    @Test("a reset link expires after 30 minutes")
    func resetLinkExpires() throws {
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        try app.browser().submit("/password/forgot", form: [("email", person.email)], from: "/password/forgot")
        app.runResetJobs()
        let link = try #require(try app.link(to: person.email, containing: "/password/reset"))
        app.time.advance(by: 30 * 60 + 1)
        #expect(try app.browser().get(TestApp.target(of: link)).status == .gone)
    }

    @Test("reset links are built from the configured public URL, whatever the Host header says")
    func resetLinkIgnoresHost() throws {
        let app = try TestApp { $0.publicURL = "https://panel.hosterra.example" }
        let person = Person.make()
        try person.signUpAndLogIn(app)
        let browser = app.browser()
        let page = try browser.get("/password/forgot", headers: [("Host", "evil.example")])
        _ = try browser.post("/password/forgot", form: [("_csrf", csrfToken(in: page.text) ?? ""), ("email", person.email)], headers: [("Host", "evil.example")])
        app.runResetJobs()
        let link = try #require(try app.link(to: person.email, containing: "/password/reset"))
        #expect(link.hasPrefix("https://panel.hosterra.example/password/reset?token="))
    }
}

@Suite("Sending limits on emails anyone can trigger")
struct EmailSendingLimitTests {
    @Test("repeated password-reset requests send one email per two minutes; sign-ups with a taken email one notice an hour")
    func limits() throws {
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        for _ in 0..<5 {
            try app.browser().submit("/password/forgot", form: [("email", person.email)], from: "/password/forgot")
            try app.browser().submit("/signup", form: [("name", "M"), ("email", person.email), ("password", "another long password 77")], from: "/signup")
            app.runResetJobs()
        }
        let subjects = { try app.emails(to: person.email).map(\.subject) }
        #expect(try subjects().filter { $0 == "Reset your password" }.count == 1)
        #expect(try subjects().filter { $0 == "Someone tried to sign up with your email" }.count == 1)
        app.time.advance(by: IdentityService.resetEmailInterval + 1)
        try app.browser().submit("/password/forgot", form: [("email", person.email)], from: "/password/forgot")
        app.runResetJobs()
        #expect(try subjects().filter { $0 == "Reset your password" }.count == 2)
    }
}

import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Turning two-factor authentication on and off")
struct SecurityEnrolmentTests {
    @Test("enrolment: the key shown under the QR code gives a code that turns 2FA on and shows 10 recovery codes once")
    func enrolEndToEnd() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let sessionBefore = browser.cookies["hs_session"]
        // MUT
        let setup = try browser.get("/account/security/2fa")
        let secret = try #require(SecurityPageReader.key(in: setup.text))
        let again = try browser.get("/account/security/2fa")
        let enabled = try browser.post("/account/security/2fa", form: [("_csrf", csrfToken(in: setup.text) ?? ""), ("code", app.code(secret)),
                                                                       ("current_password", person.password)])
        // validate
        #expect(setup.status == .ok)
        #expect(setup.text.contains("autocomplete=\"current-password\""))
        #expect(setup.text.contains("<svg"))
        #expect(setup.text.contains("role=\"img\""))
        #expect(!setup.text.contains("style="))
        #expect(secret.count == TOTP.secretLength)
        #expect(SecurityPageReader.key(in: again.text) == secret, "the pending secret is reused until confirmed")
        #expect(enabled.status == .ok)
        #expect(enabled.headers["Cache-Control"] == "no-store")
        let codes = SecurityPageReader.recoveryCodes(in: enabled.text)
        #expect(codes.count == 10)
        #expect(Set(codes).count == 10)
        #expect(browser.cookies["hs_session"] != sessionBefore, "a privilege change rotates the session token")
        let stored = try #require(try app.database.read { db in try UserStore.user(email: person.email, db) })
        #expect(stored.totpSecret != nil && stored.totpSecret != secret, "the secret is stored sealed")
        #expect(stored.totpPendingSecret == nil)
        let storedHashes = try app.database.read { db in try db.query(String.self, "SELECT code_hash FROM recovery_codes WHERE user_id = \(stored.id)") }
        #expect(storedHashes.count == 10)
        #expect(!storedHashes.contains { hash in codes.contains { hash.contains($0) } })
        #expect(try app.emails(to: person.email).contains { $0.subject == "Two-factor authentication is on" })
        // The page's forms carry the new session's CSRF token: logging out from it works.
        let logout = try browser.post("/logout", form: [("_csrf", csrfToken(in: enabled.text) ?? "")])
        #expect(logout.status == .seeOther)
        #expect(logout.location == "/login")
    }

    @Test("the security page shows 2FA on, the codes left, and the change in the activity list")
    func securityPageAfterEnrolment() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        // MUT
        let page = try enrolled.browser.get("/account/security")
        // validate
        #expect(page.status == .ok)
        #expect(page.text.contains("10 unused recovery codes left."))
        #expect(page.text.contains("Two-factor authentication turned on"))
        #expect(page.text.contains("Logged in"))
        #expect(page.text.contains("127.0.0.1"))
        #expect(page.text.contains("This session"))
        #expect(try app.database.read { db in try NotificationStore.count(userID: try app.userID(enrolled.person.email), db) } >= 1)
    }

    @Test("a wrong code or a wrong or missing password at enrolment answers 422 with the same key; nothing is turned on")
    func enrolWrongCode() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let setup = try browser.get("/account/security/2fa")
        let secret = try #require(SecurityPageReader.key(in: setup.text))
        let token = csrfToken(in: setup.text) ?? ""
        let wrong = app.wrongCode(secret)
        // MUT
        let refused = try browser.post("/account/security/2fa", form: [("_csrf", token), ("code", wrong), ("current_password", person.password)])
        let letters = try browser.post("/account/security/2fa", form: [("_csrf", token), ("code", "abcdef"), ("current_password", person.password)])
        let noPassword = try browser.post("/account/security/2fa", form: [("_csrf", token), ("code", app.code(secret))])
        let wrongPassword = try browser.post("/account/security/2fa", form: [("_csrf", token), ("code", app.code(secret)),
                                                                             ("current_password", "not my password at all")])
        let security = try browser.get("/account/security")
        // validate
        #expect(refused.status == .unprocessableContent)
        #expect(refused.text.contains("This code does not match"))
        #expect(SecurityPageReader.key(in: refused.text) == secret)
        #expect(letters.status == .unprocessableContent)
        #expect(letters.text.contains("Enter the 6 digits"))
        #expect(SecurityPageReader.key(in: letters.text) == secret)
        #expect(noPassword.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(noPassword.text, "current_password") == ProfileHTML.english(.fieldRequired))
        #expect(wrongPassword.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(wrongPassword.text, "current_password") == ProfileHTML.english(.security(.passwordWrong)))
        #expect(SecurityPageReader.key(in: wrongPassword.text) == secret)
        #expect(security.text.contains("Turn on two-factor authentication"))
        #expect(!security.text.contains("unused recovery code"))
    }

    @Test("once 2FA is on, the setup page redirects to the security page")
    func setupWhenEnabled() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        // MUT
        let response = try enrolled.browser.get("/account/security/2fa")
        // validate
        #expect(response.status == .seeOther)
        #expect(response.location == "/account/security")
    }

    @Test("turning 2FA off needs both the password and a current code")
    func disableNeedsPasswordAndCode() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        let browser = enrolled.browser
        app.nextStep()
        let form = "/account/security"
        // MUT
        let empty = try browser.submit("/account/security/2fa/disable", form: [("disable_password", ""), ("disable_code", "")], from: form)
        let wrongPassword = try browser.submit("/account/security/2fa/disable", form: [("disable_password", "not my password at all"), ("disable_code", app.code(enrolled.secret))], from: form)
        let wrongCode = try browser.submit("/account/security/2fa/disable", form: [("disable_password", enrolled.person.password), ("disable_code", app.code(enrolled.secret, steps: -3))], from: form)
        let stillOn = try browser.get("/account/security")
        let disabled = try browser.submit("/account/security/2fa/disable", form: [("disable_password", enrolled.person.password), ("disable_code", app.code(enrolled.secret))], from: form)
        let after = try browser.get("/account/security")
        let fresh = app.browser()
        let login = try enrolled.person.logIn(fresh)
        // validate
        #expect(empty.status == .unprocessableContent)
        #expect(empty.text.contains("This field is required."))
        #expect(wrongPassword.status == .unprocessableContent)
        #expect(wrongPassword.text.contains("This password is not correct."))
        #expect(wrongCode.status == .unprocessableContent)
        #expect(wrongCode.text.contains("This code does not match"))
        #expect(stillOn.text.contains("unused recovery codes left"))
        #expect(disabled.status == .seeOther)
        #expect(disabled.location == "/account/security")
        #expect(after.text.contains("Two-factor authentication is off."))
        #expect(after.text.contains("Two-factor authentication turned off"))
        #expect(login.location == "/", "without 2FA the password alone signs in")
        let user = try #require(try app.database.read { db in try UserStore.user(email: enrolled.person.email, db) })
        #expect(user.totpSecret == nil && user.totpEnabledAt == nil)
        #expect(try app.database.read { db in try RecoveryCodeStore.remaining(userID: user.id, db) } == 0)
        #expect(try app.emails(to: enrolled.person.email).contains { $0.subject == "Two-factor authentication was turned off" })
    }

    @Test("a code used to turn 2FA off cannot be replayed at login")
    func disableCodeNotReplayable() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        app.nextStep()
        let code = app.code(enrolled.secret)
        let pending = try enrolled.pendingBrowser(app)
        #expect(try pending.enterSecondFactor(code).status == .seeOther)
        // MUT
        let replay = try enrolled.browser.submit("/account/security/2fa/disable", form: [("disable_password", enrolled.person.password), ("disable_code", code)], from: "/account/security")
        // validate
        #expect(replay.status == .unprocessableContent)
    }

    @Test("state-changing security forms without a CSRF token are refused with 403")
    func csrfRequired() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        let browser = enrolled.browser
        let pending = try enrolled.pendingBrowser(app)
        // MUT
        let responses = [
            try browser.post("/account/security/2fa", form: [("code", "123456")]),
            try browser.post("/account/security/2fa/disable", form: [("disable_password", enrolled.person.password), ("disable_code", "123456")]),
            try browser.post("/account/security/recovery-codes", form: [("recovery_password", enrolled.person.password)]),
            try browser.post("/account/security/sessions/end-others", form: []),
            try browser.post("/account/security/sessions/ses_x/end", form: []),
            try pending.post("/login/2fa", form: [("code", app.code(enrolled.secret))]),
        ]
        // validate
        for response in responses { #expect(response.status == .forbidden) }
        #expect(try browser.get("/account/security").text.contains("10 unused recovery codes left."))
    }
}

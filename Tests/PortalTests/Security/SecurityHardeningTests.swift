import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Two-factor hardening")
struct SecurityHardeningTests {
    @Test("an unverified sign-up cannot set up two-factor authentication")
    func unverifiedCannotEnrol() throws {
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app, verify: false)
        let page = try browser.get("/account/security/2fa")
        #expect(page.status == .forbidden)
        #expect(page.text.contains("Confirm your email address first"))
        let submit = try browser.submit("/account/security/2fa", form: [("code", "123456")], from: "/account/security")
        #expect(submit.status == .forbidden)
    }

    @Test("turning two-factor on ends the other sessions, which were opened with the password alone")
    func enrolmentEndsOtherSessions() throws {
        let app = try TestApp()
        let person = Person.make()
        let other = try person.signUpAndLogIn(app)
        let browser = app.browser()
        try person.logIn(browser)
        let setup = try browser.get("/account/security/2fa")
        let secret = try #require(SecurityPageReader.key(in: setup.text))
        let enabled = try browser.post("/account/security/2fa", form: [("_csrf", csrfToken(in: setup.text) ?? ""), ("code", app.code(secret)), ("current_password", person.password)])
        #expect(enabled.status == .ok)
        #expect(try other.get("/").location?.hasPrefix("/login") == true)
        #expect(try browser.get("/").status == .ok)
    }

    @Test("wrong codes on the disable form count toward the confirmation limit")
    func disableCodesThrottled() throws {
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        for _ in 0..<IdentityService.confirmationLimit {
            app.nextStep()
            let response = try enrolled.browser.submit("/account/security/2fa/disable",
                                                       form: [("disable_password", enrolled.person.password), ("disable_code", app.wrongCode(enrolled.secret))],
                                                       from: "/account/security")
            #expect(response.status == .unprocessableContent)
        }
        app.nextStep()
        let locked = try enrolled.browser.submit("/account/security/2fa/disable",
                                                 form: [("disable_password", enrolled.person.password), ("disable_code", app.code(enrolled.secret))],
                                                 from: "/account/security")
        #expect(locked.status == .tooManyRequests)
    }
}

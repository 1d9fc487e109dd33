import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Changing the password")
struct PasswordChangeTests {
    static let newPassword = "copper walrus meadow 19 kettle"

    @Test("the new password works, the old one fails, other browsers are signed out and this one stays in")
    func changes() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let other = app.browser()
        try person.logIn(other)
        #expect(try other.get("/").status == .ok)
        let oldCookie = try #require(browser.cookies["hs_session"])
        // MUT
        let response = try browser.submit("/account/password", form: [("current_password", person.password), ("new_password", Self.newPassword)], from: "/account/password")
        // validate
        #expect(response.status == .seeOther)
        #expect(response.location == "/account/password")
        let newCookie = try #require(response.cookies["hs_session"])
        #expect(newCookie != oldCookie)
        let page = try browser.get("/account/password")
        #expect(page.status == .ok)
        #expect(page.text.contains(ProfileHTML.escape(Catalog(.english)(.flash(.passwordChanged)))))
        #expect(try other.get("/").status == .seeOther, "the other browser's session ended")
        let stale = app.browser()
        stale.setCookie("hs_session", oldCookie)
        #expect(try stale.get("/").status == .seeOther, "the old session token no longer works")
        #expect(try person.logIn(app.browser()).status == .unprocessableContent)
        #expect(try Person(name: person.name, email: person.email, password: Self.newPassword).logIn(app.browser()).status == .seeOther)
        #expect(try app.emails(to: person.email).contains { $0.subject == "Your password was changed" })
        let user = try #require(try app.user(email: person.email))
        #expect(try app.securityEvents(userID: user.id).contains(SecurityEventKind.passwordChanged.rawValue))
    }

    @Test("a wrong current password gives 422 beside the field and keeps the old password")
    func wrongCurrent() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        // MUT
        let response = try browser.submit("/account/password", form: [("current_password", "not my password at all"), ("new_password", Self.newPassword)], from: "/account/password")
        // validate
        #expect(response.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(response.text, "current_password") == ProfileHTML.english(.passwordWrongCurrent))
        #expect(!response.text.contains(Self.newPassword), "passwords are never echoed")
        #expect(try person.logIn(app.browser()).status == .seeOther)
        #expect(try browser.get("/").status == .ok)
    }

    @Test("a weak, empty or unchanged new password is refused beside the field")
    func invalidNew() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let cases: [(String, String)] = [
            ("short", ProfileHTML.english(.passwordTooShort(12))),
            ("", ProfileHTML.english(.fieldRequired)),
            (person.password, ProfileHTML.english(.passwordSameAsCurrent)),
        ]
        for (typed, message) in cases {
            // MUT
            let response = try browser.submit("/account/password", form: [("current_password", person.password), ("new_password", typed)], from: "/account/password")
            // validate
            #expect(response.status == .unprocessableContent, "\(typed)")
            #expect(ProfileHTML.fieldError(response.text, "new_password") == message, "\(typed)")
        }
        #expect(try person.logIn(app.browser()).status == .seeOther)
    }

    @Test("an empty or absurdly long current password is refused without a crash")
    func currentEdgeCases() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        // MUT
        let empty = try browser.submit("/account/password", form: [("current_password", ""), ("new_password", Self.newPassword)], from: "/account/password")
        let huge = try browser.submit("/account/password", form: [("current_password", String(repeating: "a", count: 5000)), ("new_password", Self.newPassword)], from: "/account/password")
        // validate
        #expect(empty.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(empty.text, "current_password") == ProfileHTML.english(.fieldRequired))
        #expect(huge.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(huge.text, "current_password") == ProfileHTML.english(.passwordWrongCurrent))
    }
}

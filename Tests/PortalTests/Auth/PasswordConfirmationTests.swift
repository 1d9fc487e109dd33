import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Password confirmation on sensitive changes")
struct PasswordConfirmationTests {
    @Test("wrong passwords on confirmation forms are throttled per user, whatever the form, and recorded")
    func throttled() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        // MUT: wrong passwords spread over two forms that need it
        for attempt in 0..<IdentityService.confirmationLimit {
            let response = attempt % 2 == 0
                ? try browser.submit("/account/password", form: [("current_password", "not my password at all"), ("new_password", "fresh winter orchard 31")], from: "/account/password")
                : try browser.submit("/account/email", form: [("current_password", "not my password at all"), ("new_email", "elsewhere@example.com")], from: "/account")
            #expect(response.status == .unprocessableContent)
        }
        // validate: even the right password is refused now
        let locked = try browser.submit("/account/password", form: [("current_password", person.password), ("new_password", "fresh winter orchard 31")], from: "/account/password")
        #expect(locked.status == .tooManyRequests)
        #expect(locked.text.contains("Too many wrong passwords"))
        #expect(locked.headers["Retry-After"] == "900")
        #expect(try browser.get("/account/security").text.contains("Wrong password given to confirm a change"))
        // After the window the right password works again.
        app.time.advance(by: IdentityService.confirmationWindow + 1)
        try app.database.write { db in try db.execute("UPDATE sessions SET last_seen_at = \(app.time.current)") }
        let changed = try browser.submit("/account/password", form: [("current_password", person.password), ("new_password", "fresh winter orchard 31")], from: "/account/password")
        #expect(changed.status == .seeOther)
    }
}

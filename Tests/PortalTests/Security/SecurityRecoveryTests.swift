import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Recovery codes")
struct SecurityRecoveryTests {
    @Test("a recovery code signs in once, typed in any case and spacing; the second use is refused")
    func singleUse() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        let code = try #require(enrolled.recoveryCodes.first)
        let typed = " " + code.uppercased().replacingOccurrences(of: "-", with: " ") + " "
        let first = try enrolled.pendingBrowser(app)
        // MUT
        let used = try first.enterSecondFactor(typed)
        let second = try enrolled.pendingBrowser(app)
        let reused = try second.enterSecondFactor(code)
        let page = try first.get("/account/security")
        // validate
        #expect(used.status == .seeOther)
        #expect(used.location == "/")
        #expect(reused.status == .unprocessableContent)
        #expect(page.text.contains("9 unused recovery codes left."))
        #expect(page.text.contains("Logged in with a recovery code"))
        let userID = try app.userID(enrolled.person.email)
        let notices = try app.database.read { db in try NotificationStore.list(userID: userID, offset: 0, limit: 20, db) }
        #expect(notices.contains { $0.message.hasPrefix("A recovery code was used to log in") })
        #expect(!(try app.emails(to: enrolled.person.email).contains { $0.subject.lowercased().contains("recovery code was used") }))
    }

    @Test("when few recovery codes remain the person is warned")
    func lowWarning() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        // MUT
        for code in enrolled.recoveryCodes.prefix(7) {
            #expect(try enrolled.pendingBrowser(app).enterSecondFactor(code).location == "/")
        }
        // validate
        let userID = try app.userID(enrolled.person.email)
        let notices = try app.database.read { db in try NotificationStore.list(userID: userID, offset: 0, limit: 50, db) }
        #expect(notices.contains { $0.message == "Only 3 recovery codes left. Create new ones in your security settings." })
        #expect(!notices.contains { $0.message.hasPrefix("Only 4 recovery codes") })
    }

    @Test("new recovery codes need the password, are shown once and make the old ones useless")
    func regenerate() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        let browser = enrolled.browser
        // MUT
        let missing = try browser.submit("/account/security/recovery-codes", form: [("recovery_password", "")], from: "/account/security")
        let wrong = try browser.submit("/account/security/recovery-codes", form: [("recovery_password", "certainly not it 123")], from: "/account/security")
        let made = try browser.submit("/account/security/recovery-codes", form: [("recovery_password", enrolled.person.password)], from: "/account/security")
        let newCodes = SecurityPageReader.recoveryCodes(in: made.text)
        let oldCode = try enrolled.pendingBrowser(app).enterSecondFactor(enrolled.recoveryCodes[0])
        let newCode = try enrolled.pendingBrowser(app).enterSecondFactor(newCodes.first ?? "")
        // validate
        #expect(missing.status == .unprocessableContent)
        #expect(missing.text.contains("This field is required."))
        #expect(wrong.status == .unprocessableContent)
        #expect(wrong.text.contains("This password is not correct."))
        #expect(made.status == .ok)
        #expect(made.headers["Cache-Control"] == "no-store")
        #expect(newCodes.count == 10)
        #expect(Set(newCodes).isDisjoint(with: enrolled.recoveryCodes))
        #expect(oldCode.status == .unprocessableContent)
        #expect(newCode.location == "/")
        #expect(try app.emails(to: enrolled.person.email).contains { $0.subject == "New recovery codes were created" })
        #expect(try browser.get("/account/security").text.contains("New recovery codes created"))
    }

    @Test("recovery codes cannot be made while 2FA is off")
    func regenerateWithoutTwoFactor() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        // MUT
        let response = try browser.submit("/account/security/recovery-codes", form: [("recovery_password", person.password)], from: "/account/security")
        // validate
        #expect(response.status == .seeOther)
        #expect(try app.database.read { db in try RecoveryCodeStore.remaining(userID: try app.userID(person.email), db) } == 0)
    }

    @Test("typed recovery codes are normalised; anything else is not a code")
    func normalisation() {
        // setup, MUT, validate
        #expect(IdentityService.normalizeRecoveryCode("AB3DE-FG7HJ") == "ab3defg7hj")
        #expect(IdentityService.normalizeRecoveryCode(" ab3de fg7hj ") == "ab3defg7hj")
        #expect(IdentityService.normalizeRecoveryCode("abcdo-fgihl") == "abcd0fg1h1")
        #expect(IdentityService.normalizeRecoveryCode("abcde-fghj") == nil)
        #expect(IdentityService.normalizeRecoveryCode("abcde-fghj!") == nil)
        #expect(IdentityService.classifySecondFactor("123 456") == .totp("123456"))
        #expect(IdentityService.classifySecondFactor("12345") == .malformed)
        for code in IdentityService.makeRecoveryCodes() {
            #expect(IdentityService.normalizeRecoveryCode(code)?.count == 10)
        }
    }
}

import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Sessions on the security page")
struct SecuritySessionTests {
    @Test("ending another session from the list logs that browser out")
    func endAnotherSession() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let laptop = try person.signUpAndLogIn(app)
        let phone = app.browser()
        try person.logIn(phone)
        let page = try laptop.get("/account/security")
        let ids = SecurityPageReader.endableSessionIDs(in: page.text)
        let phoneSession = try #require(ids.first)
        // MUT
        let ended = try laptop.post("/account/security/sessions/\(phoneSession)/end", form: [("_csrf", csrfToken(in: page.text) ?? "")])
        let phoneAfter = try phone.get("/")
        let laptopAfter = try laptop.get("/account/security")
        // validate
        #expect(ids.count == 1, "the current session has no End button")
        #expect(page.text.contains("This session"))
        #expect(ended.status == .seeOther)
        #expect(ended.location == "/account/security")
        #expect(phoneAfter.status == .seeOther)
        #expect(phoneAfter.location?.hasPrefix("/login") == true)
        #expect(laptopAfter.status == .ok)
        #expect(laptopAfter.text.contains("The session was ended."))
        #expect(laptopAfter.text.contains("Session ended from security settings"))
        #expect(SecurityPageReader.endableSessionIDs(in: laptopAfter.text).isEmpty)
    }

    @Test("another user's session cannot be ended: 404, and it stays signed in")
    func otherUsersSession() throws {
        // setup
        let app = try TestApp()
        let alice = Person.make("Alice Example")
        let bob = Person.make("Bob Example")
        let aliceBrowser = try alice.signUpAndLogIn(app)
        let bobBrowser = try bob.signUpAndLogIn(app)
        let bobID = try app.userID(bob.email)
        let bobSession = try #require(try app.database.read { db in try SessionStore.list(userID: bobID, db) }.first).publicId
        // MUT
        let response = try aliceBrowser.submit("/account/security/sessions/\(bobSession)/end", form: [], from: "/account/security")
        let unknown = try aliceBrowser.submit("/account/security/sessions/ses_doesnotexist/end", form: [], from: "/account/security")
        // validate
        #expect(response.status == .notFound)
        #expect(unknown.status == .notFound)
        #expect(try bobBrowser.get("/").status == .ok)
    }

    @Test("'end all other sessions' keeps only the current one")
    func endOthers() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let main = try person.signUpAndLogIn(app)
        let others = [app.browser(), app.browser()]
        for browser in others { try person.logIn(browser) }
        // MUT
        let response = try main.submit("/account/security/sessions/end-others", form: [], from: "/account/security")
        let page = try main.get("/account/security")
        // validate
        #expect(response.location == "/account/security")
        for browser in others { #expect(try browser.get("/").location?.hasPrefix("/login") == true) }
        #expect(try main.get("/").status == .ok)
        #expect(page.text.contains("Every other session was ended."))
        #expect(page.text.contains("No other sessions."))
    }

    @Test("ending the session in use logs out")
    func endCurrentSession() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let current = try #require(try app.database.read { db in try SessionStore.list(userID: try app.userID(person.email), db) }.first).publicId
        // MUT
        let response = try browser.submit("/account/security/sessions/\(current)/end", form: [], from: "/account/security")
        // validate
        #expect(response.location == "/login")
        #expect(browser.cookies["hs_session"] == nil)
        #expect(try browser.get("/").location == "/login")
    }

    @Test("the security page needs a full session")
    func needsSignIn() throws {
        // setup
        let app = try TestApp()
        // MUT
        let anonymous = try app.browser().get("/account/security")
        let anonymousPost = try app.browser().submit("/account/security/sessions/end-others", form: [], from: "/login")
        // validate
        #expect(anonymous.location == "/login?next=%2Faccount%2Fsecurity")
        #expect(anonymousPost.status == .forbidden)
    }
}

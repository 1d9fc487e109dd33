import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("The second step of login")
struct SecurityLoginTests {
    @Test("with 2FA on, the password leads to /login/2fa and nothing else opens (nor is the device remembered) until the code is given")
    func pendingUntilCode() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        app.nextStep()
        let browser = app.browser()
        // MUT
        let login = try enrolled.person.logIn(browser)
        let deviceBefore = browser.cookies["hs_device"]
        let dashboardBefore = try browser.get("/")
        let securityBefore = try browser.get("/account/security")
        let postBefore = try browser.submit("/account/security/sessions/end-others", form: [], from: "/login/2fa")
        let page = try browser.get("/login/2fa")
        let verified = try browser.enterSecondFactor(app.code(enrolled.secret))
        let dashboardAfter = try browser.get("/")
        let pageAfter = try browser.get("/login/2fa")
        // validate
        #expect(login.location == "/login/2fa")
        #expect(deviceBefore == nil)
        #expect(browser.cookies["hs_device"] != nil)
        #expect(dashboardBefore.status == .seeOther)
        #expect(dashboardBefore.location == "/login/2fa")
        #expect(securityBefore.location == "/login/2fa")
        #expect(postBefore.status == .forbidden)
        #expect(page.status == .ok)
        #expect(page.text.contains("autocomplete=\"one-time-code\""))
        #expect(verified.status == .seeOther)
        #expect(verified.location == "/")
        #expect(dashboardAfter.status == .ok)
        #expect(pageAfter.location == "/", "a full session has no second step left")
    }

    @Test("completing the second step rotates the session token and keeps the page asked for")
    func rotatesAndFollowsNext() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        app.nextStep()
        let browser = app.browser()
        let login = try browser.submit("/login", form: [("email", enrolled.person.email), ("password", enrolled.person.password), ("next", "/account/security")], from: "/login")
        let pendingToken = browser.cookies["hs_session"]
        let target = try #require(login.location)
        // MUT
        let page = try browser.get(target)
        let verified = try browser.post("/login/2fa", form: [("_csrf", csrfToken(in: page.text) ?? ""), ("code", app.code(enrolled.secret)), ("next", "/account/security")])
        let evil = try EnrolledPerson.make(app, name: "Evil Next")
        app.nextStep()
        let other = try evil.pendingBrowser(app)
        let otherPage = try other.get("/login/2fa")
        let offsite = try other.post("/login/2fa", form: [("_csrf", csrfToken(in: otherPage.text) ?? ""), ("code", app.code(evil.secret)), ("next", "//evil.example/")])
        // validate
        #expect(target == "/login/2fa?next=%2Faccount%2Fsecurity")
        #expect(page.text.contains("name=\"next\" value=\"/account/security\""))
        #expect(verified.location == "/account/security")
        #expect(browser.cookies["hs_session"] != nil)
        #expect(browser.cookies["hs_session"] != pendingToken)
        #expect(offsite.location == "/", "only local paths are followed")
    }

    @Test("a wrong code is refused with 422 and the attempts left; non-digits are 422 too")
    func wrongAndMalformed() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        app.nextStep()
        let browser = try enrolled.pendingBrowser(app)
        // MUT
        let wrong = try browser.enterSecondFactor(app.wrongCode(enrolled.secret))
        let letters = try browser.enterSecondFactor("12a456")
        let empty = try browser.enterSecondFactor("   ")
        let tooLong = try browser.enterSecondFactor(String(repeating: "1", count: 200))
        let dashboard = try browser.get("/")
        // validate
        #expect(wrong.status == .unprocessableContent)
        #expect(wrong.text.contains("This code is not valid"))
        #expect(wrong.text.contains("4 attempts left"))
        #expect(letters.status == .unprocessableContent)
        #expect(letters.text.contains("Enter the 6 digits"))
        #expect(empty.status == .unprocessableContent)
        #expect(tooLong.status == .unprocessableContent)
        #expect(dashboard.location == "/login/2fa")
    }

    @Test("the same code cannot be used twice, even in another sign-in")
    func replayRefused() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        app.nextStep()
        let code = app.code(enrolled.secret)
        let first = try enrolled.pendingBrowser(app)
        #expect(try first.enterSecondFactor(code).location == "/")
        let second = try enrolled.pendingBrowser(app)
        // MUT
        let replay = try second.enterSecondFactor(code)
        app.nextStep()
        let next = try second.enterSecondFactor(app.code(enrolled.secret))
        // validate
        #expect(replay.status == .unprocessableContent)
        #expect(next.status == .seeOther)
        #expect(next.location == "/")
    }

    @Test("the code at enrolment cannot be reused for the first login")
    func enrolmentStepIsUsed() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        let browser = try enrolled.pendingBrowser(app)
        // MUT
        let sameStep = try browser.enterSecondFactor(app.code(enrolled.secret))
        // validate
        #expect(sameStep.status == .unprocessableContent)
    }

    @Test("codes one step early or late are accepted; a code from three steps ago is not")
    func clockDrift() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        app.time.advance(by: 150)  // five steps after enrolment
        let browser = try enrolled.pendingBrowser(app)
        // MUT
        let old = try browser.enterSecondFactor(app.code(enrolled.secret, steps: -3))
        let behind = try browser.enterSecondFactor(app.code(enrolled.secret, steps: -1))
        let ahead = try enrolled.pendingBrowser(app).enterSecondFactor(app.code(enrolled.secret, steps: 1))
        let farAhead = try enrolled.pendingBrowser(app).enterSecondFactor(app.code(enrolled.secret, steps: 3))
        // validate
        #expect(old.status == .unprocessableContent)
        #expect(behind.location == "/")
        #expect(ahead.location == "/")
        #expect(farAhead.status == .unprocessableContent)
    }

    @Test("five wrong codes end the pending session and send the person back to the login form")
    func tooManyWrongCodes() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        app.nextStep()
        let browser = try enrolled.pendingBrowser(app)
        let wrong = app.wrongCode(enrolled.secret)
        for _ in 0..<4 { #expect(try browser.enterSecondFactor(wrong).status == .unprocessableContent) }
        // MUT
        let fifth = try browser.enterSecondFactor(wrong)
        let sessionCookie = browser.cookies["hs_session"]
        let afterwards = try browser.get("/login/2fa")
        let retryWithRightCode = try browser.post("/login/2fa", form: [("_csrf", csrfToken(in: fifth.text) ?? ""), ("code", app.code(enrolled.secret))])
        let loginAgain = try browser.post("/login", form: [("_csrf", csrfToken(in: fifth.text) ?? ""), ("email", enrolled.person.email), ("password", enrolled.person.password)])
        // validate
        #expect(fifth.status == .tooManyRequests)
        #expect(fifth.text.contains("Too many wrong codes"))
        #expect(fifth.text.contains("action=\"/login\""))
        #expect(sessionCookie == nil)
        #expect(afterwards.location == "/login?next=%2Flogin%2F2fa")
        #expect(retryWithRightCode.status == .forbidden)
        #expect(loginAgain.location == "/login/2fa", "the login form shown carries a working CSRF token")
        let events = try app.database.read { db in try SecurityEventStore.recent(userID: try app.userID(enrolled.person.email), limit: 50, db) }
        #expect(events.filter { $0.detail.hasPrefix("second_factor:") }.count == 5)
    }

    @Test("wrong codes across many sign-ins are capped per user")
    func userWideCap() throws {
        // setup
        let app = try TestApp()
        let enrolled = try EnrolledPerson.make(app)
        app.nextStep()
        let wrong = app.wrongCode(enrolled.secret)
        for _ in 0..<2 {
            let browser = try enrolled.pendingBrowser(app)
            for _ in 0..<5 { _ = try browser.enterSecondFactor(wrong) }
        }
        let browser = try enrolled.pendingBrowser(app)
        // MUT
        let rightCode = try browser.enterSecondFactor(app.code(enrolled.secret))
        // validate
        #expect(rightCode.status == .tooManyRequests)
        #expect(browser.cookies["hs_session"] == nil)
    }

    @Test("failed and successful logins appear in the activity list with their address")
    func activityListsLogins() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        _ = try app.browser().submit("/login", form: [("email", person.email), ("password", "wrong password here")], from: "/login")
        // MUT
        let page = try browser.get("/account/security")
        // validate
        #expect(page.text.contains("Failed login (wrong password)"))
        #expect(page.text.contains("Logged in"))
        #expect(page.text.contains("Email address confirmed"))
        #expect(page.text.contains("127.0.0.1"))
        #expect(page.text.contains("<time datetime="))
    }
}

import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Changing the sign-in email")
struct EmailChangeTests {
    static let confirmPath = "/account/email/confirm"

    /// Asks for a change to `newEmail` and returns the confirmation link's target.
    func request(_ app: TestApp, _ browser: TestSession, _ person: Person, to newEmail: String) throws -> String {
        let response = try browser.submit("/account/email", form: [("new_email", newEmail), ("current_password", person.password)], from: "/account")
        #expect(response.status == .seeOther)
        let link = try #require(try app.link(to: newEmail, containing: Self.confirmPath))
        return TestApp.target(of: link)
    }

    func token(in target: String) -> String {
        let raw = target.components(separatedBy: "token=").last ?? ""
        return raw.removingPercentEncoding ?? raw
    }

    @Test("the change sends a link to the new address and a notice to the old one; following it changes the sign-in email")
    func fullFlow() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let newEmail = "ada.new.\(UUID().uuidString.prefix(6).lowercased())@example.org"
        try browser.submit("/account", form: detailsForm(["time_zone": "Asia/Tokyo"]), from: "/account")
        let until = TimeZones.format(app.time.current.addingTimeInterval(24 * 3600), in: "Asia/Tokyo")
        // MUT
        let requested = try browser.submit("/account/email", form: [("new_email", "  " + newEmail.uppercased()), ("current_password", person.password)], from: "/account")
        let pendingPage = try browser.get("/account")
        let link = try #require(try app.link(to: newEmail, containing: Self.confirmPath))
        #expect(link.hasPrefix(app.app.configuration.publicURL + Self.confirmPath + "?token="))
        let target = TestApp.target(of: link)
        let confirmPage = try browser.get(target)
        let emailBeforePost = try app.user(email: person.email)
        let confirmed = try browser.submit(Self.confirmPath, form: [("token", token(in: target))], from: target)
        let after = try browser.get("/account")
        // validate
        #expect(requested.status == .seeOther)
        #expect(requested.location == "/account")
        #expect(pendingPage.text.contains(ProfileHTML.escape(Catalog(.english)(.flash(.emailChangeRequested)))))
        #expect(pendingPage.text.contains(ProfileHTML.english(.emailPending(email: newEmail, until: until))))
        #expect(until != TimeZones.format(app.time.current.addingTimeInterval(24 * 3600), in: "UTC"))
        #expect(try app.emails(to: newEmail).map(\.subject) == ["Confirm your new email address"])
        #expect(try app.emails(to: person.email).contains { $0.subject == "Your sign-in email is changing" && $0.textBody.contains(newEmail) })
        #expect(confirmPage.status == .ok)
        #expect(confirmPage.text.contains(ProfileHTML.english(.emailConfirmLead(newEmail))))
        #expect(emailBeforePost != nil, "opening the link alone changes nothing")
        #expect(confirmed.status == .seeOther)
        #expect(confirmed.location == "/account")
        #expect(after.text.contains(ProfileHTML.english(.emailCurrent(newEmail))))
        #expect(after.text.contains(ProfileHTML.escape(Catalog(.english)(.flash(.emailChanged)))))
        #expect(try app.user(email: person.email) == nil)
        let user = try #require(try app.user(email: newEmail))
        #expect(user.isVerified)
        #expect(try app.securityEvents(userID: user.id).contains(SecurityEventKind.emailChanged.rawValue))
        #expect(try browser.get("/").status == .ok, "the session survives the change")
        let oldLogin = try person.logIn(app.browser())
        let newLogin = try Person(name: person.name, email: newEmail, password: person.password).logIn(app.browser())
        #expect(oldLogin.status == .unprocessableContent)
        #expect(newLogin.status == .seeOther)
    }

    @Test("a wrong or missing current password is refused beside the field and sends nothing", arguments: ["wrong password here", ""])
    func needsPassword(_ password: String) throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let newEmail = "someone.else@example.org"
        // MUT
        let response = try browser.submit("/account/email", form: [("new_email", newEmail), ("current_password", password)], from: "/account")
        // validate
        #expect(response.status == .unprocessableContent)
        let expected = password.isEmpty ? ProfileHTML.english(.fieldRequired) : ProfileHTML.english(.wrongPassword)
        #expect(ProfileHTML.fieldError(response.text, "current_password") == expected)
        #expect(ProfileHTML.tag(response.text, id: "new_email")?.contains("value=\"\(newEmail)\"") == true)
        #expect(try app.emails(to: newEmail).isEmpty)
        #expect(try app.emails(to: person.email).allSatisfy { $0.subject != "Your sign-in email is changing" })
    }

    @Test("a malformed or unchanged address is refused beside the field")
    func badNewAddress() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let cases: [(String, String)] = [
            ("not-an-address", ProfileHTML.english(.emailInvalid)),
            (person.email.uppercased(), ProfileHTML.english(.emailSameAsCurrent)),
        ]
        for (typed, message) in cases {
            // MUT
            let response = try browser.submit("/account/email", form: [("new_email", typed), ("current_password", person.password)], from: "/account")
            // validate
            #expect(response.status == .unprocessableContent, "\(typed)")
            #expect(ProfileHTML.fieldError(response.text, "new_email") == message, "\(typed)")
        }
    }

    @Test("an address another login uses gets the same answer as a free one; no link is sent and its owner is told once an hour")
    func takenAddressTellsNothing() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let other = Person.make("Grace Hopper")
        try other.signUpAndLogIn(app)
        let browser = try person.signUpAndLogIn(app)
        let historyAtStart = emailIDs(in: try browser.get("/account/emails").text).count
        let free = try browser.submit("/account/email", form: [("new_email", "free.address@example.org"), ("current_password", person.password)],
                                      from: "/account")
        let freePage = try browser.get("/account")
        let historyAfterFree = emailIDs(in: try browser.get("/account/emails").text).count
        // MUT
        let taken = try browser.submit("/account/email", form: [("new_email", other.email), ("current_password", person.password)], from: "/account")
        let takenPage = try browser.get("/account")
        let historyAfterTaken = emailIDs(in: try browser.get("/account/emails").text).count
        try browser.submit("/account/email", form: [("new_email", other.email), ("current_password", person.password)], from: "/account")
        // validate
        #expect(historyAfterFree - historyAtStart == historyAfterTaken - historyAfterFree, "the history grows alike")
        #expect(taken.status == free.status)
        #expect(taken.headers["Location"] == free.headers["Location"])
        let pending = { (email: String) in ProfileHTML.english(.emailPending(email: email, until: "")).components(separatedBy: " It works")[0] }
        #expect(freePage.text.contains(pending("free.address@example.org")))
        #expect(takenPage.text.contains(pending(other.email)))
        let toOther = try app.emails(to: other.email)
        #expect(toOther.allSatisfy { !$0.subject.contains("Confirm your new") })
        #expect(toOther.filter { $0.subject == "Someone tried to use your email address" }.count == 1)
        #expect(try app.emails(to: person.email).filter { $0.subject == "Your sign-in email is changing" }.count == 3)
        #expect(try app.user(email: other.email)?.name == other.name)
    }

    @Test("a used link is refused the second time")
    func reusedLink() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let target = try request(app, browser, person, to: "first.new@example.org")
        try browser.submit(Self.confirmPath, form: [("token", token(in: target))], from: target)
        // MUT
        let page = try browser.get(target)
        let post = try browser.submit(Self.confirmPath, form: [("token", token(in: target))], from: "/account")
        // validate
        #expect(page.status == .gone)
        #expect(page.text.contains(ProfileHTML.english(.linkUsed)))
        #expect(post.status == .gone)
        #expect(try app.user(email: "first.new@example.org") != nil)
    }

    @Test("an expired link is refused and the email stays as it was")
    func expiredLink() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let target = try request(app, browser, person, to: "late.new@example.org")
        let page = try browser.get(target)
        let csrf = try #require(csrfToken(in: page.text))
        app.time.advance(by: 24 * 3600 + 60)
        try person.logIn(browser) // the session itself timed out meanwhile
        let fresh = try browser.get("/account")
        // MUT
        let expiredPage = try browser.get(target)
        let expiredPost = try browser.post(Self.confirmPath, form: [("_csrf", csrfToken(in: fresh.text) ?? csrf), ("token", token(in: target))])
        // validate
        #expect(expiredPage.status == .gone)
        #expect(expiredPage.text.contains(ProfileHTML.english(.linkExpired)))
        #expect(expiredPost.status == .gone)
        #expect(try app.user(email: person.email) != nil)
        #expect(try app.user(email: "late.new@example.org") == nil)
    }

    @Test("another user's link shows the invalid-link page and changes nothing")
    func foreignLink() throws {
        // setup
        let app = try TestApp()
        let owner = Person.make()
        let ownerBrowser = try owner.signUpAndLogIn(app)
        let target = try request(app, ownerBrowser, owner, to: "owner.new@example.org")
        let intruder = try Person.make("Mallory").signUpAndLogIn(app)
        // MUT
        let page = try intruder.get(target)
        let post = try intruder.submit(Self.confirmPath, form: [("token", token(in: target))], from: "/account")
        // validate
        #expect(page.status == .notFound)
        #expect(page.text.contains(ProfileHTML.english(.linkInvalid)))
        #expect(post.status == .notFound)
        #expect(post.text.contains(ProfileHTML.english(.linkInvalid)))
        #expect(try app.user(email: "owner.new@example.org") == nil)
        #expect(try app.user(email: owner.email) != nil)
        // The owner can still use it: the intruder's attempt did not consume it.
        let mine = try ownerBrowser.submit(Self.confirmPath, form: [("token", token(in: target))], from: target)
        #expect(mine.status == .seeOther)
    }

    @Test("unknown and malformed tokens get the invalid-link page", arguments: ["", "nope", String(repeating: "x", count: 500)])
    func unknownToken(_ value: String) throws {
        // setup
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        // MUT
        let page = try browser.get(Self.confirmPath + "?token=" + value)
        // validate
        #expect(page.status == .notFound)
        #expect(page.text.contains(ProfileHTML.english(.linkInvalid)))
    }

    @Test("a visitor who follows the link signed out is sent to login and brought back")
    func linkWhileSignedOut() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let target = try request(app, browser, person, to: "back.later@example.org")
        // MUT
        let response = try app.browser().get(target)
        // validate
        #expect(response.status == .seeOther)
        #expect(response.location?.hasPrefix("/login?next=") == true)
        #expect(try app.user(email: "back.later@example.org") == nil)
    }

    @Test("an address taken by someone else after the link was sent is refused on confirmation")
    func takenMeanwhile() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let contested = "contested@example.org"
        let target = try request(app, browser, person, to: contested)
        try Person(name: "Eve", email: contested, password: "another long passphrase 77").signUpAndLogIn(app)
        // MUT
        let response = try browser.submit(Self.confirmPath, form: [("token", token(in: target))], from: target)
        // validate
        #expect(response.status == .conflict)
        #expect(response.text.contains(ProfileHTML.english(.emailTakenMeanwhile)))
        #expect(try app.user(email: person.email) != nil)
    }

    @Test("a newer request replaces the earlier link")
    func newerRequestRevokesEarlier() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let first = try request(app, browser, person, to: "one@example.org")
        _ = try request(app, browser, person, to: "two@example.org")
        // MUT
        let response = try browser.submit(Self.confirmPath, form: [("token", token(in: first))], from: "/account")
        // validate
        #expect(response.status == .gone)
        #expect(try app.user(email: "one@example.org") == nil)
    }
}

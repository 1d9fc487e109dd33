import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Email history")
struct EmailHistoryTests {
    /// Makes `delegate` a member of `owner`'s account with `permissions` and logs them in there.
    func logInAsDelegate(_ app: TestApp, delegate: Person, of owner: Person, permissions: String) throws -> TestSession {
        let ownerIDs = try app.ids(of: owner.email)
        let delegateIDs = try app.ids(of: delegate.email)
        let now = app.time.current
        try app.database.write { db in
            _ = try MembershipStore.createDelegate(accountID: ownerIDs.account, userID: delegateIDs.user, fullAccess: false,
                                                   permissions: Permission.decode(permissions), expiresAt: nil, now: now, db)
            try db.execute("UPDATE users SET last_account_id = \(ownerIDs.account) WHERE id = \(delegateIDs.user)")
        }
        let browser = app.browser()
        try delegate.logIn(browser)
        return browser
    }

    @Test("the history lists 20 emails a page, newest first, with Page X of Y and newer/older links; a page past the end shows the last one, a malformed number is 404")
    func pagination() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let ids = try app.ids(of: person.email)
        let start = app.time.current
        for number in 1...24 {
            try app.enqueueEmail(to: person.email, userID: ids.user, accountID: ids.account, subject: "Invoice \(number)",
                                 at: start.addingTimeInterval(Double(number) * 60))
        }
        // MUT
        let first = try browser.get("/account/emails")
        let second = try browser.get("/account/emails?page=2")
        let beyond = try browser.get("/account/emails?page=3")
        let bad = try ["0", "-1", "abc", "+2", "99999999999999999999", ""].map { try browser.get("/account/emails?page=\($0)").status }
        // validate
        #expect(first.status == .ok)
        #expect(emailIDs(in: first.text).count == 20)
        #expect(first.text.contains("Page 1 of 2"))
        #expect(first.text.contains("href=\"/account/emails?page=2\""))
        #expect(!first.text.contains("rel=\"prev\""))
        let newest = try #require(first.text.range(of: "Invoice 24"))
        let older = try #require(first.text.range(of: "Invoice 5<"))
        #expect(newest.lowerBound < older.lowerBound)
        #expect(second.status == .ok)
        #expect(emailIDs(in: second.text).count == 5)
        #expect(second.text.contains("Page 2 of 2"))
        #expect(second.text.contains("href=\"/account/emails\" rel=\"prev\""))
        #expect(!second.text.contains("rel=\"next\""))
        #expect(Set(emailIDs(in: first.text)).isDisjoint(with: emailIDs(in: second.text)))
        #expect(beyond.status == .ok)
        #expect(beyond.text.contains("Page 2 of 2"))
        #expect(emailIDs(in: beyond.text) == emailIDs(in: second.text))
        #expect(bad.allSatisfy { $0 == .notFound })
    }

    @Test("dates are shown in the account's time zone, with the category and delivery status")
    func columns() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let ids = try app.ids(of: person.email)
        try app.database.write { db in try db.execute("UPDATE accounts SET time_zone = 'Europe/Paris' WHERE id = \(ids.account)") }
        try app.enqueueEmail(to: person.email, userID: ids.user, accountID: ids.account, category: .technical,
                             subject: "Maintenance window", at: Date(timeIntervalSince1970: 1_796_396_700))
        // MUT
        let page = try browser.get("/account/emails")
        // validate
        #expect(page.text.contains(">4 Dec 2026, 16:05<"))
        #expect(page.text.contains("<td>Technical</td>"))
        #expect(page.text.contains("tag tag-warning\">Waiting<"))
        #expect(page.text.contains("<td>Security</td>"))
    }

    @Test("an email shows its details, its text escaped in <pre>, and its HTML only inside a sandboxed frame")
    func detail() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let ids = try app.ids(of: person.email)
        let id = try app.enqueueEmail(to: person.email, userID: ids.user, accountID: ids.account, subject: "Your <b>invoice</b>",
                                      text: "Total: 10 € <script>x</script>", html: "<p>Total</p><script>alert(1)</script>")
        // MUT
        let page = try browser.get("/account/emails/\(id)")
        // validate
        #expect(page.status == .ok)
        #expect(page.text.contains("<iframe sandbox=\"\" src=\"/account/emails/\(id)/html\" title=\"HTML version of “Your &lt;b&gt;invoice&lt;/b&gt;”\""))
        #expect(page.text.contains("<pre>Total: 10 € &lt;script&gt;x&lt;/script&gt;</pre>"))
        #expect(!page.text.contains("<script>alert(1)"))
        #expect(page.text.contains(person.email))
        #expect(page.text.contains("<dd>Billing</dd>"))
        #expect(page.headers["Content-Security-Policy"] == SecurityHeadersMiddleware.contentSecurityPolicy)
        #expect(page.headers["X-Frame-Options"] == "DENY")
    }

    @Test("the HTML route answers the stored HTML under a sandboxing CSP that only the panel may frame")
    func htmlRoute() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let ids = try app.ids(of: person.email)
        let html = "<p style=\"color:red\">Total</p><script>alert(1)</script>"
        let id = try app.enqueueEmail(to: person.email, userID: ids.user, accountID: ids.account, subject: "Invoice", html: html)
        let textOnly = try app.enqueueEmail(to: person.email, userID: ids.user, accountID: ids.account, subject: "Plain", html: "")
        // MUT
        let response = try browser.get("/account/emails/\(id)/html")
        let missing = try browser.get("/account/emails/\(textOnly)/html")
        let plainPage = try browser.get("/account/emails/\(textOnly)")
        // validate
        #expect(response.status == .ok)
        #expect(response.text == html)
        let policy = try #require(response.headers["Content-Security-Policy"])
        #expect(policy.contains("default-src 'none'"))
        #expect(policy.contains("img-src data:"))
        #expect(policy.contains("style-src 'unsafe-inline'"))
        #expect(policy.contains("frame-ancestors 'self'"))
        #expect(policy.contains("sandbox"))
        #expect(!policy.contains("script-src"))
        #expect(response.headers["X-Frame-Options"] == "SAMEORIGIN")
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(missing.status == .notFound)
        #expect(plainPage.text.contains("This email has no HTML version."))
        #expect(!plainPage.text.contains("<iframe"))
    }

    @Test("another account's email is 404 on every route, exactly like an id that does not exist")
    func otherAccount() throws {
        // setup
        let app = try TestApp()
        let alice = Person.make("Alice Smith")
        let bob = Person.make("Bob Jones")
        let aliceBrowser = try alice.signUpAndLogIn(app)
        try bob.signUpAndLogIn(app)
        let bobsEmail = try #require(try app.emails(to: bob.email).first)
        // MUT
        let detail = try aliceBrowser.get("/account/emails/\(bobsEmail.publicId)")
        let html = try aliceBrowser.get("/account/emails/\(bobsEmail.publicId)/html")
        let unknown = try aliceBrowser.get("/account/emails/eml_doesnotexist")
        let list = try aliceBrowser.get("/account/emails")
        // validate
        #expect(detail.status == .notFound)
        #expect(html.status == .notFound)
        #expect(unknown.status == .notFound)
        #expect(!detail.text.contains(bob.email))
        #expect(!list.text.contains(bobsEmail.publicId))
    }

    @Test("emails that carry a private link are listed, but their content never shows in the history")
    func privateLinksStayInTheInbox() throws {
        // setup: the sign-up's verification email and a password reset both carry a token.
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        try app.browser().submit("/password/forgot", form: [("email", person.email)], from: "/password/forgot")
        app.runResetJobs()
        let ids = try app.ids(of: person.email)
        let invoice = try app.enqueueEmail(to: person.email, userID: ids.user, accountID: ids.account, subject: "Invoice 9")
        let withLinks = try app.emails(to: person.email).filter { $0.textBody.contains("token=") }
        // MUT
        let list = try browser.get("/account/emails")
        let pages = try withLinks.map { try browser.get("/account/emails/\($0.publicId)") }
        let frames = try withLinks.map { try browser.get("/account/emails/\($0.publicId)/html") }
        let invoicePage = try browser.get("/account/emails/\(invoice)")
        // validate
        #expect(withLinks.count == 2)
        #expect(Set(withLinks.map(\.publicId)).isSubset(of: emailIDs(in: list.text)))
        for page in pages {
            #expect(page.status == .ok)
            #expect(!page.text.contains("token="))
            #expect(page.text.contains("shown only in the inbox it was sent to"))
        }
        #expect(frames.allSatisfy { $0.status == .notFound })
        #expect(invoicePage.text.contains("<pre>"))
    }

    @Test("a delegate with the emails permission sees the account's emails but never the owner's security emails")
    func delegateVisibility() throws {
        // setup
        let app = try TestApp()
        let owner = Person.make("Olive Owner")
        let delegate = Person.make("Dan Delegate")
        try owner.signUpAndLogIn(app)
        try delegate.signUpAndLogIn(app)
        let ownerIDs = try app.ids(of: owner.email)
        let ownerSecurity = try #require(try app.emails(to: owner.email).first)
        let invoice = try app.enqueueEmail(to: owner.email, userID: ownerIDs.user, accountID: ownerIDs.account, subject: "Invoice 7")
        let browser = try logInAsDelegate(app, delegate: delegate, of: owner, permissions: "emails")
        // MUT
        let list = try browser.get("/account/emails")
        let invoicePage = try browser.get("/account/emails/\(invoice)")
        let securityPage = try browser.get("/account/emails/\(ownerSecurity.publicId)")
        let securityHTML = try browser.get("/account/emails/\(ownerSecurity.publicId)/html")
        // validate
        #expect(list.status == .ok)
        #expect(emailIDs(in: list.text) == [invoice])
        #expect(invoicePage.status == .ok)
        #expect(securityPage.status == .notFound)
        #expect(securityHTML.status == .notFound)
    }

    @Test("a delegate without the emails permission is refused, and a visitor who is not signed in is sent to log in")
    func access() throws {
        // setup
        let app = try TestApp()
        let owner = Person.make("Olive Owner")
        let delegate = Person.make("Dan Delegate")
        try owner.signUpAndLogIn(app)
        try delegate.signUpAndLogIn(app)
        let browser = try logInAsDelegate(app, delegate: delegate, of: owner, permissions: "profile")
        let ownerEmail = try #require(try app.emails(to: owner.email).first)
        // MUT
        let list = try browser.get("/account/emails")
        let detail = try browser.get("/account/emails/\(ownerEmail.publicId)")
        let anonymous = try app.browser().get("/account/emails?page=2")
        // validate
        #expect(list.status == .forbidden)
        #expect(detail.status == .forbidden)
        #expect(anonymous.status == .seeOther)
        #expect(anonymous.location?.hasPrefix("/login?next=") == true)
    }
}

import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

/// The whole delegation story with two people, through the pages only.
@Suite("Delegation flow")
struct DelegationFlowTests {
    @Test("owner invites, invitee signs up through the link, verifies, accepts, works with only what was given, then is revoked at once")
    func wholeFlow() throws {
        // setup
        let app = try TestApp()
        let owner = Person.make("Olive Owner")
        let ownerBrowser = try owner.signUpAndLogIn(app)
        let invitee = Person.make("Ivan Invitee")
        let ownerAccount = try #require(try app.ownAccount(of: owner.email))

        // MUT: the invitation
        let sent = try ownerBrowser.submit("/account/users/invite", form: [
            ("email", invitee.email.uppercased()), ("access", "chosen"), ("permissions", "contacts"), ("permissions", "emails"),
        ], from: "/account/users")

        // validate
        #expect(sent.status == .seeOther)
        let target = try #require(try app.invitationTarget(to: invitee.email))
        let stored = try app.database.read { db in
            try db.queryFirst(String.self, "SELECT token_hash FROM invitations WHERE email = \(invitee.email)")
        }
        #expect(stored == TokenHash.sha256Hex(invitationToken(target)), "only the hash of the link's token is kept")
        #expect(try app.link(to: invitee.email, containing: "/invitations/accept")?.hasPrefix(app.app.configuration.publicURL + "/") == true)

        // MUT: the invitee opens the link without a login and follows "Create an account"
        let browser = app.browser()
        let landing = try browser.get(target)
        #expect(landing.status == .ok)
        #expect(landing.text.contains(ProfileHTML.escape(ownerAccount.name)))
        #expect(landing.text.contains("Domain contacts") && landing.text.contains("Email history"))
        let signupLink = try #require(landing.text.components(separatedBy: "href=\"/signup?").dropFirst().first?.components(separatedBy: "\"").first)
        let signupTarget = "/signup?" + signupLink.replacingOccurrences(of: "&amp;", with: "&")
        let signupPage = try browser.get(signupTarget)
        #expect(signupPage.text.contains("value=\"\(invitee.email)\""), "the email is filled in from the invitation")
        let next = try #require(signupPage.text.components(separatedBy: "name=\"next\" value=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let signedUp = try browser.post("/signup", form: [("_csrf", csrfToken(in: signupPage.text) ?? ""), ("next", next.replacingOccurrences(of: "&amp;", with: "&")),
                                                          ("name", invitee.name), ("email", invitee.email), ("password", invitee.password)])
        #expect(signedUp.status == .seeOther)
        let loginTarget = try #require(signedUp.location)
        #expect(loginTarget.hasPrefix("/login?next="), "the login page keeps the way back to the invitation")

        // verification by the emailed link, then login from the page that kept `next`
        let verifyTarget = TestApp.target(of: try #require(try app.link(to: invitee.email, containing: "/verify-email")))
        try browser.submit("/verify-email", form: [("token", invitationToken(verifyTarget))], from: verifyTarget)
        let loginPage = try browser.get(loginTarget)
        let loggedIn = try browser.post("/login", form: [("_csrf", csrfToken(in: loginPage.text) ?? ""), ("next", invitationPath(loginTarget)),
                                                         ("email", invitee.email), ("password", invitee.password)])
        #expect(loggedIn.location == target, "login lands back on the invitation")

        let ready = try browser.get(target)
        #expect(ready.text.contains("action=\"/invitations/accept\""))
        let accepted = try browser.submit("/invitations/accept", form: [("token", invitationToken(target))], from: target)
        #expect(accepted.status == .seeOther && accepted.location == "/")
        #expect(accepted.headers.values("Set-Cookie").contains { $0.hasPrefix("hs_session=") }, "accepting rotates the session token")

        // validate: only the sections given
        let contacts = try browser.get("/account/contacts")
        #expect(contacts.status != .forbidden)
        let profile = try browser.get("/account")
        #expect(profile.status == .forbidden)
        let users = try browser.get("/account/users")
        #expect(users.status == .forbidden)
        let dashboard = try browser.get("/")
        #expect(dashboard.status == .ok)
        #expect(dashboard.text.contains("href=\"/account/contacts\""))
        #expect(dashboard.text.contains("href=\"/account/emails\""))
        #expect(!dashboard.text.contains("href=\"/account/users\""))
        #expect(!dashboard.text.contains("href=\"/account\""))
        #expect(dashboard.text.contains(ProfileHTML.escape(ownerAccount.name)))

        // the Switch account page lists both accounts, the current one marked
        let accounts = try browser.get("/accounts")
        #expect(accounts.text.contains(ownerAccount.publicId))
        let inviteeAccount = try #require(try app.ownedAccount(of: invitee.email))
        #expect(accounts.text.contains(inviteeAccount.publicId))
        #expect(accounts.text.contains("Current"))
        let switched = try browser.submit("/accounts/switch", form: [("account", inviteeAccount.publicId)], from: "/accounts")
        #expect(switched.location == "/")
        let own = try browser.get("/account")
        #expect(own.status == .ok, "in their own account they hold everything")
        try browser.submit("/accounts/switch", form: [("account", ownerAccount.publicId)], from: "/accounts")

        // a second browser of the invitee in the owner's account
        let second = app.browser()
        try invitee.logIn(second)
        #expect(try second.get("/account/contacts").status != .forbidden)

        // the owner sees the delegate and revokes them
        let list = try ownerBrowser.get("/account/users")
        #expect(list.text.contains(invitee.email))
        let memberID = try #require(list.text.components(separatedBy: "href=\"/account/users/").dropFirst().first?.components(separatedBy: "\"").first)
        let revoked = try ownerBrowser.submit("/account/users/\(memberID)/revoke", form: [], from: "/account/users/\(memberID)")
        #expect(revoked.status == .seeOther)

        // validate: both browsers lose the account on their very next request
        #expect(try browser.get("/account/contacts").location == "/accounts")
        #expect(try second.get("/account/contacts").location == "/accounts")
        let post = try browser.submit("/account/contacts", form: [("name", "x")], from: "/accounts")
        #expect(post.status == .forbidden)
        #expect(try app.emails(to: invitee.email).contains { $0.subject.contains("was removed") })

        // every state change is in the audit log
        #expect(try app.auditActions(accountID: ownerAccount.id) == ["invitation.sent", "invitation.accepted", "access.revoked"])
        let details = try app.database.read { db in
            try db.queryFirst(String.self, "SELECT after_value FROM audit_events WHERE account_id = \(ownerAccount.id) AND action = 'invitation.sent'")
        }
        #expect(details == "permissions: contacts, emails")
    }

    @Test("after login, someone with several accounts chooses on /accounts; the last one used is where the session starts")
    func loginChooser() throws {
        // setup
        let app = try TestApp()
        let access = try app.delegate(holding: [.contacts])
        try access.delegateBrowser.submit("/logout", form: [], from: "/")

        // MUT
        let again = app.browser()
        let response = try access.delegate.logIn(again)

        // validate
        #expect(response.location == "/accounts")
        let page = try again.get("/accounts")
        let current = try #require(page.text.components(separatedBy: "tag-success\">Current<").first?.components(separatedBy: "<li").last)
        #expect(current.contains("Olive Owner"), "the owner's account, used last, is the current one")
        #expect(try again.get("/account/contacts").status != .forbidden)
        let alone = Person.make("Sole Owner")
        let aloneBrowser = try alone.signUpAndLogIn(app)
        try aloneBrowser.submit("/logout", form: [], from: "/")
        #expect(try alone.logIn(aloneBrowser).location == "/", "one account: straight to the dashboard")
    }

    @Test("declining without a login closes the invitation and records it")
    func decline() throws {
        // setup
        let app = try TestApp()
        let owner = Person.make("Olive Owner")
        let ownerBrowser = try owner.signUpAndLogIn(app)
        let account = try #require(try app.ownAccount(of: owner.email))
        try ownerBrowser.submit("/account/users/invite", form: [("email", "someone@example.com"), ("access", "full")], from: "/account/users")
        let target = try #require(try app.invitationTarget(to: "someone@example.com"))
        let stranger = app.browser()

        // MUT
        let declined = try stranger.submit("/invitations/decline", form: [("token", invitationToken(target))], from: target)

        // validate
        #expect(declined.status == .ok)
        #expect(try stranger.get(target).status == .gone)
        let status = try app.database.read { db in
            try db.queryFirst(String.self, "SELECT status FROM invitations WHERE email = 'someone@example.com'")
        }
        #expect(status == "declined")
        #expect(try app.auditActions(accountID: account.id) == ["invitation.sent", "invitation.declined"])
        #expect(try app.notifications(of: owner.email).contains { $0.contains("declined") })
    }
}

/// The `next` value of a login target (`/login?next=…`), decoded.
func invitationPath(_ loginTarget: String) -> String {
    let raw = loginTarget.components(separatedBy: "next=").last ?? ""
    return raw.removingPercentEncoding ?? raw
}

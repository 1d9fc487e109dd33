import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

/// Invitation links: who may send them, who may use them, and how they stop working.
@Suite("Invitations")
struct InvitationTests {
    /// An owner with a verified email, logged in.
    static func owner(_ app: TestApp) throws -> (Person, TestSession, Account) {
        let owner = Person.make("Olive Owner")
        let browser = try owner.signUpAndLogIn(app)
        let account = try #require(try app.ownAccount(of: owner.email))
        return (owner, browser, account)
    }

    @discardableResult
    static func invite(_ browser: TestSession, _ email: String, _ fields: [(String, String)] = [("access", "chosen"), ("permissions", "contacts")]) throws -> TestResponse {
        try browser.submit("/account/users/invite", form: [("email", email)] + fields, from: "/account/users")
    }

    static func status(_ app: TestApp, _ email: String) throws -> [String] {
        try app.database.read { db in try db.query(String.self, "SELECT status FROM invitations WHERE email = \(email) ORDER BY id") }
    }

    @Test("invitation emails are limited per address per hour and per account per day, with a clear answer")
    func sendingLimits() throws {
        // setup
        let app = try TestApp()
        let (owner, browser, _) = try Self.owner(app)
        let target = "often.invited@example.com"
        for _ in 0..<DelegationService.invitationsPerAddressPerHour { try Self.invite(browser, target) }
        let pendingID = try #require(try app.database.read { db in
            try db.queryFirst(String.self, "SELECT public_id FROM invitations WHERE email = \(target) AND status = 'pending'")
        })
        // MUT
        let tooOften = try Self.invite(browser, target)
        let resend = try browser.submit("/account/invitations/\(pendingID)/resend", form: [], from: "/account/users")
        app.time.advance(by: 3601)
        try owner.logIn(browser)   // the session went idle meanwhile
        let anHourLater = try Self.invite(browser, target)
        var daily: [HTTPStatus] = []
        for index in 0..<DelegationService.invitationsPerAccountPerDay {
            daily.append(try Self.invite(browser, "guest-\(index)@example.com").status)
        }
        // validate
        #expect(tooOften.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(tooOften.text, "email") == ProfileHTML.english(.users(.inviteTooOften(3))))
        #expect(resend.status == .forbidden)
        #expect(anHourLater.status == .seeOther)
        // The 4 to the first address today count too: 50 − 4 = 46 more go out, then the account's day is full.
        #expect(daily.filter { $0 == .seeOther }.count == DelegationService.invitationsPerAccountPerDay - 4)
        #expect(daily.last == .unprocessableContent)
        let invitationEmails = try app.emails().filter { $0.subject == "Invitation to help manage a Hosterra account" }.count
        #expect(invitationEmails == DelegationService.invitationsPerAccountPerDay)
        #expect(try Self.status(app, target).count == 4)
    }

    @Test("one address receives at most 10 invitations a day from all accounts together")
    func recipientLimitAcrossAccounts() throws {
        // setup: 4 accounts invite the same address 3 times each (their own hourly limit).
        let app = try TestApp()
        let target = "popular.person@example.com"
        var statuses: [HTTPStatus] = []
        var last: TestResponse?
        for _ in 0..<4 {
            let (_, browser, _) = try Self.owner(app)
            for _ in 0..<3 {
                let response = try Self.invite(browser, target)
                statuses.append(response.status)
                last = response
            }
        }
        // validate
        #expect(statuses.filter { $0 == .seeOther }.count == DelegationService.invitationsPerAddressPerDay)
        #expect(statuses.suffix(2) == [.unprocessableContent, .unprocessableContent])
        #expect(ProfileHTML.fieldError(last?.text ?? "", "email") == ProfileHTML.english(.users(.inviteRecipientLimit)))
        #expect(try app.emails(to: target).count == DelegationService.invitationsPerAddressPerDay)
    }

    @Test("accepting as another user is refused and creates nothing")
    func wrongUser() throws {
        // setup
        let app = try TestApp()
        let (_, ownerBrowser, account) = try Self.owner(app)
        let invited = Person.make("Ivan Invitee")
        try invited.signUpAndLogIn(app)
        try Self.invite(ownerBrowser, invited.email)
        let target = try #require(try app.invitationTarget(to: invited.email))
        let other = Person.make("Mallory Other")
        let otherBrowser = try other.signUpAndLogIn(app)

        // MUT
        let page = try otherBrowser.get(target)
        let accepted = try otherBrowser.submit("/invitations/accept", form: [("token", invitationToken(target))], from: target)

        // validate
        #expect(page.text.contains("This invitation is for \(invited.email); you are signed in as \(other.email)"))
        #expect(!page.text.contains("action=\"/invitations/accept\""))
        #expect(accepted.status == .forbidden)
        let members = try app.database.read { db in try db.queryFirst(Int.self, "SELECT COUNT(*) FROM memberships WHERE account_id = \(account.id)") }
        #expect(members == 1)
        #expect(try Self.status(app, invited.email) == ["pending"], "the rightful invitee can still accept")
    }

    @Test("an unverified invitee must verify first; accepting waits")
    func unverifiedInvitee() throws {
        // setup
        let app = try TestApp()
        let (_, ownerBrowser, _) = try Self.owner(app)
        let invited = Person.make("Ivan Invitee")
        let browser = try invited.signUpAndLogIn(app, verify: false)
        try Self.invite(ownerBrowser, invited.email)
        let target = try #require(try app.invitationTarget(to: invited.email))

        // MUT
        let accepted = try browser.submit("/invitations/accept", form: [("token", invitationToken(target))], from: target)

        // validate
        #expect(accepted.status == .forbidden)
        #expect(accepted.text.contains("first with the link we sent"))
        #expect(try Self.status(app, invited.email) == ["pending"])
    }

    @Test("a used link cannot be replayed, a cancelled or superseded one no longer works")
    func replays() throws {
        // setup
        let app = try TestApp()
        let (_, ownerBrowser, account) = try Self.owner(app)
        let invited = Person.make("Ivan Invitee")
        let browser = try invited.signUpAndLogIn(app)
        try Self.invite(ownerBrowser, invited.email)
        let first = try #require(try app.invitationTarget(to: invited.email))
        try Self.invite(ownerBrowser, invited.email, [("access", "chosen"), ("permissions", "emails")])
        let second = try #require(try app.invitationTarget(to: invited.email))

        // MUT + validate: the re-invite superseded the first link
        #expect(first != second)
        #expect(try browser.get(first).status == .gone)
        #expect(try browser.submit("/invitations/accept", form: [("token", invitationToken(first))], from: "/accounts").status == .gone)

        // the owner cancels the second; then resends are impossible and the link is dead
        let list = try ownerBrowser.get("/account/users")
        let invitationID = try #require(list.text.components(separatedBy: "/account/invitations/").dropFirst().first?.components(separatedBy: "/").first)
        let cancelled = try ownerBrowser.submit("/account/invitations/\(invitationID)/cancel", form: [], from: "/account/users")
        #expect(cancelled.status == .seeOther)
        #expect(try browser.get(second).status == .gone)
        #expect(try browser.submit("/invitations/accept", form: [("token", invitationToken(second))], from: "/accounts").status == .gone)
        #expect(try ownerBrowser.submit("/account/invitations/\(invitationID)/cancel", form: [], from: "/account/users").status == .notFound)

        // a third invitation is accepted once; the replay fails
        try Self.invite(ownerBrowser, invited.email)
        let third = try #require(try app.invitationTarget(to: invited.email))
        #expect(try browser.submit("/invitations/accept", form: [("token", invitationToken(third))], from: third).status == .seeOther)
        #expect(try browser.submit("/invitations/accept", form: [("token", invitationToken(third))], from: "/accounts").status == .gone)
        #expect(try browser.submit("/invitations/decline", form: [("token", invitationToken(third))], from: "/accounts").status == .gone)
        #expect(try browser.get("/invitations/accept?token=nonsense").status == .notFound)
        #expect(try Self.status(app, invited.email) == ["superseded", "cancelled", "accepted"])
        #expect(try app.auditActions(accountID: account.id) == [
            "invitation.sent", "invitation.sent", "invitation.cancelled", "invitation.sent", "invitation.accepted",
        ])
    }

    @Test("resending gives a new link for 7 more days and kills the old one")
    func resend() throws {
        // setup
        let app = try TestApp()
        let (owner, ownerBrowser, account) = try Self.owner(app)
        try Self.invite(ownerBrowser, "guest@example.com")
        let old = try #require(try app.invitationTarget(to: "guest@example.com"))
        app.time.advance(by: 6 * 24 * 3600)
        try owner.logIn(ownerBrowser)
        let list = try ownerBrowser.get("/account/users")
        let invitationID = try #require(list.text.components(separatedBy: "/account/invitations/").dropFirst().first?.components(separatedBy: "/").first)

        // MUT
        let resent = try ownerBrowser.submit("/account/invitations/\(invitationID)/resend", form: [], from: "/account/users")

        // validate
        #expect(resent.status == .seeOther)
        let new = try #require(try app.invitationTarget(to: "guest@example.com"))
        #expect(new != old)
        #expect(try app.emails(to: "guest@example.com").count == 2)
        #expect(try app.browser().get(old).status == .gone)
        app.time.advance(by: 2 * 24 * 3600)
        #expect(try app.browser().get(new).status == .ok, "the new link counts its 7 days from the resend")
        #expect(try app.auditActions(accountID: account.id) == ["invitation.sent", "invitation.resent"])
    }

    @Test("a link expires after 7 days; the expiry is recorded")
    func expiry() throws {
        // setup
        let app = try TestApp()
        let (_, ownerBrowser, account) = try Self.owner(app)
        let invited = Person.make("Ivan Invitee")
        let browser = try invited.signUpAndLogIn(app)
        try Self.invite(ownerBrowser, invited.email)
        let target = try #require(try app.invitationTarget(to: invited.email))

        // MUT
        app.time.advance(by: 7 * 24 * 3600 + 1)
        try invited.logIn(browser)
        let page = try browser.get(target)
        let accepted = try browser.submit("/invitations/accept", form: [("token", invitationToken(target))], from: "/accounts")

        // validate
        #expect(page.status == .gone)
        #expect(page.text.contains("expired"))
        #expect(accepted.status == .gone)
        #expect(try Self.status(app, invited.email) == ["expired"])
        #expect(try app.auditActions(accountID: account.id) == ["invitation.sent", "invitation.expired"])
        let responded = try app.database.read { db in
            try db.queryFirst(Date.self, "SELECT responded_at FROM invitations WHERE email = \(invited.email)")
        }
        #expect(responded != nil)
    }

    @Test("an unverified inviter cannot invite")
    func unverifiedInviter() throws {
        // setup
        let app = try TestApp()
        let owner = Person.make("Olive Owner")
        let browser = try owner.signUpAndLogIn(app, verify: false)

        // MUT
        let page = try browser.get("/account/users")
        let response = try Self.invite(browser, "guest@example.com")

        // validate
        #expect(page.text.contains("Confirm your email address before inviting anyone"))
        #expect(response.status == .forbidden)
        #expect(try app.emails(to: "guest@example.com").isEmpty)
    }

    @Test("a form without its CSRF token is refused")
    func csrf() throws {
        // setup
        let app = try TestApp()
        let (_, browser, _) = try Self.owner(app)

        // MUT
        let response = try browser.post("/account/users/invite", form: [("email", "guest@example.com"), ("permissions", "contacts")])
        let switched = try browser.post("/accounts/switch", form: [("account", "acc_x")])

        // validate
        #expect(response.status == .forbidden)
        #expect(switched.status == .forbidden)
        #expect(try app.emails(to: "guest@example.com").isEmpty)
    }

    @Test("bad invite fields are answered beside each field with what was typed kept")
    func badFields() throws {
        // setup
        let app = try TestApp()
        let (owner, browser, _) = try Self.owner(app)

        // MUT
        let noPermission = try Self.invite(browser, "not-an-email", [("access", "chosen"), ("expires", "2020-13-45")])
        let past = try Self.invite(browser, "guest@example.com", [("access", "chosen"), ("permissions", "contacts"), ("expires", "2001-01-01")])
        let unknown = try Self.invite(browser, "guest@example.com", [("access", "chosen"), ("permissions", "root")])
        let member = try Self.invite(browser, owner.email.uppercased())

        // validate
        #expect(noPermission.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(noPermission.text, "email") != nil)
        #expect(ProfileHTML.fieldError(noPermission.text, "permissions") != nil)
        #expect(ProfileHTML.fieldError(noPermission.text, "expires") != nil)
        #expect(noPermission.text.contains("value=\"not-an-email\""))
        #expect(past.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(past.text, "expires") == ProfileHTML.escape(Catalog.english(UsersText.expiryPast)))
        #expect(past.text.contains("value=\"contacts\" checked"))
        #expect(unknown.status == .unprocessableContent)
        #expect(member.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(member.text, "email") == ProfileHTML.escape(Catalog.english(UsersText.alreadyMember)))
        #expect(try app.emails(to: "guest@example.com").isEmpty)
    }

    @Test("an expiry date is stored as the end of that day in the account's time zone")
    func expiryDate() throws {
        // setup
        let app = try TestApp()
        let (_, browser, account) = try Self.owner(app)
        try app.database.write { db in try db.execute("UPDATE accounts SET time_zone = 'Europe/Paris' WHERE id = \(account.id)") }
        let day = AccessGrant.dayString(app.time.current.addingTimeInterval(40 * 24 * 3600), timeZone: "Europe/Paris")

        // MUT
        let response = try Self.invite(browser, "guest@example.com", [("access", "chosen"), ("permissions", "contacts"), ("expires", day)])

        // validate
        #expect(response.status == .seeOther)
        let stored = try #require(try app.database.read { db in
            try db.queryFirst(Date.self, "SELECT access_expires_at FROM invitations WHERE email = 'guest@example.com'")
        })
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/Paris"))
        let parts = calendar.dateComponents([.hour, .minute, .second], from: stored)
        #expect(parts.hour == 0 && parts.minute == 0 && parts.second == 0, "midnight after the chosen day, Paris time")
        #expect(AccessGrant.dayString(stored, timeZone: "Europe/Paris") == day)
    }
}

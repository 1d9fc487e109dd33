import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

/// What delegates may and may not do, and how their access ends.
@Suite("Delegate rules")
struct DelegateRulesTests {
    static func membership(_ app: TestApp, _ publicID: String) throws -> (fullAccess: Bool, permissions: String)? {
        struct Row: Decodable { let fullAccess: Bool; let permissions: String }
        return try app.database.read { db in
            try db.queryFirst(Row.self, "SELECT full_access, permissions FROM memberships WHERE public_id = \(publicID)")
        }.map { ($0.fullAccess, $0.permissions) }
    }

    @Test("a delegate cannot grant itself or others more than it holds, nor users or full access")
    func noEscalation() throws {
        // setup
        let app = try TestApp()
        let manager = try app.delegate(holding: [.users, .contacts], name: "Manny Manager")
        let helper = try app.delegate(holding: [.contacts], name: "Hal Helper", owner: (manager.owner, manager.ownerBrowser))
        let browser = manager.delegateBrowser

        // MUT
        let inviteMore = try browser.submit("/account/users/invite", form: [("email", "x@example.com"), ("access", "chosen"), ("permissions", "billing.pay")], from: "/account/users")
        let inviteUsers = try browser.submit("/account/users/invite", form: [("email", "x@example.com"), ("access", "chosen"), ("permissions", "users")], from: "/account/users")
        let inviteFull = try browser.submit("/account/users/invite", form: [("email", "x@example.com"), ("access", "full")], from: "/account/users")
        let raiseOther = try browser.submit("/account/users/\(helper.membershipPublicID)", form: [("access", "chosen"), ("permissions", "contacts"), ("permissions", "emails")],
                                            from: "/account/users/\(helper.membershipPublicID)")
        let raiseSelf = try browser.submit("/account/users/\(manager.membershipPublicID)", form: [("access", "full")], from: "/account/users")
        let lowerOther = try browser.submit("/account/users/\(helper.membershipPublicID)", form: [("access", "chosen"), ("permissions", "contacts")],
                                            from: "/account/users/\(helper.membershipPublicID)")
        let allowed = try browser.submit("/account/users/invite", form: [("email", "y@example.com"), ("access", "chosen"), ("permissions", "contacts")], from: "/account/users")

        // validate
        for response in [inviteMore, inviteUsers, inviteFull, raiseOther, raiseSelf] { #expect(response.status == .forbidden) }
        #expect(inviteMore.text.contains("only permissions you hold yourself"))
        #expect(try app.emails(to: "x@example.com").isEmpty)
        #expect(try Self.membership(app, helper.membershipPublicID)?.permissions == "contacts")
        #expect(try Self.membership(app, manager.membershipPublicID)?.fullAccess == false)
        #expect(lowerOther.location?.hasPrefix("/account/users") == true, "an unchanged grant within its own rights is accepted")
        #expect(allowed.status == .seeOther)
        let page = try browser.get("/account/users")
        #expect(!page.text.contains("value=\"full\""), "full access is not offered to a delegate")
        #expect(!page.text.contains("value=\"billing.pay\""), "only permissions held are offered")
    }

    @Test("a delegate holding users manages other delegates but never touches the owner")
    func ownerUntouchable() throws {
        // setup
        let app = try TestApp()
        let manager = try app.delegate(holding: [.users, .contacts, .emails], name: "Manny Manager")
        let helper = try app.delegate(holding: [.contacts], name: "Hal Helper", owner: (manager.owner, manager.ownerBrowser))
        let ownerID = try #require(try app.database.read { db in
            try db.queryFirst(String.self, "SELECT public_id FROM memberships WHERE account_id = \(manager.accountID) AND role = 'owner'")
        })

        // MUT
        let demoteByOwner = try manager.ownerBrowser.submit("/account/users/\(ownerID)", form: [("access", "chosen"), ("permissions", "contacts")], from: "/account/users")
        let revokeByOwner = try manager.ownerBrowser.submit("/account/users/\(ownerID)/revoke", form: [], from: "/account/users")
        let revokeByDelegate = try manager.delegateBrowser.submit("/account/users/\(ownerID)/revoke", form: [], from: "/account/users")
        let editPage = try manager.delegateBrowser.get("/account/users/\(ownerID)")
        let change = try manager.delegateBrowser.submit("/account/users/\(helper.membershipPublicID)", form: [
            ("access", "chosen"), ("permissions", "contacts"), ("permissions", "emails"),
        ], from: "/account/users/\(helper.membershipPublicID)")

        // validate
        for response in [demoteByOwner, revokeByOwner, revokeByDelegate, editPage] {
            #expect(response.status == .forbidden)
            #expect(response.text.contains("owner&#39;s access cannot be changed") || response.text.contains("owner's access cannot be changed"))
        }
        #expect(change.status == .seeOther)
        #expect(try Self.membership(app, helper.membershipPublicID)?.permissions == "contacts,emails")
        #expect(try helper.delegateBrowser.get("/account/emails").status != .forbidden, "the change applies on the next request")
        #expect(try app.emails(to: helper.delegate.email).contains { $0.subject.contains("changed") })
        let audit = try app.database.read { db in
            try db.queryFirst(String.self, "SELECT before_value || ' -> ' || after_value FROM audit_events WHERE account_id = \(manager.accountID) AND action = 'access.updated'")
        }
        #expect(audit == "permissions: contacts -> permissions: contacts, emails")
        let owners = try app.database.read { db in
            try db.queryFirst(Int.self, "SELECT COUNT(*) FROM memberships WHERE account_id = \(manager.accountID) AND role = 'owner' AND full_access = 1")
        }
        #expect(owners == 1)
    }

    @Test("a delegate without users is refused the Users pages")
    func noUsersPermission() throws {
        // setup
        let app = try TestApp()
        let access = try app.delegate(holding: [.contacts])

        // MUT
        let page = try access.delegateBrowser.get("/account/users")
        let invite = try access.delegateBrowser.submit("/account/users/invite", form: [("email", "x@example.com"), ("permissions", "contacts")], from: "/")
        let twoFactor = try access.delegateBrowser.submit("/account/users/require-2fa", form: [("require", "1")], from: "/")

        // validate
        #expect(page.status == .forbidden)
        #expect(invite.status == .forbidden)
        #expect(twoFactor.status == .forbidden)
    }

    @Test("switching into an account without a live membership, or reaching another account's ids, answers 404")
    func foreignIDs() throws {
        // setup
        let app = try TestApp()
        let access = try app.delegate(holding: [.users, .contacts])
        let stranger = Person.make("Stan Stranger")
        let strangerBrowser = try stranger.signUpAndLogIn(app)
        let strangerAccount = try #require(try app.ownAccount(of: stranger.email))
        let strangerMember = try #require(try app.database.read { db in
            try db.queryFirst(String.self, "SELECT public_id FROM memberships WHERE account_id = \(strangerAccount.id)")
        })

        // MUT
        let intoForeign = try access.delegateBrowser.submit("/accounts/switch", form: [("account", strangerAccount.publicId)], from: "/accounts")
        let unknown = try access.delegateBrowser.submit("/accounts/switch", form: [("account", "acc_nothing")], from: "/accounts")
        let foreignEdit = try access.ownerBrowser.get("/account/users/\(strangerMember)")
        let foreignRevoke = try access.ownerBrowser.submit("/account/users/\(strangerMember)/revoke", form: [], from: "/account/users")
        let foreignLeave = try strangerBrowser.submit("/accounts/\(access.accountPublicID)/leave", form: [], from: "/accounts")
        let strangerEditsDelegate = try strangerBrowser.get("/account/users/\(access.membershipPublicID)")

        // validate
        for response in [intoForeign, unknown, foreignEdit, foreignRevoke, foreignLeave, strangerEditsDelegate] {
            #expect(response.status == .notFound)
        }
        #expect(try access.delegateBrowser.get("/account/contacts").status != .forbidden, "still in the delegated account")
    }

    @Test("a delegation ends by itself at its expiry")
    func delegationExpiry() throws {
        // setup
        let app = try TestApp()
        let access = try app.delegate(holding: [.contacts], expiresAt: app.time.current.addingTimeInterval(20 * 60))
        #expect(try access.delegateBrowser.get("/account/contacts").status != .forbidden)

        // MUT
        app.time.advance(by: 21 * 60)

        // validate
        #expect(try access.delegateBrowser.get("/account/contacts").location == "/accounts")
        let accounts = try access.delegateBrowser.get("/accounts")
        #expect(!accounts.text.contains(access.accountPublicID))
        #expect(try access.delegateBrowser.submit("/accounts/switch", form: [("account", access.accountPublicID)], from: "/accounts").status == .notFound)
    }

    @Test("when the owner requires 2FA, a delegate without it is sent to set it up; the owner is not")
    func requireTwoFactor() throws {
        // setup
        let app = try TestApp()
        let access = try app.delegate(holding: [.contacts])

        // MUT
        let saved = try access.ownerBrowser.submit("/account/users/require-2fa", form: [("require", "1")], from: "/account/users")

        // validate
        #expect(saved.status == .seeOther)
        #expect(try access.delegateBrowser.get("/account/contacts").location == "/account/security/2fa")
        #expect(try access.ownerBrowser.get("/account/users").status == .ok)
        #expect(try app.auditActions(accountID: access.accountID) == ["access.require-2fa"])
        #expect(try access.ownerBrowser.get("/account/users").text.contains("name=\"require\" value=\"1\" checked"))
        try access.ownerBrowser.submit("/account/users/require-2fa", form: [], from: "/account/users")
        #expect(try access.delegateBrowser.get("/account/contacts").status != .forbidden)
        #expect(try app.auditActions(accountID: access.accountID) == ["access.require-2fa", "access.require-2fa"])
    }

    @Test("a delegate can leave from the Switch account page; the owner cannot")
    func leave() throws {
        // setup
        let app = try TestApp()
        let access = try app.delegate(holding: [.contacts])

        // MUT
        let ownerLeaves = try access.ownerBrowser.submit("/accounts/\(access.accountPublicID)/leave", form: [], from: "/accounts")
        let left = try access.delegateBrowser.submit("/accounts/\(access.accountPublicID)/leave", form: [], from: "/accounts")

        // validate
        #expect(ownerLeaves.status == .forbidden)
        #expect(left.status == .seeOther)
        #expect(try access.delegateBrowser.get("/account/contacts").location == "/accounts")
        #expect(try app.auditActions(accountID: access.accountID) == ["access.left"])
        #expect(try app.notifications(of: access.owner.email).contains { $0.contains("gave up their access") })
    }

    @Test("the Switch account page explains when there is no account left")
    func noAccountLeft() throws {
        // setup
        let app = try TestApp()
        let person = Person.make("Nora None")
        let browser = try person.signUpAndLogIn(app)
        try app.database.write { db in
            try db.execute("DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = \(person.email))")
        }

        // MUT
        let page = try browser.get("/accounts")

        // validate
        #expect(page.status == .ok)
        #expect(page.text.contains(ProfileHTML.escape(Catalog.english(UsersText.accountsNoneTitle))))
        #expect(try browser.get("/").location == "/accounts")
    }

    @Test("switching rotates the session token and remembers the account")
    func switchRotates() throws {
        // setup
        let app = try TestApp()
        let access = try app.delegate(holding: [.contacts])
        let own = try #require(try app.ownedAccount(of: access.delegate.email))
        let before = access.delegateBrowser.cookies["hs_session"]

        // MUT
        let switched = try access.delegateBrowser.submit("/accounts/switch", form: [("account", own.publicId)], from: "/accounts")

        // validate
        #expect(switched.status == .seeOther)
        let after = access.delegateBrowser.cookies["hs_session"]
        #expect(after != nil && after != before)
        let last = try #require(try app.user(email: access.delegate.email)).lastAccountId
        #expect(last == own.id)
        let active = try app.database.read { db in
            try db.queryFirst(Date.self, "SELECT last_active_at FROM memberships WHERE public_id = \(access.membershipPublicID)")
        }
        #expect(active != nil, "entering the delegated account earlier marked it active")
    }
}

import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Invitations lapse with their inviter's access")
struct InviterStandingTests {
    @Test("a delegate's pending invitation is cancelled when the owner revokes that delegate, and cannot be accepted")
    func revokedInviterInvitationLapses() throws {
        // setup: delegate D (contacts + users) invites a second address
        let app = try TestApp()
        let access = try app.delegate(holding: [.contacts, .users])
        let guest = Person.make("Gail Guest")
        let invited = try access.delegateBrowser.submit("/account/users/invite", form: [("email", guest.email), ("access", "chosen"), ("permissions", "contacts")], from: "/account/users")
        #expect(invited.status == .seeOther)
        let target = try #require(try app.invitationTarget(to: guest.email))
        // MUT: the owner revokes D
        let revoked = try access.ownerBrowser.submit("/account/users/\(access.membershipPublicID)/revoke", form: [], from: "/account/users")
        #expect(revoked.status == .seeOther)
        // validate: the guest's link no longer gives access
        let guestBrowser = try guest.signUpAndLogIn(app)
        let accepted = try guestBrowser.submit("/invitations/accept", form: [("token", invitationToken(target))], from: target)
        #expect(accepted.status != .seeOther || accepted.location != "/")
        let members = try app.database.read { db in
            try db.queryFirst(Int.self, "SELECT COUNT(*) FROM memberships WHERE account_id = \(access.accountID) AND role = 'delegate'")
        }
        #expect(members == 0)
    }

    @Test("a delegate whose access ends must give access that ends by then; their own last day gives exactly their end")
    func expiryCappedAtInviter() throws {
        // setup
        let app = try TestApp()
        let ends = app.time.current.addingTimeInterval(3 * 24 * 3600)
        let access = try app.delegate(holding: [.contacts, .users], expiresAt: ends)
        let guest = Person.make("Gail Guest")
        let lastDay = AccessGrant.dayString(ends, timeZone: "UTC")
        let dayAfter = AccessGrant.dayString(ends.addingTimeInterval(24 * 3600), timeZone: "UTC")
        func invite(_ expires: String) throws -> TestResponse {
            try access.delegateBrowser.submit("/account/users/invite", form: [("email", guest.email), ("access", "chosen"),
                                                                              ("permissions", "contacts"), ("expires", expires)], from: "/account/users")
        }
        // MUT
        let form = try access.delegateBrowser.get("/account/users")
        let noEnd = try invite("")
        let later = try invite(dayAfter)
        let onLastDay = try invite(lastDay)
        let target = try #require(try app.invitationTarget(to: guest.email))
        let guestBrowser = try guest.signUpAndLogIn(app)
        let accepted = try guestBrowser.submit("/invitations/accept", form: [("token", invitationToken(target))], from: target)
        // validate
        #expect(form.text.contains(ProfileHTML.english(.users(.fieldExpiresOwnLimit(lastDay)))))
        for refused in [noEnd, later] {
            #expect(refused.status == .unprocessableContent)
            #expect(ProfileHTML.fieldError(refused.text, "expires") == ProfileHTML.english(.users(.expiryBeyondOwn(lastDay))))
        }
        #expect(onLastDay.status == .seeOther)
        #expect(accepted.status == .seeOther)
        let expiry = try app.database.read { db in
            try db.queryFirst(Date.self, """
                SELECT m.expires_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = \(guest.email) AND m.account_id = \(access.accountID)
                """)
        }
        #expect(expiry.map { abs($0.timeIntervalSince(ends)) < 0.002 } == true, "exactly the inviter's end, to the millisecond")
    }

    @Test("a delegate whose access ends cannot lift another's end date, nor manage anyone whose access outlasts theirs")
    func noAccessBeyondOwnEnd() throws {
        // setup: D (users, contacts) ends in 3 days; M (contacts) in 2 days; N (contacts) never.
        let app = try TestApp()
        let now = app.time.current
        let access = try app.delegate(holding: [.contacts, .users], expiresAt: now.addingTimeInterval(3 * 24 * 3600))
        let owner = (person: access.owner, browser: access.ownerBrowser)
        let shorter = try app.delegate(holding: [.contacts], expiresAt: now.addingTimeInterval(2 * 24 * 3600), name: "Mia Member", owner: owner)
        let endless = try app.delegate(holding: [.contacts], name: "Ned Member", owner: owner)
        func storedEnd(_ membership: String) throws -> Date? {
            try app.database.read { db in try db.queryFirst(Date.self, "SELECT expires_at FROM memberships WHERE public_id = \(membership)") }
        }
        let before = try storedEnd(shorter.membershipPublicID)
        // MUT
        let users = try access.delegateBrowser.get("/account/users")
        let lift = try access.delegateBrowser.submit("/account/users/\(shorter.membershipPublicID)",
                                                     form: [("access", "chosen"), ("permissions", "contacts"), ("expires", "")],
                                                     from: "/account/users/\(shorter.membershipPublicID)")
        let touchEndless = try access.delegateBrowser.post("/account/users/\(endless.membershipPublicID)/revoke",
                                                           form: [("_csrf", csrfToken(in: users.text) ?? "")])
        let editEndless = try access.delegateBrowser.get("/account/users/\(endless.membershipPublicID)")
        // validate
        #expect(lift.status == .unprocessableContent)
        #expect(try storedEnd(shorter.membershipPublicID) == before)
        #expect(touchEndless.status == .forbidden)
        #expect(editEndless.status == .forbidden)
        #expect(try app.database.read { db in
            try db.queryFirst(Int.self, "SELECT COUNT(*) FROM memberships WHERE public_id = \(endless.membershipPublicID) AND expires_at IS NULL")
        } == 1, "still there, still without an end")
    }
}

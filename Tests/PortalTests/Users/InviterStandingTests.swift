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

    @Test("an invitation from a delegate whose access ends gives access ending no later")
    func expiryCappedAtInviter() throws {
        let app = try TestApp()
        let ends = app.time.current.addingTimeInterval(3 * 24 * 3600)
        let access = try app.delegate(holding: [.contacts, .users], expiresAt: ends)
        let guest = Person.make("Gail Guest")
        _ = try access.delegateBrowser.submit("/account/users/invite", form: [("email", guest.email), ("access", "chosen"), ("permissions", "contacts")], from: "/account/users")
        let target = try #require(try app.invitationTarget(to: guest.email))
        let guestBrowser = try guest.signUpAndLogIn(app)
        let accepted = try guestBrowser.submit("/invitations/accept", form: [("token", invitationToken(target))], from: target)
        #expect(accepted.status == .seeOther)
        let expiry = try app.database.read { db in
            try db.queryFirst(Date.self, """
                SELECT m.expires_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = \(guest.email) AND m.account_id = \(access.accountID)
                """)
        }
        #expect(expiry.map { $0 <= ends.addingTimeInterval(0.001) } == true, "stored to the millisecond")
    }
}

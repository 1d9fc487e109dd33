import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

/// An owner and one delegate of the owner's account, each with a logged-in browser.
/// The delegate's browser is already working in the owner's account.
struct DelegatedAccess {
    let owner: Person
    let ownerBrowser: TestSession
    let delegate: Person
    let delegateBrowser: TestSession
    let accountID: Int64
    let accountPublicID: String
    /// The delegate's membership (`mem_…`), as /account/users/:id takes it.
    let membershipPublicID: String
}

extension TestApp {
    /// A delegate holding exactly `permissions` (or every permission with `fullAccess`) in a fresh
    /// owner's account, optionally until `expiresAt`. Both people sign up, verify and log in through
    /// the pages; the membership is written with `MembershipStore` (what accepting an invitation writes);
    /// the delegate then enters the account with the real Switch account form.
    /// Pass `owner` to add another delegate to an existing owner's account.
    func delegate(holding permissions: Set<Permission>, fullAccess: Bool = false, expiresAt: Date? = nil,
                  name: String = "Dora Delegate", owner existing: (person: Person, browser: TestSession)? = nil) throws -> DelegatedAccess {
        let owner = existing?.person ?? Person.make("Olive Owner")
        let ownerBrowser = try existing?.browser ?? owner.signUpAndLogIn(self)
        let delegate = Person.make(name)
        let delegateBrowser = try delegate.signUpAndLogIn(self)
        let now = time.current
        let (accountID, accountPublicID, membershipPublicID) = try database.write { db -> (Int64, String, String) in
            let ownerUser = try #require(try UserStore.user(email: owner.email, db))
            let delegateUser = try #require(try UserStore.user(email: delegate.email, db))
            let accountID = try #require(try db.queryFirst(Int64.self, """
                SELECT account_id FROM memberships WHERE user_id = \(ownerUser.id) AND role = 'owner'
                """))
            let account = try #require(try AccountStore.account(id: accountID, db))
            let membership = try MembershipStore.createDelegate(accountID: accountID, userID: delegateUser.id, fullAccess: fullAccess,
                                                                permissions: permissions, expiresAt: expiresAt, now: now, db)
            return (accountID, account.publicId, membership)
        }
        let switched = try delegateBrowser.submit("/accounts/switch", form: [("account", accountPublicID)], from: "/accounts")
        #expect(switched.status == .seeOther && switched.location == "/", "the delegate enters the owner's account")
        return DelegatedAccess(owner: owner, ownerBrowser: ownerBrowser, delegate: delegate, delegateBrowser: delegateBrowser,
                               accountID: accountID, accountPublicID: accountPublicID, membershipPublicID: membershipPublicID)
    }

    /// The actions recorded in an account's audit log, oldest first.
    func auditActions(accountID: Int64) throws -> [String] {
        try database.read { db in
            try db.query(String.self, "SELECT action FROM audit_events WHERE account_id = \(accountID) ORDER BY id")
        }
    }

    /// The account the person owns (not the last one they used, which may be delegated).
    func ownedAccount(of email: String) throws -> Account? {
        try database.read { db in
            guard let id = try db.queryFirst(Int64.self, """
                SELECT m.account_id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = \(email) AND m.role = 'owner'
                """) else { return nil }
            return try AccountStore.account(id: id, db)
        }
    }

    /// The messages of a person's notifications, oldest first.
    func notifications(of email: String) throws -> [String] {
        try database.read { db in
            try db.query(String.self, """
                SELECT n.message FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = \(email) ORDER BY n.id
                """)
        }
    }

    /// The newest invitation link sent to `email`, as a target for the test client.
    func invitationTarget(to email: String) throws -> String? {
        try link(to: email, containing: "/invitations/accept").map(TestApp.target(of:))
    }
}

/// The token carried by an invitation link target.
func invitationToken(_ target: String) -> String {
    let raw = target.components(separatedBy: "token=").last ?? ""
    return raw.removingPercentEncoding ?? raw
}

import Database
import Foundation

/// One login, several accounts: listing them, switching between them, leaving a delegated one,
/// and where a fresh login lands.
extension DelegationService {
    struct AccountsOverview: Sendable {
        let entries: [MembershipStore.Entry]
        let currentAccountID: Int64?
        let lastAccountID: Int64?
        /// The zone times on the page are shown in (the current account's, else the user's own).
        let timeZone: String
    }

    func accounts(visitor: Identity) throws -> AccountsOverview {
        let now = clock.now()
        return try database.read { db in
            let user = try UserStore.user(id: visitor.userID, db)
            return AccountsOverview(entries: try MembershipStore.liveAccounts(userID: visitor.userID, now: now, db),
                                    currentAccountID: visitor.account?.id, lastAccountID: user?.lastAccountId,
                                    timeZone: try AccountStore.timeZone(accountID: visitor.account?.id, userID: visitor.userID, db))
        }
    }

    /// Moves the session into the account with this public id under a new token; nil when the user has
    /// no live membership there (the page answers 404 whether the account exists or not).
    func switchAccount(visitor: Identity, accountPublicID: String) throws -> String? {
        guard !accountPublicID.isEmpty, accountPublicID.utf8.count <= 64 else { return nil }
        let now = clock.now()
        let newToken = SecureRandom.token(bytes: 32)
        return try database.write { db in
            guard let entry = try MembershipStore.liveAccount(userID: visitor.userID, accountPublicID: accountPublicID, now: now, db) else { return nil }
            try SessionStore.rotate(sessionID: visitor.sessionID, newTokenHash: TokenHash.sha256Hex(newToken), stage: .full,
                                    accountID: entry.accountId, now: now, db)
            try UserStore.setLastAccount(userID: visitor.userID, accountID: entry.accountId, db)
            try MembershipStore.markActive(userID: visitor.userID, accountID: entry.accountId, now: now, db)
            return newToken
        }
    }

    enum LeaveOutcome: Sendable, Equatable {
        case left(accountName: String)
        case notFound
        case owner
    }

    /// A delegate gives up their access to an account; the owner cannot.
    func leave(visitor: Identity, accountPublicID: String, ip: String) throws -> LeaveOutcome {
        guard !accountPublicID.isEmpty, accountPublicID.utf8.count <= 64 else { return .notFound }
        let now = clock.now()
        return try database.write { db in
            guard let member = try MembershipStore.member(userID: visitor.userID, accountPublicID: accountPublicID, db),
                  let account = try AccountStore.account(id: member.accountId, db)
            else { return .notFound }
            guard member.membershipRole == .delegate else { return .owner }
            guard try MembershipStore.deleteDelegate(id: member.id, db) else { return .notFound }
            try InvitationStore.cancelPending(invitedBy: member.userId, accountID: member.accountId, now: now, db)
            let zone = account.timeZone
            let before = AccessGrant(fullAccess: member.fullAccess, permissions: member.permissionSet, expiresAt: member.expiresAt)
            try AuditStore.record(accountID: account.id, actor: AuditActor(visitor, ip: ip), action: .accessLeft, target: member.email,
                                  before: before.auditSummary(timeZone: zone), now: now, db)
            if let owner = try MembershipStore.owner(accountID: account.id, db) {
                try NotificationStore.add(userID: owner.userId, severity: .info,
                                          message: Catalog(.english)(.users(.noticeMemberLeft(email: member.email, account: account.name))),
                                          link: SiteRoute.users.path, now: now, db)
            }
            return .left(accountName: account.name)
        }
    }

    /// Where a completed login without `next` goes: the account chooser when the user may enter
    /// more than one account (the session already starts in the last one used), else the dashboard.
    static func landingAfterLogin(sessionToken: String, identity: IdentityService) throws -> String {
        let now = identity.clock.now()
        let count = try identity.database.read { db in
            try MembershipStore.liveCount(sessionTokenHash: TokenHash.sha256Hex(sessionToken), now: now, db)
        }
        return count > 1 ? SiteRoute.accounts.path : SiteRoute.dashboard.path
    }
}

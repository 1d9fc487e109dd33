import Database
import Foundation

/// Answering an invitation: what its link shows, accepting (which enters the account) and declining.
extension DelegationService {
    /// What an invitation link leads to, whoever opens it.
    enum InvitationState: Sendable {
        /// No invitation has this token.
        case invalid
        /// Already accepted or declined.
        case used
        /// Cancelled, or replaced by a newer invitation to the same email.
        case withdrawn
        case expired
        case open(InvitationStore.Invitation)
    }

    /// What the visitor looking at an open invitation can do with it.
    enum Standing: Sendable, Equatable {
        /// Not signed in (or the second factor is still due): log in or create a login first.
        case signInNeeded
        case wrongUser(signedInAs: String)
        /// Signed in with the invited address, which is not verified yet.
        case verifyFirst
        case alreadyMember
        case ready
    }

    static func isPlausible(token: String) -> Bool {
        !token.isEmpty && token.utf8.count <= 128
    }

    /// Looks the link up; a pending invitation found past its time is recorded as expired now.
    func invitation(token: String) throws -> InvitationState {
        guard Self.isPlausible(token: token) else { return .invalid }
        let now = clock.now()
        return try database.write { db in try state(tokenHash: TokenHash.sha256Hex(token), now: now, db) }
    }

    private func state(tokenHash: String, now: Date, _ db: DatabaseConnection) throws -> InvitationState {
        guard let invitation = try InvitationStore.find(tokenHash: tokenHash, db) else { return .invalid }
        switch invitation.invitationStatus {
        case .accepted, .declined: return .used
        case .cancelled, .superseded: return .withdrawn
        case .expired: return .expired
        case .pending:
            // An access meant to end before it could start is as good as an expired link.
            let accessOver = invitation.accessExpiresAt.map { $0 <= now } ?? false
            guard invitation.expiresAt <= now || accessOver else { return .open(invitation) }
            if try InvitationStore.close(id: invitation.id, as: .expired, now: now, db) {
                try AuditStore.record(accountID: invitation.accountId, actor: Self.systemActor, action: .invitationExpired,
                                      target: invitation.email, now: now, db)
            }
            return .expired
        }
    }

    func standing(of invitation: InvitationStore.Invitation, for visitor: Identity?) throws -> Standing {
        guard let visitor, visitor.stage == .full else { return .signInNeeded }
        guard visitor.email.lowercased() == invitation.email.lowercased() else { return .wrongUser(signedInAs: visitor.email) }
        guard visitor.emailVerified else { return .verifyFirst }
        let now = clock.now()
        let member = try database.read { db in try MembershipStore.member(userID: visitor.userID, accountID: invitation.accountId, db) }
        if let member, member.isLive(at: now) { return .alreadyMember }
        return .ready
    }

    enum AcceptOutcome: Sendable {
        /// The membership exists and the session now works in that account under a new token.
        case accepted(newToken: String)
        case problem(InvitationState)
        case notReady(Standing)
    }

    /// Accepts as the signed-in user, whose verified email must be the invited one, and enters the account.
    func accept(visitor: Identity, token: String, client: IdentityService.Client) throws -> AcceptOutcome {
        guard Self.isPlausible(token: token) else { return .problem(.invalid) }
        let now = clock.now()
        let newToken = SecureRandom.token(bytes: 32)
        return try database.write { db in
            let found = try state(tokenHash: TokenHash.sha256Hex(token), now: now, db)
            guard case .open(let invitation) = found else { return .problem(found) }
            guard visitor.email.lowercased() == invitation.email.lowercased() else { return .notReady(.wrongUser(signedInAs: visitor.email)) }
            // Read again inside the transaction: the session's copy could predate an email change.
            guard let user = try UserStore.user(id: visitor.userID, db), user.email.lowercased() == invitation.email.lowercased() else {
                return .notReady(.wrongUser(signedInAs: visitor.email))
            }
            guard user.isVerified else { return .notReady(.verifyFirst) }
            if let member = try MembershipStore.member(userID: user.id, accountID: invitation.accountId, db), member.isLive(at: now) {
                return .notReady(.alreadyMember)
            }
            // The inviter must still be able to give this access now: a revoked, expired or narrowed
            // delegate's invitations lapse, and a delegate never gives access beyond their own end date.
            var expiresAt = invitation.accessExpiresAt
            if let inviterID = invitation.invitedBy {
                guard let inviter = try MembershipStore.member(userID: inviterID, accountID: invitation.accountId, db), inviter.isLive(at: now),
                      GrantRules.allows(Self.grantor(inviter), fullAccess: invitation.fullAccess, permissions: invitation.permissionSet)
                else {
                    _ = try InvitationStore.close(id: invitation.id, as: .cancelled, now: now, db)
                    return .problem(.withdrawn)
                }
                if let limit = inviter.expiresAt { expiresAt = min(expiresAt ?? limit, limit) }
            }
            guard try InvitationStore.close(id: invitation.id, as: .accepted, acceptedUserID: user.id, now: now, db) else { return .problem(.used) }
            let grant = AccessGrant(fullAccess: invitation.fullAccess, permissions: invitation.permissionSet, expiresAt: expiresAt)
            _ = try MembershipStore.createDelegate(accountID: invitation.accountId, userID: user.id, fullAccess: grant.fullAccess,
                                                   permissions: grant.permissions, expiresAt: grant.expiresAt, now: now, db)
            let zone = try AccountStore.timeZone(accountID: invitation.accountId, db)
            try AuditStore.record(accountID: invitation.accountId, actor: AuditActor(visitor, ip: client.ip), action: .invitationAccepted,
                                  target: invitation.email, after: grant.auditSummary(timeZone: zone), now: now, db)
            // Entering another account is a privilege change: the session gets a new token.
            try SessionStore.rotate(sessionID: visitor.sessionID, newTokenHash: TokenHash.sha256Hex(newToken), stage: .full,
                                    accountID: invitation.accountId, now: now, db)
            try UserStore.setLastAccount(userID: user.id, accountID: invitation.accountId, db)
            try MembershipStore.markActive(userID: user.id, accountID: invitation.accountId, now: now, db)
            if let inviter = invitation.invitedBy {
                try NotificationStore.add(userID: inviter, severity: .success,
                                          message: Catalog(.english)(.users(.noticeInvitationAccepted(email: invitation.email, account: invitation.accountName))),
                                          link: SiteRoute.users.path, now: now, db)
            }
            return .accepted(newToken: newToken)
        }
    }

    enum DeclineOutcome: Sendable {
        case declined(accountName: String)
        case problem(InvitationState)
    }

    /// Declines with the link's token, signed in or not: holding the link is enough to say no.
    func decline(visitor: Identity?, token: String, ip: String) throws -> DeclineOutcome {
        guard Self.isPlausible(token: token) else { return .problem(.invalid) }
        let now = clock.now()
        return try database.write { db in
            let found = try state(tokenHash: TokenHash.sha256Hex(token), now: now, db)
            guard case .open(let invitation) = found else { return .problem(found) }
            guard try InvitationStore.close(id: invitation.id, as: .declined, now: now, db) else { return .problem(.used) }
            let actor = visitor.map { AuditActor($0, ip: ip) } ?? AuditActor(userID: nil, label: invitation.email, ip: ip)
            try AuditStore.record(accountID: invitation.accountId, actor: actor, action: .invitationDeclined, target: invitation.email, now: now, db)
            if let inviter = invitation.invitedBy {
                try NotificationStore.add(userID: inviter, severity: .info,
                                          message: Catalog(.english)(.users(.noticeInvitationDeclined(email: invitation.email, account: invitation.accountName))),
                                          link: SiteRoute.users.path, now: now, db)
            }
            return .declined(accountName: invitation.accountName)
        }
    }

    /// A member as the grant rules see an actor.
    static func grantor(_ member: MembershipStore.Member) -> Identity.AccountRef {
        Identity.AccountRef(id: member.accountId, publicID: "", number: "", name: "",
                            role: MembershipRole(rawValue: member.role) ?? .delegate, fullAccess: member.fullAccess,
                            permissions: Permission.decode(member.permissions), requireDelegateTwoFactor: false,
                            accessEndsAt: member.expiresAt)
    }
}

import Database
import Foundation

/// The rules of delegated access: inviting people to an account, changing and revoking what they
/// may do, answering invitations, switching between accounts and leaving one. Never renders anything.
/// Every change is recorded in the account's audit log inside the transaction that makes it.
struct DelegationService: Sendable {
    let database: any Database
    let clock: Clock
    let mailer: Mailer
    let identity: IdentityService

    static let invitationLifetime: TimeInterval = 7 * 24 * 3600
    /// Invitation emails one account may send to one address per hour (re-inviting to fix a mistake
    /// fits), and to anyone per day: the panel must not become a way to flood or phish mailboxes.
    static let invitationsPerAddressPerHour = 3
    static let invitationsPerAccountPerDay = 50
    /// Invitation emails one address may receive per day from all accounts together (many fresh
    /// accounts must not add up to a flood either).
    static let invitationsPerAddressPerDay = 10

    init(services: Services) {
        database = services.database
        clock = services.clock
        mailer = services.mailer
        identity = services.identity
    }

    /// Someone refused to do something, with the reason the page shows (as a 403).
    struct Refusal: Error, Sendable, Equatable {
        let reason: UsersText
    }

    /// Who the audit log names when nobody in particular acted (an invitation running out).
    static let systemActor = AuditActor(userID: nil, label: "Hosterra", ip: "")

    // MARK: The Users page

    struct Overview: Sendable {
        let account: Account
        let members: [MembershipStore.Member]
        let invitations: [InvitationStore.Invitation]
        let now: Date
    }

    func overview(account ref: Identity.AccountRef) throws -> Overview {
        try recordExpiredInvitations(accountID: ref.id)
        let now = clock.now()
        return try database.read { db in
            guard let account = try AccountStore.account(id: ref.id, db) else { throw Refusal(reason: .noAccount) }
            return Overview(account: account, members: try MembershipStore.members(accountID: ref.id, db),
                            invitations: try InvitationStore.pending(accountID: ref.id, db), now: now)
        }
    }

    func timeZone(accountID: Int64) throws -> String {
        try database.read { db in try AccountStore.timeZone(accountID: accountID, db) }
    }

    /// Invitations whose link ran out are closed as expired, with an audit event, the first time anyone looks.
    func recordExpiredInvitations(accountID: Int64?) throws {
        let now = clock.now()
        try database.write { db in
            for invitation in try InvitationStore.overdue(accountID: accountID, now: now, db) {
                guard try InvitationStore.close(id: invitation.id, as: .expired, now: now, db) else { continue }
                try AuditStore.record(accountID: invitation.accountId, actor: Self.systemActor, action: .invitationExpired,
                                      target: invitation.email, now: now, db)
            }
        }
    }

    // MARK: Inviting

    enum InviteOutcome: Sendable {
        case sent(email: String)
        case invalid(FieldErrors)
    }

    /// Sends an invitation; a pending one to the same email is superseded (its link stops working).
    func invite(actor: Identity, form: AccessForm, ip: String) throws -> InviteOutcome {
        guard let account = actor.account else { throw Refusal(reason: .noAccount) }
        guard actor.emailVerified else { throw Refusal(reason: .verifyBeforeInviting) }
        let email = IdentityService.normalizeEmail(form.email)
        let now = clock.now()
        let zone = try timeZone(accountID: account.id)
        var (grant, errors) = form.grant(timeZone: zone, now: now)
        if let problem = Validation.email(email) { errors[AccessForm.Field.email] = problem }
        if let problem = Self.fitEnd(account, &grant, timeZone: zone) { errors[AccessForm.Field.expires] = problem }
        if let grant, !GrantRules.allows(account, fullAccess: grant.fullAccess, permissions: grant.permissions) {
            throw Refusal(reason: .grantBeyondOwn)
        }
        guard errors.isEmpty, let grant else { return .invalid(errors) }

        return try database.write { db in
            if try MembershipStore.hasLiveMember(email: email, accountID: account.id, now: now, db) {
                var errors = FieldErrors()
                errors[AccessForm.Field.email] = .users(.alreadyMember)
                return .invalid(errors)
            }
            if let problem = try Self.sendingLimit(accountID: account.id, email: email, now: now, db) {
                var errors = FieldErrors()
                errors[AccessForm.Field.email] = .users(problem)
                return .invalid(errors)
            }
            var replaced: [String] = []
            for earlier in try InvitationStore.pending(accountID: account.id, email: email, db) {
                if try InvitationStore.close(id: earlier.id, as: .superseded, now: now, db) { replaced.append(earlier.publicId) }
            }
            try sendInvitation(account: account, email: email, grant: grant, inviter: actor, timeZone: zone, now: now, db)
            try AuditStore.record(accountID: account.id, actor: AuditActor(actor, ip: ip), action: .invitationSent, target: email,
                                  before: replaced.isEmpty ? "" : "replaces " + replaced.joined(separator: ", "),
                                  after: grant.auditSummary(timeZone: zone), now: now, db)
            return .sent(email: email)
        }
    }

    /// Why another invitation email may not go out now, if it may not.
    static func sendingLimit(accountID: Int64, email: String, now: Date, _ db: DatabaseConnection) throws -> UsersText? {
        if try InvitationStore.sentCount(accountID: accountID, email: email, since: now.addingTimeInterval(-3600), db) >= invitationsPerAddressPerHour {
            return .inviteTooOften(invitationsPerAddressPerHour)
        }
        if try InvitationStore.sentCount(accountID: accountID, email: nil, since: now.addingTimeInterval(-24 * 3600), db) >= invitationsPerAccountPerDay {
            return .inviteDailyLimit(invitationsPerAccountPerDay)
        }
        if try InvitationStore.sentCount(accountID: nil, email: email, since: now.addingTimeInterval(-24 * 3600), db) >= invitationsPerAddressPerDay {
            return .inviteRecipientLimit
        }
        return nil
    }

    /// Creates the invitation row with a fresh token and writes its email; returns the new public id.
    @discardableResult
    private func sendInvitation(account: Identity.AccountRef, email: String, grant: AccessGrant, inviter: Identity,
                                timeZone: String, now: Date, _ db: DatabaseConnection) throws -> String {
        let token = SecureRandom.token(bytes: 32)
        let expiresAt = now.addingTimeInterval(Self.invitationLifetime)
        let publicID = try InvitationStore.create(accountID: account.id, email: email, tokenHash: TokenHash.sha256Hex(token),
                                                  fullAccess: grant.fullAccess, permissions: grant.permissions,
                                                  accessExpiresAt: grant.expiresAt, invitedBy: inviter.userID,
                                                  now: now, expiresAt: expiresAt, db)
        let link = identity.url(.invitation, query: [("token", token)])
        let catalog = Catalog(.english)
        let offered = grant.fullAccess ? [catalog(.users(.fullAccess))] : grant.permissions.sorted().map { catalog(.permissionName($0)) }
        // Not filed under the account: its email history must not hand the link to other members.
        try mailer.enqueue(.invitation(inviterName: inviter.userName, accountName: account.name, permissions: offered,
                                       accessUntil: grant.expiresAt.map { AccessGrant.dayString($0, timeZone: timeZone) },
                                       linkExpires: TimeZones.format(expiresAt, in: timeZone) + " (" + timeZone + ")", link: link),
                           to: email, userID: nil, accountID: nil, db)
        return publicID
    }

    /// The pending invitation of this account with this id, if the actor could have sent it.
    private func manageableInvitation(actor: Identity.AccountRef, publicID: String, _ db: DatabaseConnection) throws -> InvitationStore.Invitation? {
        guard publicID.utf8.count <= 64, let invitation = try InvitationStore.find(publicID: publicID, accountID: actor.id, db),
              invitation.invitationStatus == .pending
        else { return nil }
        guard GrantRules.mayManage(actor, fullAccess: invitation.fullAccess, permissions: invitation.permissionSet,
                                   expiresAt: invitation.accessExpiresAt) else {
            throw Refusal(reason: .invitationBeyondOwn)
        }
        return invitation
    }

    /// Sends the invitation again with a new link valid 7 more days; the old link stops working. False: no such pending invitation.
    func resend(actor: Identity, invitationPublicID: String, ip: String) throws -> Bool {
        guard let account = actor.account else { throw Refusal(reason: .noAccount) }
        guard actor.emailVerified else { throw Refusal(reason: .verifyBeforeInviting) }
        let now = clock.now()
        let zone = try timeZone(accountID: account.id)
        return try database.write { db in
            guard let old = try manageableInvitation(actor: account, publicID: invitationPublicID, db) else { return false }
            if try MembershipStore.hasLiveMember(email: old.email, accountID: account.id, now: now, db) { throw Refusal(reason: .alreadyMemberResend) }
            if let problem = try Self.sendingLimit(accountID: account.id, email: old.email, now: now, db) { throw Refusal(reason: problem) }
            guard try InvitationStore.close(id: old.id, as: .superseded, now: now, db) else { return false }
            let grant = AccessGrant(fullAccess: old.fullAccess, permissions: old.permissionSet, expiresAt: old.accessExpiresAt)
            let newID = try sendInvitation(account: account, email: old.email, grant: grant, inviter: actor, timeZone: zone, now: now, db)
            try AuditStore.record(accountID: account.id, actor: AuditActor(actor, ip: ip), action: .invitationResent, target: old.email,
                                  before: old.publicId, after: newID, now: now, db)
            return true
        }
    }

    /// Withdraws a pending invitation. False: no such pending invitation.
    func cancel(actor: Identity, invitationPublicID: String, ip: String) throws -> Bool {
        guard let account = actor.account else { throw Refusal(reason: .noAccount) }
        let now = clock.now()
        return try database.write { db in
            guard let invitation = try manageableInvitation(actor: account, publicID: invitationPublicID, db),
                  try InvitationStore.close(id: invitation.id, as: .cancelled, now: now, db)
            else { return false }
            try AuditStore.record(accountID: account.id, actor: AuditActor(actor, ip: ip), action: .invitationCancelled,
                                  target: invitation.email, before: invitation.publicId, now: now, db)
            return true
        }
    }

    // MARK: Changing and revoking

    /// A delegate of the actor's account that the actor may change: nil when the id is unknown here;
    /// refused for the owner and for anyone holding more than the actor may grant.
    func manageableMember(actor: Identity.AccountRef, publicID: String) throws -> MembershipStore.Member? {
        try database.read { db in try manageableMember(actor: actor, publicID: publicID, db) }
    }

    private func manageableMember(actor: Identity.AccountRef, publicID: String, _ db: DatabaseConnection) throws -> MembershipStore.Member? {
        guard publicID.utf8.count <= 64, let member = try MembershipStore.member(publicID: publicID, accountID: actor.id, db) else { return nil }
        if member.membershipRole == .owner { throw Refusal(reason: .ownerUntouchable) }
        guard GrantRules.mayManage(actor, fullAccess: member.fullAccess, permissions: member.permissionSet, expiresAt: member.expiresAt) else {
            throw Refusal(reason: .memberBeyondOwn)
        }
        return member
    }

    enum ChangeOutcome: Sendable {
        case changed
        case unchanged
        case notFound
        case invalid(FieldErrors)
    }

    /// Changes a delegate's permissions and expiry; takes effect on their next request.
    func change(actor: Identity, memberPublicID: String, form: AccessForm, ip: String) throws -> ChangeOutcome {
        guard let account = actor.account else { throw Refusal(reason: .noAccount) }
        let now = clock.now()
        let zone = try timeZone(accountID: account.id)
        var (typed, errors) = form.grant(timeZone: zone, now: now)
        if let problem = Self.fitEnd(account, &typed, timeZone: zone) { errors[AccessForm.Field.expires] = problem }
        return try database.write { db in
            guard let member = try manageableMember(actor: account, publicID: memberPublicID, db) else { return .notFound }
            guard errors.isEmpty, let grant = typed else { return .invalid(errors) }
            guard GrantRules.allows(account, fullAccess: grant.fullAccess, permissions: grant.permissions) else {
                throw Refusal(reason: .grantBeyondOwn)
            }
            let before = AccessGrant(fullAccess: member.fullAccess, permissions: member.fullAccess ? [] : member.permissionSet, expiresAt: member.expiresAt)
            guard before != grant else { return .unchanged }
            try MembershipStore.updateDelegate(id: member.id, fullAccess: grant.fullAccess, permissions: grant.permissions, expiresAt: grant.expiresAt, db)
            try AuditStore.record(accountID: account.id, actor: AuditActor(actor, ip: ip), action: .accessUpdated, target: member.email,
                                  before: before.auditSummary(timeZone: zone), after: grant.auditSummary(timeZone: zone), now: now, db)
            let catalog = Catalog(.english)
            let summary = grant.fullAccess ? catalog(.users(.fullAccess))
                : grant.permissions.sorted().map { catalog(.permissionName($0)) }.joined(separator: ", ")
            try NotificationStore.add(userID: member.userId, severity: .info, message: catalog(.users(.noticeAccessChanged(account.name))),
                                      link: SiteRoute.accounts.path, now: now, db)
            try mailer.enqueue(.accessChanged(name: member.userName, accountName: account.name, permissions: summary,
                                              accessUntil: grant.expiresAt.map { AccessGrant.dayString($0, timeZone: zone) },
                                              accountsURL: identity.url(.accounts)),
                               to: member.email, userID: member.userId, accountID: nil, db)
            return .changed
        }
    }

    /// A delegate whose own access ends must give access that ends by then. Choosing their own last day
    /// gives access until the very moment theirs ends; no end or a later day is a problem for the date field.
    static func fitEnd(_ actor: Identity.AccountRef, _ grant: inout AccessGrant?, timeZone: String) -> Text? {
        guard let chosen = grant, let own = actor.accessEndsAt, !GrantRules.allowsEnd(actor, chosen.expiresAt) else { return nil }
        let lastDay = AccessGrant.dayString(own, timeZone: timeZone)
        if let end = chosen.expiresAt, AccessGrant.dayString(end, timeZone: timeZone) == lastDay {
            grant?.expiresAt = own
            return nil
        }
        return .users(.expiryBeyondOwn(lastDay))
    }

    /// Ends a delegate's access at once (every session of theirs loses the account on its next request). False: unknown id.
    func revoke(actor: Identity, memberPublicID: String, ip: String) throws -> Bool {
        guard let account = actor.account else { throw Refusal(reason: .noAccount) }
        let now = clock.now()
        let zone = try timeZone(accountID: account.id)
        return try database.write { db in
            guard let member = try manageableMember(actor: account, publicID: memberPublicID, db),
                  try MembershipStore.deleteDelegate(id: member.id, db)
            else { return false }
            try InvitationStore.cancelPending(invitedBy: member.userId, accountID: account.id, now: now, db)
            let before = AccessGrant(fullAccess: member.fullAccess, permissions: member.permissionSet, expiresAt: member.expiresAt)
            try AuditStore.record(accountID: account.id, actor: AuditActor(actor, ip: ip), action: .accessRevoked, target: member.email,
                                  before: before.auditSummary(timeZone: zone), now: now, db)
            let catalog = Catalog(.english)
            try NotificationStore.add(userID: member.userId, severity: .warning, message: catalog(.users(.noticeAccessRevoked(account.name))),
                                      link: SiteRoute.accounts.path, now: now, db)
            try mailer.enqueue(.accessRevoked(name: member.userName, accountName: account.name, accountsURL: identity.url(.accounts)),
                               to: member.email, userID: member.userId, accountID: nil, db)
            return true
        }
    }

    /// Whether delegates must use two-factor authentication to enter the account (owner only).
    func requireDelegateTwoFactor(actor: Identity, required: Bool, ip: String) throws {
        guard let account = actor.account, account.role == .owner else { throw Refusal(reason: .ownerOnly) }
        let now = clock.now()
        try database.write { db in
            let current = try AccountStore.account(id: account.id, db)?.requireDelegateTwoFactor ?? false
            guard current != required else { return }
            try MembershipStore.setRequireDelegateTwoFactor(accountID: account.id, required, now: now, db)
            try AuditStore.record(accountID: account.id, actor: AuditActor(actor, ip: ip), action: .delegateTwoFactorChanged,
                                  before: current ? "required" : "not required", after: required ? "required" : "not required", now: now, db)
        }
    }
}

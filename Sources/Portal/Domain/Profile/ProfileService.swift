import Database
import Foundation

/// The rules of the account's details and communication preferences: a change is written with its
/// audit event (what changed, before and after) in one transaction, and a save that changes
/// nothing records nothing. Never renders anything.
struct ProfileService: Sendable {
    let database: any Database
    let clock: Clock

    init(services: Services) {
        database = services.database
        clock = services.clock
    }

    /// What /account and /account/password show about a person.
    struct Overview: Sendable {
        /// The current account, when the person may see its details (owner or `profile` permission).
        let account: Account?
        /// The zone to show times in: the current account's, else the person's own account's, else UTC.
        let timeZone: String
        /// A sign-in email change waiting for its link to be followed.
        let pendingEmailChange: AccountStore.PendingEmailChange?
    }

    func overview(identity: Identity) throws -> Overview {
        let now = clock.now()
        return try database.read { db in
            let account = try identity.account.flatMap { ref in identity.may(.profile) ? try AccountStore.account(id: ref.id, db) : nil }
            let zone = try account?.timeZone ?? AccountStore.timeZone(accountID: identity.account?.id, userID: identity.userID, db)
            return Overview(account: account, timeZone: zone,
                            pendingEmailChange: try AccountStore.pendingEmailChange(userID: identity.userID, now: now, db))
        }
    }

    func saveDetails(_ profile: AccountProfile, accountID: Int64, actor: AuditActor) throws {
        try change(accountID: accountID, actor: actor, action: .profileUpdated,
                   write: { db, now in try AccountStore.updateProfile(accountID: accountID, profile, now: now, db) },
                   difference: { old in AuditChange.accountDetails(from: old, to: profile) })
    }

    func savePreferences(_ preferences: AccountPreferences, accountID: Int64, actor: AuditActor) throws {
        try change(accountID: accountID, actor: actor, action: .preferencesUpdated,
                   write: { db, now in try AccountStore.updatePreferences(accountID: accountID, preferences, now: now, db) },
                   difference: { old in AuditChange.preferences(from: old, to: preferences) })
    }

    /// Reads the account inside the write transaction, so "before" is exactly what the write replaced.
    private func change(accountID: Int64, actor: AuditActor, action: AuditAction,
                        write: (DatabaseConnection, Date) throws -> Void, difference: (Account) -> AuditChange) throws {
        let now = clock.now()
        try database.write { db in
            let old = try AccountStore.account(id: accountID, db)
            try write(db, now)
            guard let old else { return }
            let change = difference(old)
            guard !change.isEmpty else { return }
            try AuditStore.record(accountID: accountID, actor: actor, action: action, target: old.number,
                                  before: change.before, after: change.after, now: now, db)
        }
    }
}

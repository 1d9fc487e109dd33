import Database
import Foundation

/// The rules of an account's domain contacts: every change is written with its audit event in one
/// transaction, a contact that domains still name is not deleted, and another account's contact is
/// never found. Never renders anything.
struct ContactService: Sendable {
    let database: any Database
    let clock: Clock
    /// Whether domains still name a contact; tests give a fixed answer.
    let usage: ContactUsage

    init(services: Services, usage: ContactUsage = .stored) {
        database = services.database
        clock = services.clock
        self.usage = usage
    }

    func list(accountID: Int64) throws -> [Contact] {
        try database.read { db in try ContactStore.list(accountID: accountID, db) }
    }

    /// The account's contact with this id; nil for any other id, including another account's.
    func contact(publicID: String, accountID: Int64) throws -> Contact? {
        try database.read { db in try ContactStore.contact(publicID: publicID, accountID: accountID, db) }
    }

    func create(_ details: ContactDetails, accountID: Int64, actor: AuditActor) throws {
        let now = clock.now()
        try database.write { db in
            let publicID = try ContactStore.create(accountID: accountID, details, now: now, db)
            try AuditStore.record(accountID: accountID, actor: actor, action: .contactCreated, target: Self.target(details, publicID),
                                  after: details.auditSummary, now: now, db)
        }
    }

    enum UpdateOutcome: Sendable, Equatable {
        case saved
        /// Nothing differed: nothing written, nothing recorded.
        case unchanged
        case notFound
    }

    func update(publicID: String, to details: ContactDetails, accountID: Int64, actor: AuditActor) throws -> UpdateOutcome {
        let now = clock.now()
        return try database.write { db in
            // Read inside the transaction: the contact may have been changed or deleted since the form was shown.
            guard let current = try ContactStore.contact(publicID: publicID, accountID: accountID, db) else { return .notFound }
            guard current.details != details else { return .unchanged }
            try ContactStore.update(id: current.id, details, now: now, db)
            let changes = ContactDetails.auditChanges(from: current.details, to: details)
            try AuditStore.record(accountID: accountID, actor: actor, action: .contactUpdated, target: Self.target(details, publicID),
                                  before: changes.before, after: changes.after, now: now, db)
            return .saved
        }
    }

    enum DeleteOutcome: Sendable, Equatable {
        case deleted
        /// Domains still name the contact (how many): nothing deleted.
        case inUse(Int)
        case notFound
    }

    func delete(publicID: String, accountID: Int64, actor: AuditActor) throws -> DeleteOutcome {
        let now = clock.now()
        let usage = self.usage
        return try database.write { db in
            guard let contact = try ContactStore.contact(publicID: publicID, accountID: accountID, db) else { return .notFound }
            // Asked in the same transaction as the delete, so a domain cannot start naming it in between.
            let uses = try usage.count(contact.id, db)
            if uses > 0 { return .inUse(uses) }
            try ContactStore.delete(id: contact.id, db)
            try AuditStore.record(accountID: accountID, actor: actor, action: .contactDeleted, target: Self.target(contact.details, publicID),
                                  before: contact.details.auditSummary, now: now, db)
            return .deleted
        }
    }

    /// How the audit log names the contact: readable, and unambiguous when two share a name.
    static func target(_ details: ContactDetails, _ publicID: String) -> String {
        "\(details.displayName) (\(publicID))"
    }
}

import Database
import Foundation
import HTTPServer

/// /account/contacts: the account's domain contacts (list, create, edit, delete). Every change
/// is written with its audit event in one transaction; another account's contact is a 404.
struct ContactsController: Sendable {
    let services: Services
    /// Whether domains still name a contact; tests give a fixed answer.
    var usage: ContactUsage = .stored

    private var renderer: PageRenderer { services.renderer }

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        // Authorization already ran; a handler without an account would be a bug in the table.
        guard let identity = request.context.identity, let account = identity.account, identity.may(.contacts) else {
            throw HTTPError(.forbidden)
        }
        switch route {
        case .contacts: return try list(request, account)
        case .contactNew: return render(request, ContactFormPage.Model(mode: .create, fields: ContactFields()))
        case .contactCreateSubmit: return try create(request, identity, account)
        case .contactEdit(let publicID): return try edit(request, account, publicID)
        case .contactEditSubmit(let publicID): return try save(request, identity, account, publicID)
        case .contactDeleteSubmit(let publicID): return try delete(request, identity, account, publicID)
        default: throw HTTPError(.notFound)
        }
    }

    private func list(_ request: Request, _ account: Identity.AccountRef) throws -> Response {
        let contacts = try services.database.read { db in try ContactStore.list(accountID: account.id, db) }
        let model = ContactListPage.model(contacts)
        let catalog = request.context.catalog
        return renderer.panelPage(request, title: catalog(.contacts(.title))) {
            ContactListPage.View(model: model, catalog: catalog)
        }
    }

    private func create(_ request: Request, _ identity: Identity, _ account: Identity.AccountRef) throws -> Response {
        let fields = ContactFields(form: request.form)
        switch ContactDetails.validate(fields) {
        case .failure(let problems):
            return render(request, ContactFormPage.Model(mode: .create, fields: fields, errors: problems.errors), status: .unprocessableContent)
        case .success(let details):
            let now = services.clock.now()
            let actor = AuditActor(identity, ip: request.remoteAddress)
            try services.database.write { db in
                let publicID = try ContactStore.create(accountID: account.id, details, now: now, db)
                try AuditStore.record(accountID: account.id, actor: actor, action: .contactCreated, target: Self.target(details, publicID),
                                      after: details.auditSummary, now: now, db)
            }
            return .redirect(to: .contacts, flash: .contactCreated)
        }
    }

    private func edit(_ request: Request, _ account: Identity.AccountRef, _ publicID: String) throws -> Response {
        let contact = try find(publicID, account)
        return render(request, ContactFormPage.Model(mode: Self.mode(contact), fields: ContactFields(contact.details)))
    }

    private func save(_ request: Request, _ identity: Identity, _ account: Identity.AccountRef, _ publicID: String) throws -> Response {
        let contact = try find(publicID, account)
        let fields = ContactFields(form: request.form)
        switch ContactDetails.validate(fields) {
        case .failure(let problems):
            let model = ContactFormPage.Model(mode: Self.mode(contact), fields: fields, errors: problems.errors)
            return render(request, model, status: .unprocessableContent)
        case .success(let details):
            let now = services.clock.now()
            let actor = AuditActor(identity, ip: request.remoteAddress)
            try services.database.write { db in
                // Read again inside the transaction: the contact may have been changed or deleted meanwhile.
                guard let current = try ContactStore.contact(publicID: publicID, accountID: account.id, db) else { throw HTTPError(.notFound) }
                guard current.details != details else { return }
                try ContactStore.update(id: current.id, details, now: now, db)
                let changes = ContactDetails.auditChanges(from: current.details, to: details)
                try AuditStore.record(accountID: account.id, actor: actor, action: .contactUpdated, target: Self.target(details, publicID),
                                      before: changes.before, after: changes.after, now: now, db)
            }
            return .redirect(to: .contacts, flash: .contactSaved)
        }
    }

    private enum DeleteOutcome {
        case deleted
        case inUse(Int)
    }

    private func delete(_ request: Request, _ identity: Identity, _ account: Identity.AccountRef, _ publicID: String) throws -> Response {
        let now = services.clock.now()
        let actor = AuditActor(identity, ip: request.remoteAddress)
        let usage = self.usage
        let outcome: DeleteOutcome = try services.database.write { db in
            guard let contact = try ContactStore.contact(publicID: publicID, accountID: account.id, db) else { throw HTTPError(.notFound) }
            // Asked in the same transaction as the delete, so a domain cannot start naming it in between.
            let uses = try usage.count(contact.id, db)
            if uses > 0 { return .inUse(uses) }
            try ContactStore.delete(id: contact.id, db)
            try AuditStore.record(accountID: account.id, actor: actor, action: .contactDeleted, target: Self.target(contact.details, publicID),
                                  before: contact.details.auditSummary, now: now, db)
            return .deleted
        }
        switch outcome {
        case .deleted:
            return .redirect(to: .contacts, flash: .contactDeleted)
        case .inUse(let count):
            let contact = try find(publicID, account)
            let model = ContactFormPage.Model(mode: Self.mode(contact), fields: ContactFields(contact.details), refusal: .contacts(.inUse(count)))
            return render(request, model, status: .conflict)
        }
    }

    /// The account's contact with this id; any other id, including another account's, is a 404 that reveals nothing.
    private func find(_ publicID: String, _ account: Identity.AccountRef) throws -> Contact {
        let contact = try services.database.read { db in try ContactStore.contact(publicID: publicID, accountID: account.id, db) }
        guard let contact else { throw HTTPError(.notFound) }
        return contact
    }

    private static func mode(_ contact: Contact) -> ContactFormPage.Mode {
        .edit(publicID: contact.publicId, displayName: contact.details.displayName)
    }

    /// How the audit log names the contact: readable, and unambiguous when two share a name.
    private static func target(_ details: ContactDetails, _ publicID: String) -> String {
        "\(details.displayName) (\(publicID))"
    }

    private func render(_ request: Request, _ model: ContactFormPage.Model, status: HTTPStatus = .ok) -> Response {
        let context = request.context
        return renderer.panelPage(request, title: context.catalog(ContactFormPage.title(model.mode)), status: status) {
            ContactFormPage.View(model: model, catalog: context.catalog, csrf: context.csrfToken)
        }
    }
}

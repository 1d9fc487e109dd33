import Foundation
import HTTPServer

/// /account/contacts: the account's domain contacts (list, create, edit, delete), through
/// `ContactService`. Another account's contact is a 404.
struct ContactsController: Sendable {
    let services: Services
    let contacts: ContactService

    init(services: Services, usage: ContactUsage = .stored) {
        self.services = services
        contacts = ContactService(services: services, usage: usage)
    }

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
        let model = ContactListPage.model(try contacts.list(accountID: account.id))
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
            try contacts.create(details, accountID: account.id, actor: AuditActor(identity, ip: request.remoteAddress))
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
            let outcome = try contacts.update(publicID: publicID, to: details, accountID: account.id,
                                              actor: AuditActor(identity, ip: request.remoteAddress))
            if outcome == .notFound { throw HTTPError(.notFound) }
            return .redirect(to: .contacts, flash: .contactSaved)
        }
    }

    private func delete(_ request: Request, _ identity: Identity, _ account: Identity.AccountRef, _ publicID: String) throws -> Response {
        let outcome = try contacts.delete(publicID: publicID, accountID: account.id, actor: AuditActor(identity, ip: request.remoteAddress))
        switch outcome {
        case .deleted:
            return .redirect(to: .contacts, flash: .contactDeleted)
        case .notFound:
            throw HTTPError(.notFound)
        case .inUse(let count):
            let contact = try find(publicID, account)
            let model = ContactFormPage.Model(mode: Self.mode(contact), fields: ContactFields(contact.details), refusal: .contacts(.inUse(count)))
            return render(request, model, status: .conflict)
        }
    }

    /// The account's contact with this id; any other id, including another account's, is a 404 that reveals nothing.
    private func find(_ publicID: String, _ account: Identity.AccountRef) throws -> Contact {
        guard let contact = try contacts.contact(publicID: publicID, accountID: account.id) else { throw HTTPError(.notFound) }
        return contact
    }

    private static func mode(_ contact: Contact) -> ContactFormPage.Mode {
        .edit(publicID: contact.publicId, displayName: contact.details.displayName)
    }

    private func render(_ request: Request, _ model: ContactFormPage.Model, status: HTTPStatus = .ok) -> Response {
        let context = request.context
        return renderer.panelPage(request, title: context.catalog(ContactFormPage.title(model.mode)), status: status) {
            ContactFormPage.View(model: model, catalog: context.catalog, csrf: context.csrfToken)
        }
    }
}

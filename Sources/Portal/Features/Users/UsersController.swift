import Foundation
import HTTPServer

/// /account/users: who has access to the account, invitations, changing and revoking access, the
/// delegate 2FA requirement. Invitation links and account switching are handed to their controllers.
struct UsersController: Sendable {
    let services: Services

    private var renderer: PageRenderer { services.renderer }
    private var delegation: DelegationService { DelegationService(services: services) }

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        case .invitation, .invitationAcceptSubmit, .invitationDeclineSubmit:
            return try InvitationsController(services: services).handle(route, request)
        case .accounts, .accountSwitchSubmit, .accountLeaveSubmit:
            return try AccountsController(services: services).handle(route, request)
        default:
            break
        }
        // Authorization already ran; a handler without an identity would be a bug in the table.
        guard let identity = request.context.identity, let account = identity.account else { throw HTTPError(.forbidden) }
        do {
            switch route {
            case .users: return try usersPage(request, identity, account)
            case .userInviteSubmit: return try invite(request, identity, account)
            case .invitationResendSubmit(let id): return try resend(request, identity, id)
            case .invitationCancelSubmit(let id): return try cancel(request, identity, id)
            case .userEdit(let id): return try editPage(request, identity, account, id)
            case .userEditSubmit(let id): return try change(request, identity, account, id)
            case .userRevokeSubmit(let id): return try revoke(request, identity, id)
            case .delegateTwoFactorSubmit: return try requireTwoFactor(request, identity)
            default: throw HTTPError(.notFound)
            }
        } catch let refusal as DelegationService.Refusal {
            throw HTTPError(.forbidden, request.context.catalog(.users(refusal.reason)))
        }
    }


    // MARK: The list and the invite form

    private func usersPage(_ request: Request, _ identity: Identity, _ account: Identity.AccountRef) throws -> Response {
        try renderUsers(request, identity, account, form: AccessForm(), errors: FieldErrors())
    }

    private func renderUsers(_ request: Request, _ identity: Identity, _ account: Identity.AccountRef, form: AccessForm,
                             errors: FieldErrors, status: HTTPStatus = .ok) throws -> Response {
        let overview = try delegation.overview(account: account)
        let context = request.context
        let model = UsersPage.model(overview, identity: identity, actor: account, form: form, errors: errors, catalog: request.context.catalog)
        return renderer.panelPage(request, title: context.catalog(.users(.title)), status: status) {
            UsersPage.View(model: model, catalog: context.catalog, csrf: context.csrfToken)
        }
    }

    private func invite(_ request: Request, _ identity: Identity, _ account: Identity.AccountRef) throws -> Response {
        let form = AccessForm(form: request.form)
        switch try delegation.invite(actor: identity, form: form, ip: request.remoteAddress) {
        case .sent:
            return .redirect(to: .users, flash: .invited)
        case .invalid(let errors):
            return try renderUsers(request, identity, account, form: form, errors: errors, status: .unprocessableContent)
        }
    }

    private func resend(_ request: Request, _ identity: Identity, _ id: String) throws -> Response {
        guard try delegation.resend(actor: identity, invitationPublicID: id, ip: request.remoteAddress) else { throw HTTPError(.notFound) }
        return .redirect(to: .users, flash: .invitationResent)
    }

    private func cancel(_ request: Request, _ identity: Identity, _ id: String) throws -> Response {
        guard try delegation.cancel(actor: identity, invitationPublicID: id, ip: request.remoteAddress) else { throw HTTPError(.notFound) }
        return .redirect(to: .users, flash: .invitationCancelled)
    }

    // MARK: One person's access

    private func editPage(_ request: Request, _ identity: Identity, _ account: Identity.AccountRef, _ id: String) throws -> Response {
        guard let member = try delegation.manageableMember(actor: account, publicID: id) else { throw HTTPError(.notFound) }
        let zone = try delegation.timeZone(accountID: account.id)
        let grant = AccessGrant(fullAccess: member.fullAccess, permissions: member.permissionSet, expiresAt: member.expiresAt)
        return renderEdit(request, account, member, form: AccessForm(grant: grant, timeZone: zone), errors: FieldErrors(), zone: zone)
    }

    private func renderEdit(_ request: Request, _ account: Identity.AccountRef, _ member: MembershipStore.Member, form: AccessForm,
                            errors: FieldErrors, zone: String, status: HTTPStatus = .ok) -> Response {
        let context = request.context
        let model = MemberEditPage.Model(member: member, access: AccessFields.Model(form: form, errors: errors, actor: account, timeZone: zone),
                                         timeZone: zone, now: services.clock.now())
        return renderer.panelPage(request, title: context.catalog(.users(.editTitle(member.userName))), status: status) {
            MemberEditPage.View(model: model, catalog: context.catalog, csrf: context.csrfToken)
        }
    }

    private func change(_ request: Request, _ identity: Identity, _ account: Identity.AccountRef, _ id: String) throws -> Response {
        let form = AccessForm(form: request.form)
        switch try delegation.change(actor: identity, memberPublicID: id, form: form, ip: request.remoteAddress) {
        case .changed:
            return .redirect(to: .users, flash: .accessUpdated)
        case .unchanged:
            return .redirect(to: .users, flash: .accessUnchanged)
        case .notFound:
            throw HTTPError(.notFound)
        case .invalid(let errors):
            guard let member = try delegation.manageableMember(actor: account, publicID: id) else { throw HTTPError(.notFound) }
            let zone = try delegation.timeZone(accountID: account.id)
            return renderEdit(request, account, member, form: form, errors: errors, zone: zone, status: .unprocessableContent)
        }
    }

    private func revoke(_ request: Request, _ identity: Identity, _ id: String) throws -> Response {
        guard try delegation.revoke(actor: identity, memberPublicID: id, ip: request.remoteAddress) else { throw HTTPError(.notFound) }
        return .redirect(to: .users, flash: .accessRevoked)
    }

    private func requireTwoFactor(_ request: Request, _ identity: Identity) throws -> Response {
        let required = request.form[UsersPage.requireTwoFactorField] == "1"
        try delegation.requireDelegateTwoFactor(actor: identity, required: required, ip: request.remoteAddress)
        return .redirect(to: .users, flash: required ? .delegateTwoFactorRequired : .delegateTwoFactorNotRequired)
    }
}

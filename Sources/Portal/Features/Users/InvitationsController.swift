import Foundation
import HTTPServer

/// /invitations/accept and /invitations/decline: what an invitation link shows, accepting and declining.
/// The link's token is checked on every step; accepting also needs the invited, verified email signed in.
struct InvitationsController: Sendable {
    let services: Services

    private var renderer: PageRenderer { services.renderer }
    private var delegation: DelegationService { DelegationService(services: services) }

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        case .invitation: return try show(request, token: request.query["token"] ?? "")
        case .invitationAcceptSubmit: return try accept(request)
        case .invitationDeclineSubmit: return try decline(request)
        default: throw HTTPError(.notFound)
        }
    }

    /// A full session gets the panel around the page; anyone else the public frame.
    private func page(_ request: Request, title: String, status: HTTPStatus = .ok, _ view: InvitationPage.View) -> Response {
        if request.context.identity?.stage == .full {
            return renderer.panelPage(request, title: title, status: status) { view }
        }
        return renderer.publicPage(request, title: title, status: status) { view }
    }

    private func show(_ request: Request, token: String, status: HTTPStatus = .ok) throws -> Response {
        let catalog = request.context.catalog
        let state = try delegation.invitation(token: token)
        guard case .open(let invitation) = state else { return problem(request, state) }
        let visitor = request.context.identity
        let standing = try delegation.standing(of: invitation, for: visitor)
        let zone = try delegation.timeZone(accountID: invitation.accountId)
        let model = InvitationPage.Model(invitation: invitation, token: token, standing: standing, timeZone: zone)
        return page(request, title: catalog(.users(.invitationTitle(invitation.accountName))), status: status,
                    InvitationPage.View(model: model, catalog: catalog, csrf: request.context.csrfToken))
    }

    private func accept(_ request: Request) throws -> Response {
        guard let visitor = request.context.identity else { throw HTTPError(.forbidden) }
        let token = request.form["token"] ?? ""
        switch try delegation.accept(visitor: visitor, token: token, client: AuthController.client(request)) {
        case .accepted(let newToken):
            var response = Response.redirect(to: SiteRoute.dashboard.path)
            response.setCookie(services.sessionCookies.cookie(newToken))
            return response
        case .problem(let state):
            return problem(request, state)
        case .notReady(let standing):
            // Shown again with what stands in the way: another user, an unverified email, access already held.
            return try show(request, token: token, status: standing == .alreadyMember ? .conflict : .forbidden)
        }
    }

    private func decline(_ request: Request) throws -> Response {
        let catalog = request.context.catalog
        switch try delegation.decline(visitor: request.context.identity, token: request.form["token"] ?? "", ip: request.remoteAddress) {
        case .declined(let accountName):
            let title = catalog(.users(.declinedTitle))
            return messagePage(request, title: title, message: catalog(.users(.declinedMessage(accountName))), kind: .success)
        case .problem(let state):
            return problem(request, state)
        }
    }

    /// Unknown (404), used, withdrawn or expired (410) links.
    private func problem(_ request: Request, _ state: DelegationService.InvitationState) -> Response {
        let catalog = request.context.catalog
        let message: UsersText
        switch state {
        case .used: message = .invitationUsed
        case .withdrawn: message = .invitationWithdrawn
        case .expired: message = .invitationExpired
        case .invalid, .open: message = .invitationInvalid
        }
        return messagePage(request, title: catalog(.users(.invitationProblemTitle)), message: catalog(.users(message)), kind: .danger,
                           status: state.isInvalid ? .notFound : .gone)
    }

    private func messagePage(_ request: Request, title: String, message: String, kind: AlertKind, status: HTTPStatus = .ok) -> Response {
        let catalog = request.context.catalog
        let signedIn = request.context.identity?.stage == .full
        let link = signedIn ? (catalog(.users(.goToAccounts)), SiteRoute.accounts) : (catalog(.backToLogin), SiteRoute.login)
        let card = MessageCard(title: title, message: message, kind: kind, link: link)
        if signedIn { return renderer.panelPage(request, title: title, status: status) { card } }
        return renderer.publicPage(request, title: title, status: status) { card }
    }
}

extension DelegationService.InvitationState {
    var isInvalid: Bool {
        if case .invalid = self { return true }
        return false
    }
}

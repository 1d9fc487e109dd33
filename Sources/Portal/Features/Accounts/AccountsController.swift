import Foundation
import HTTPServer

/// /accounts: every account the user may enter, switching into one, leaving a delegated one.
struct AccountsController: Sendable {
    let services: Services

    static let accountField = "account"

    private var delegation: DelegationService { DelegationService(services: services) }

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        // Authorization already ran; a handler without an identity would be a bug in the table.
        guard let visitor = request.context.identity else { throw HTTPError(.forbidden) }
        switch route {
        case .accounts: return try list(request, visitor)
        case .accountSwitchSubmit: return try switchAccount(request, visitor)
        case .accountLeaveSubmit(let id): return try leave(request, visitor, id)
        default: throw HTTPError(.notFound)
        }
    }

    private func list(_ request: Request, _ visitor: Identity) throws -> Response {
        let context = request.context
        let overview = try delegation.accounts(visitor: visitor)
        let model = AccountsPage.model(overview, catalog: context.catalog)
        return services.renderer.panelPage(request, title: context.catalog(.users(.accountsTitle))) {
            AccountsPage.View(model: model, catalog: context.catalog, csrf: context.csrfToken)
        }
    }

    /// Switching is a privilege change: the session gets a new token (and with it a new CSRF token).
    private func switchAccount(_ request: Request, _ visitor: Identity) throws -> Response {
        guard let newToken = try delegation.switchAccount(visitor: visitor, accountPublicID: request.form[Self.accountField] ?? "") else {
            throw HTTPError(.notFound)
        }
        var response = Response.redirect(to: SiteRoute.dashboard.path)
        response.setCookie(services.sessionCookies.cookie(newToken))
        return response
    }

    private func leave(_ request: Request, _ visitor: Identity, _ accountPublicID: String) throws -> Response {
        switch try delegation.leave(visitor: visitor, accountPublicID: accountPublicID, ip: request.remoteAddress) {
        case .left:
            return .redirect(to: .accounts, flash: .leftAccount)
        case .notFound:
            throw HTTPError(.notFound)
        case .owner:
            throw HTTPError(.forbidden, request.context.catalog(.users(.ownerCannotLeave)))
        }
    }
}

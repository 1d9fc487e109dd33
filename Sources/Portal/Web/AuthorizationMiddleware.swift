import HTTPServer

/// Enforces `SiteRoute.access` before any handler runs. Deny by default: a route reaches its
/// handler only when its table entry lets this visitor in.
struct AuthorizationMiddleware: Middleware {
    func respond(to request: Request, next: Responder) throws -> Response {
        guard let route = request.context.route else {
            return try next(request) // the dispatcher answers 404 or 405
        }
        switch Self.decide(route.access, request: request) {
        case .allow:
            return try next(request)
        case .deny(let error):
            throw error
        case .redirect(let target):
            return .redirect(to: target)
        }
    }

    enum Decision {
        case allow
        case deny(HTTPError)
        case redirect(String)
    }

    static func decide(_ access: Access, request: Request) -> Decision {
        let context = request.context
        let identity = context.identity
        let catalog = context.catalog
        let readable = request.method == .GET || request.method == .HEAD

        func signInFirst() -> Decision {
            if readable {
                let next = request.rawTarget.hasPrefix("/") ? request.rawTarget : request.path
                return .redirect(SiteRoute.login.url(query: next == "/" ? [] : [("next", next)]))
            }
            return .deny(HTTPError(.forbidden, catalog(.errorSignInFirst)))
        }

        switch access {
        case .everyone:
            return .allow
        case .localOnly:
            // Behind a proxy every request comes from loopback; a forwarded one is not local.
            guard isLoopback(request.remoteAddress), request.headers["X-Forwarded-For"] == nil else {
                return .deny(HTTPError(.notFound))
            }
            return .allow
        case .session:
            return identity == nil ? signInFirst() : .allow
        case .secondFactor:
            guard let identity else { return signInFirst() }
            if identity.stage == .full {
                return readable ? .redirect(SiteRoute.dashboard.path) : .deny(HTTPError(.forbidden, catalog(.errorAlreadySignedIn)))
            }
            return .allow
        case .user, .member, .permission, .owner:
            guard let identity else { return signInFirst() }
            guard identity.stage == .full else {
                return readable ? .redirect(SiteRoute.loginTwoFactor.path) : .deny(HTTPError(.forbidden, catalog(.errorSecondFactorFirst)))
            }
            if case .user = access { return .allow }
            // No live membership in the session's account: revoked, expired, left, or never had one.
            guard let account = identity.account else {
                return readable ? .redirect(SiteRoute.accounts.path) : .deny(HTTPError(.forbidden, catalog(.errorNoAccount)))
            }
            if account.role == .delegate, account.requireDelegateTwoFactor, !identity.twoFactorEnabled {
                return readable ? .redirect(SiteRoute.twoFactorSetup.path) : .deny(HTTPError(.forbidden, catalog(.errorDelegateTwoFactor)))
            }
            switch access {
            case .owner where account.role != .owner:
                return .deny(HTTPError(.forbidden, catalog(.errorOwnerOnly)))
            case .permission(let permission) where !identity.may(permission):
                return .deny(HTTPError(.forbidden, catalog(.errorMissingPermission(catalog(.permissionName(permission))))))
            default:
                return .allow
            }
        }
    }

    static func isLoopback(_ address: String) -> Bool {
        address.hasPrefix("127.") || address == "::1" || address == "::ffff:127.0.0.1"
    }
}

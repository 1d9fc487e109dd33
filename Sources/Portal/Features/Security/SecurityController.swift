import HTTPServer

/// /login/2fa and /account/security: two-factor authentication, recovery codes, sessions, activity.
struct SecurityController: Sendable {
    let services: Services

    var identityService: IdentityService { services.identity }
    var renderer: PageRenderer { services.renderer }

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        case .loginTwoFactor: return loginPage(request)
        case .loginTwoFactorSubmit: return try loginSubmit(request)
        case .accountSecurity: return try overview(request)
        case .twoFactorSetup: return try setupPage(request)
        case .twoFactorSetupSubmit: return try setupSubmit(request)
        case .twoFactorDisableSubmit: return try disableSubmit(request)
        case .recoveryCodesSubmit: return try regenerateSubmit(request)
        case .sessionEndSubmit(let publicID): return try endSession(request, publicID: publicID)
        case .sessionsEndOthersSubmit: return try endOtherSessions(request)
        default: throw HTTPError(.notFound)
        }
    }

    // MARK: Helpers

    static func signedIn(_ request: Request) throws -> Identity {
        // Authorization already ran; this only guards a misrouted call.
        guard let identity = request.context.identity else { throw HTTPError(.forbidden) }
        return identity
    }

    func box() throws -> SecretBox {
        try SecretBox(key: services.keys.key(for: .totpEncryption))
    }

    /// The CSRF token for a session token this request has just issued: the page answering a
    /// rotation must carry the new token's value.
    func csrfToken(forSession token: String) -> String {
        CSRFMiddleware(key: services.keys.key(for: .csrf), https: services.configuration.isHTTPS).token(for: CSRFMiddleware.binding(session: token))
    }

    /// The CSRF token of a visitor whose session just ended (bound to the pre-session cookie).
    func csrfToken(forVisitor visitorID: String) -> String {
        CSRFMiddleware(key: services.keys.key(for: .csrf), https: services.configuration.isHTTPS).token(for: CSRFMiddleware.binding(visitor: visitorID))
    }

    // MARK: Overview

    func overview(_ request: Request, errors: FieldErrors = FieldErrors()) throws -> Response {
        let identity = try Self.signedIn(request)
        let context = request.context
        let overview = try identityService.securityOverview(identity: identity)
        let model = SecurityPage.model(overview, identity: identity, language: context.catalog.language)
        return renderer.panelPage(request, title: context.catalog(.security(.title)), status: errors.isEmpty ? .ok : .unprocessableContent) {
            SecurityPage.View(model: model, catalog: context.catalog, csrf: context.csrfToken, errors: errors)
        }
    }

    // MARK: Sessions

    func endSession(_ request: Request, publicID: String) throws -> Response {
        let identity = try Self.signedIn(request)
        switch try identityService.endSession(identity: identity, publicID: publicID, client: AuthController.client(request)) {
        case .ended:
            return .redirect(to: .accountSecurity, flash: .sessionEnded)
        case .endedCurrent:
            var response = Response.redirect(to: .login, flash: .signedOut)
            response.setCookie(services.sessionCookies.expired())
            return response
        case .notFound:
            throw HTTPError(.notFound)
        }
    }

    func endOtherSessions(_ request: Request) throws -> Response {
        let identity = try Self.signedIn(request)
        _ = try identityService.endOtherSessions(identity: identity, client: AuthController.client(request))
        return .redirect(to: .accountSecurity, flash: .otherSessionsEnded)
    }

    // MARK: Disabling and recovery codes

    func disableSubmit(_ request: Request) throws -> Response {
        let identity = try Self.signedIn(request)
        let password = request.form["disable_password"] ?? ""
        let code = request.form["disable_code"] ?? ""
        var errors = FieldErrors()
        if password.isEmpty { errors["disable_password"] = .fieldRequired }
        if code.trimmingCharacters(in: .whitespaces).isEmpty { errors["disable_code"] = .fieldRequired }
        else if !IdentityService.looksLikeTOTP(code) { errors["disable_code"] = .security(.codeMalformed) }
        guard errors.isEmpty else { return try overview(request, errors: errors) }
        switch try identityService.disableTwoFactor(identity: identity, password: password, code: code, box: box(), client: AuthController.client(request)) {
        case .disabled:
            return .redirect(to: .accountSecurity, flash: .twoFactorDisabled)
        case .wrongPassword:
            errors["disable_password"] = .security(.passwordWrong)
        case .wrongCode:
            errors["disable_code"] = .security(.setupCodeWrong)
        case .notEnabled:
            return .redirect(to: .accountSecurity, flash: nil)
        }
        return try overview(request, errors: errors)
    }

    func regenerateSubmit(_ request: Request) throws -> Response {
        let identity = try Self.signedIn(request)
        let catalog = request.context.catalog
        let password = request.form["recovery_password"] ?? ""
        guard !password.isEmpty else { return try overview(request, errors: fieldError("recovery_password", .fieldRequired)) }
        switch try identityService.regenerateRecoveryCodes(identity: identity, password: password, client: AuthController.client(request)) {
        case .regenerated(let codes):
            return showCodes(request, heading: catalog(.security(.codesTitleRegenerated)), codes: codes)
        case .wrongPassword:
            return try overview(request, errors: fieldError("recovery_password", .security(.passwordWrong)))
        case .notEnabled:
            return .redirect(to: .accountSecurity, flash: nil)
        }
    }

    func fieldError(_ field: String, _ text: Text) -> FieldErrors {
        var errors = FieldErrors()
        errors[field] = text
        return errors
    }

    /// The codes page: a 200 answer, never a redirect, so the codes exist only in this response.
    func showCodes(_ request: Request, heading: String, codes: [String]) -> Response {
        let catalog = request.context.catalog
        var response = renderer.panelPage(request, title: heading) {
            RecoveryCodesView(catalog: catalog, heading: heading, codes: codes)
        }
        response.headers["Cache-Control"] = "no-store"
        return response
    }
}

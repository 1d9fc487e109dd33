import HTTPServer

/// Enrolment of the second factor and the second step of login.
extension SecurityController {
    // MARK: Enrolment

    func setupPage(_ request: Request) throws -> Response {
        let identity = try Self.signedIn(request)
        // An unverified sign-up may be someone else's email: 2FA set up there would lock its owner out.
        guard identity.emailVerified else { throw HTTPError(.forbidden, request.context.catalog(.errorVerifyEmailFirst)) }
        guard let secret = try identityService.pendingTwoFactorSecret(userID: identity.userID, box: box()) else {
            return .redirect(to: SiteRoute.accountSecurity.path)
        }
        return setupView(request, identity: identity, secret: secret)
    }

    func setupSubmit(_ request: Request) throws -> Response {
        var request = request
        let identity = try Self.signedIn(request)
        let catalog = request.context.catalog
        guard identity.emailVerified else { throw HTTPError(.forbidden, catalog(.errorVerifyEmailFirst)) }
        let code = request.form["code"] ?? ""
        let password = request.form[TwoFactorSetupView.passwordField] ?? ""
        var errors = FieldErrors()
        if password.isEmpty { errors[TwoFactorSetupView.passwordField] = .fieldRequired }
        if !IdentityService.looksLikeTOTP(code) { errors["code"] = .security(.codeMalformed) }
        guard errors.isEmpty else {
            guard let secret = try identityService.pendingTwoFactorSecret(userID: identity.userID, box: box()) else {
                return .redirect(to: SiteRoute.accountSecurity.path)
            }
            return setupView(request, identity: identity, secret: secret, errors: errors)
        }
        switch try identityService.enableTwoFactor(identity: identity, password: password, code: code, box: box(), client: AuthController.client(request)) {
        case .alreadyEnabled:
            return .redirect(to: SiteRoute.accountSecurity.path)
        case .wrongPassword(let pending):
            guard let secret = pending else { return .redirect(to: SiteRoute.twoFactorSetup.path) }
            return setupView(request, identity: identity, secret: secret, errors: fieldError(TwoFactorSetupView.passwordField, .security(.passwordWrong)))
        case .wrongCode(let secret):
            return setupView(request, identity: identity, secret: secret, errors: fieldError("code", .security(.setupCodeWrong)))
        case .enabled(let newToken, let codes):
            // The session token changed: the forms of this page must carry the new one's CSRF token.
            request.context.csrfToken = csrfToken(forSession: newToken)
            var response = showCodes(request, heading: catalog(.security(.codesTitleEnabled)), codes: codes)
            response.setCookie(services.sessionCookies.cookie(newToken))
            return response
        }
    }

    func setupView(_ request: Request, identity: Identity, secret: [UInt8], errors: FieldErrors = FieldErrors()) -> Response {
        let context = request.context
        let catalog = context.catalog
        let uri = TOTP.otpauthURI(secret: secret, issuer: "Hosterra", account: identity.email)
        let svg = try? QRCode.svg(for: uri, moduleSize: 4, label: catalog(.security(.setupQRLabel)))
        var response = renderer.panelPage(request, title: catalog(.security(.setupTitle)), status: errors.isEmpty ? .ok : .unprocessableContent) {
            TwoFactorSetupView(catalog: catalog, csrf: context.csrfToken, qrSVG: svg, groupedKey: SecurityFormat.groupedKey(secret), errors: errors)
        }
        response.headers["Cache-Control"] = "no-store"
        return response
    }

    // MARK: Second step of login

    func loginPage(_ request: Request) -> Response {
        let context = request.context
        return renderer.publicPage(request, title: context.catalog(.security(.loginTitle))) {
            LoginTwoFactorView(catalog: context.catalog, csrf: context.csrfToken, next: AuthController.safeNext(request.query["next"]) ?? "")
        }
    }

    func loginSubmit(_ request: Request) throws -> Response {
        let identity = try Self.signedIn(request)
        let context = request.context
        let catalog = context.catalog
        let next = AuthController.safeNext(request.form["next"])
        func again(_ message: Text) -> Response {
            renderer.publicPage(request, title: catalog(.security(.loginTitle)), status: .unprocessableContent) {
                LoginTwoFactorView(catalog: catalog, csrf: context.csrfToken, next: next ?? "", error: catalog(message))
            }
        }
        let code = request.form["code"] ?? ""
        if code.trimmingCharacters(in: .whitespaces).isEmpty { return again(.fieldRequired) }
        switch try identityService.completeSecondFactor(identity: identity, code: code, box: box(), client: AuthController.client(request)) {
        case .malformed:
            return again(.security(.codeMalformed))
        case .wrong(let attemptsLeft):
            return again(.security(.codeWrong(attemptsLeft: attemptsLeft)))
        case .tooManyAttempts:
            // The session is gone: answer with the login form itself, its token bound to the visitor again.
            var response = renderer.publicPage(request, title: catalog(.loginTitle), status: .tooManyRequests) {
                LoginView(catalog: catalog, csrf: csrfToken(forVisitor: context.visitorID), next: next ?? "", error: catalog(.security(.tooManyCodes)))
            }
            response.setCookie(services.sessionCookies.expired())
            return response
        case .signedIn(let newToken, _, let device):
            var response = Response.redirect(to: try next ?? DelegationService.landingAfterLogin(sessionToken: newToken, identity: identityService))
            response.setCookie(services.sessionCookies.cookie(newToken))
            response.setCookie(identityService.devices.cookie(device))
            return response
        }
    }
}

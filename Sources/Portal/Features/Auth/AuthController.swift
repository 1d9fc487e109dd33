import HTTPServer

/// Sign-up, email verification, login, logout and password recovery.
struct AuthController: Sendable {
    let identity: IdentityService
    let renderer: PageRenderer
    let cookies: SessionCookies

    static func client(_ request: Request) -> IdentityService.Client {
        IdentityService.Client(ip: request.remoteAddress, userAgent: request.headers["User-Agent"] ?? "")
    }

    /// Only local paths are followed after login, never another site.
    static func safeNext(_ value: String?) -> String? {
        // Browsers drop tabs and newlines from a Location: "/\t/evil" would become "//evil".
        guard let value, value.hasPrefix("/"), !value.hasPrefix("//"), !value.contains("\\"), value.utf8.count < 1024,
              value.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x7F })
        else { return nil }
        return value
    }

    /// The answer to a request refused by a limit (login, sign-up, password reset): the form again,
    /// with what was typed and the wait above it, as a 429 with Retry-After.
    static func throttledPage(_ page: Response, _ throttled: IdentityService.Throttled) -> Response {
        var response = page
        response.headers["Retry-After"] = String(throttled.seconds)
        return response
    }

    // MARK: Login

    func loginPage(_ request: Request) -> Response {
        let context = request.context
        if context.identity?.stage == .full { return .redirect(to: SiteRoute.dashboard.path) }
        let notice = context.sessionExpired ? context.catalog(.flash(.sessionExpired)) : nil
        return renderer.publicPage(request, title: context.catalog(.loginTitle)) {
            LoginView(catalog: context.catalog, csrf: context.csrfToken, next: Self.safeNext(request.query["next"]) ?? "", notice: notice)
        }
    }

    func loginSubmit(_ request: Request) throws -> Response {
        let context = request.context
        let catalog = context.catalog
        let email = request.form["email"] ?? ""
        let password = request.form["password"] ?? ""
        let next = Self.safeNext(request.form["next"])
        func again(_ message: String, status: HTTPStatus) -> Response {
            renderer.publicPage(request, title: catalog(.loginTitle), status: status) {
                LoginView(catalog: catalog, csrf: context.csrfToken, email: String(email.prefix(254)), next: next ?? "", error: message)
            }
        }
        guard !email.isEmpty, !password.isEmpty else { return again(catalog(.loginRefused), status: .unprocessableContent) }
        guard password.utf8.count <= 4096, email.utf8.count <= 254 else { return again(catalog(.loginRefused), status: .unprocessableContent) }
        var client = Self.client(request)
        client.deviceCookie = request.cookies[identity.devices.name]
        switch try identity.login(email: email, password: password, client: client) {
        case .refused:
            return again(catalog(.loginRefused), status: .unprocessableContent)
        case .wait(let seconds):
            return Self.throttledPage(again(catalog(.loginWait(seconds)), status: .tooManyRequests), .init(seconds: seconds))
        case .locked(let minutes):
            return Self.throttledPage(again(catalog(.loginLocked(minutes)), status: .tooManyRequests), .init(seconds: minutes * 60))
        case .addressBlocked:
            return Self.throttledPage(again(catalog(.errorTooManyRequests), status: .tooManyRequests),
                                      .init(seconds: Int(IdentityService.addressWindow)))
        case .signedIn(let token, let stage, let device):
            var response: Response
            if stage == .pendingSecondFactor {
                response = .redirect(to: SiteRoute.loginTwoFactor.url(query: next.map { [("next", $0)] } ?? []))
            } else {
                response = .redirect(to: try next ?? DelegationService.landingAfterLogin(sessionToken: token, identity: identity))
            }
            if let device { response.setCookie(identity.devices.cookie(device)) }
            response.setCookie(cookies.cookie(token))
            return response
        }
    }

    func logout(_ request: Request) throws -> Response {
        if let found = request.context.identity {
            try identity.logout(identity: found, client: Self.client(request))
        }
        var response = Response.redirect(to: .login, flash: .signedOut)
        response.setCookie(cookies.expired())
        return response
    }

    // MARK: Sign-up and verification

    func signupPage(_ request: Request) -> Response {
        let context = request.context
        if context.identity?.stage == .full { return .redirect(to: SiteRoute.dashboard.path) }
        return renderer.publicPage(request, title: context.catalog(.signupTitle)) {
            SignupView(catalog: context.catalog, csrf: context.csrfToken, email: String((request.query["email"] ?? "").prefix(254)),
                       next: Self.safeNext(request.query["next"]) ?? "")
        }
    }

    func signupSubmit(_ request: Request) throws -> Response {
        let context = request.context
        let name = request.form["name"] ?? ""
        let email = request.form["email"] ?? ""
        let password = request.form["password"] ?? ""
        let next = Self.safeNext(request.form["next"])
        switch try identity.signup(name: name, email: email, password: password, client: Self.client(request)) {
        case .invalid(let errors):
            return renderer.publicPage(request, title: context.catalog(.signupTitle), status: .unprocessableContent) {
                SignupView(catalog: context.catalog, csrf: context.csrfToken, name: String(name.prefix(200)), email: String(email.prefix(254)),
                           next: next ?? "", errors: errors)
            }
        case .throttled(let throttled):
            let page = renderer.publicPage(request, title: context.catalog(.signupTitle), status: .tooManyRequests) {
                SignupView(catalog: context.catalog, csrf: context.csrfToken, name: String(name.prefix(200)), email: String(email.prefix(254)),
                           next: next ?? "", refusal: context.catalog(.errorTooManyRequestsWait(minutes: throttled.minutes)))
            }
            return Self.throttledPage(page, throttled)
        case .created, .alreadyRegistered:
            // The same answer either way: the page never tells whether an email has a login.
            // A sign-up started from an invitation keeps its way back to it through the login.
            return .redirect(to: .login, flash: .checkEmail, query: next.map { [("next", $0)] } ?? [])
        }
    }

    func verifyEmailPage(_ request: Request) throws -> Response {
        let catalog = request.context.catalog
        let token = request.query["token"] ?? ""
        let outcome = try identity.inspect(token: token, purpose: .verifyEmail)
        guard outcome == .done else { return tokenProblem(request, outcome, title: catalog(.verifyTitle)) }
        return renderer.publicPage(request, title: catalog(.verifyTitle)) {
            ConfirmTokenView(title: catalog(.verifyTitle), message: catalog(.verifyLead), buttonLabel: catalog(.verifySubmit),
                             action: .verifyEmailSubmit, token: token, csrf: request.context.csrfToken)
        }
    }

    func verifyEmailSubmit(_ request: Request) throws -> Response {
        let catalog = request.context.catalog
        let outcome = try identity.verifyEmail(token: request.form["token"] ?? "", client: Self.client(request))
        guard outcome == .done else { return tokenProblem(request, outcome, title: catalog(.verifyTitle)) }
        return .redirect(to: request.context.identity?.stage == .full ? .dashboard : .login, flash: .emailVerified)
    }

    func verifyEmailResend(_ request: Request) throws -> Response {
        guard let found = request.context.identity else { throw HTTPError(.forbidden) }
        try identity.resendVerification(userID: found.userID)
        return .redirect(to: .dashboard, flash: .verificationSent)
    }

    func tokenProblem(_ request: Request, _ outcome: IdentityService.TokenOutcome, title: String) -> Response {
        let catalog = request.context.catalog
        let message: Text
        switch outcome {
        case .expired: message = .linkExpired
        case .used: message = .linkUsed
        case .invalid, .done: message = .linkInvalid
        }
        return renderer.publicPage(request, title: title, status: outcome == .invalid ? .notFound : .gone) {
            MessageCard(title: title, message: catalog(message), kind: .danger, link: (catalog(.backToLogin), .login))
        }
    }

    // MARK: Password recovery

    func forgotPage(_ request: Request) -> Response {
        let context = request.context
        return renderer.publicPage(request, title: context.catalog(.forgotTitle)) {
            ForgotPasswordView(catalog: context.catalog, csrf: context.csrfToken)
        }
    }

    func forgotSubmit(_ request: Request) throws -> Response {
        let context = request.context
        let email = request.form["email"] ?? ""
        if let problem = Validation.email(IdentityService.normalizeEmail(email)) {
            return renderer.publicPage(request, title: context.catalog(.forgotTitle), status: .unprocessableContent) {
                ForgotPasswordView(catalog: context.catalog, csrf: context.csrfToken, email: String(email.prefix(254)), error: context.catalog(problem))
            }
        }
        if let throttled = try identity.requestPasswordReset(email: email, client: Self.client(request)) {
            let page = renderer.publicPage(request, title: context.catalog(.forgotTitle), status: .tooManyRequests) {
                ForgotPasswordView(catalog: context.catalog, csrf: context.csrfToken, email: String(email.prefix(254)),
                                   refusal: context.catalog(.errorTooManyRequestsWait(minutes: throttled.minutes)))
            }
            return Self.throttledPage(page, throttled)
        }
        return .redirect(to: .login, flash: .resetRequested)
    }

    func resetPage(_ request: Request) throws -> Response {
        let catalog = request.context.catalog
        let token = request.query["token"] ?? ""
        let outcome = try identity.inspect(token: token, purpose: .resetPassword)
        guard outcome == .done else { return tokenProblem(request, outcome, title: catalog(.resetTitle)) }
        return renderer.publicPage(request, title: catalog(.resetTitle)) {
            ResetPasswordView(catalog: catalog, csrf: request.context.csrfToken, token: token)
        }
    }

    func resetSubmit(_ request: Request) throws -> Response {
        let catalog = request.context.catalog
        let token = request.form["token"] ?? ""
        switch try identity.resetPassword(token: token, newPassword: request.form["password"] ?? "", client: Self.client(request)) {
        case .done:
            var response = Response.redirect(to: .login, flash: .passwordReset)
            response.setCookie(cookies.expired())
            return response
        case .invalidPassword(let problem):
            return renderer.publicPage(request, title: catalog(.resetTitle), status: .unprocessableContent) {
                ResetPasswordView(catalog: catalog, csrf: request.context.csrfToken, token: token, error: catalog(problem))
            }
        case .badToken(let outcome):
            return tokenProblem(request, outcome, title: catalog(.resetTitle))
        }
    }
}

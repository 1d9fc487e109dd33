import Foundation
import HTTPServer

/// /account (details and communication preferences), the login email change and /account/password.
struct ProfileController: Sendable {
    let services: Services
    let profiles: ProfileService

    init(services: Services) {
        self.services = services
        profiles = ProfileService(services: services)
    }

    private var renderer: PageRenderer { services.renderer }

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        // Authorization already ran; a handler without an identity would be a bug in the table.
        guard let identity = request.context.identity else { throw HTTPError(.forbidden) }
        switch route {
        case .account: return try accountPage(request, identity)
        case .accountSubmit: return try saveDetails(request, identity)
        case .accountPreferencesSubmit: return try savePreferences(request, identity)
        case .accountEmailChangeSubmit: return try requestEmailChange(request, identity)
        case .accountEmailChangeConfirm: return try confirmEmailPage(request, identity)
        case .accountEmailChangeConfirmSubmit: return try confirmEmailSubmit(request, identity)
        case .accountPassword: return try passwordPage(request, identity)
        case .accountPasswordSubmit: return try changePassword(request, identity)
        default: throw HTTPError(.notFound)
        }
    }

    // MARK: Details and preferences

    private func accountPage(_ request: Request, _ identity: Identity) throws -> Response {
        let model = try accountModel(identity)
        return render(request, model)
    }

    private func saveDetails(_ request: Request, _ identity: Identity) throws -> Response {
        let account = try currentAccount(identity)
        let fields = ProfileFields(form: request.form)
        switch AccountProfile.validate(fields) {
        case .failure(let problems):
            let model = try accountModel(identity, details: AccountPage.Details(fields: fields, errors: problems.errors))
            return render(request, model, status: .unprocessableContent)
        case .success(let profile):
            try profiles.saveDetails(profile, accountID: account.id, actor: AuditActor(identity, ip: request.remoteAddress))
            return .redirect(to: .account, flash: .profileSaved)
        }
    }

    private func savePreferences(_ request: Request, _ identity: Identity) throws -> Response {
        let account = try currentAccount(identity)
        try profiles.savePreferences(AccountPreferences(form: request.form), accountID: account.id,
                                     actor: AuditActor(identity, ip: request.remoteAddress))
        return .redirect(to: .account, flash: .preferencesSaved)
    }

    private func currentAccount(_ identity: Identity) throws -> Identity.AccountRef {
        guard let account = identity.account, identity.may(.profile) else { throw HTTPError(.forbidden) }
        return account
    }

    /// The page's model from the database, with `details` or `email` replaced by what was just submitted.
    private func accountModel(_ identity: Identity, details: AccountPage.Details? = nil, newEmail: String = "", emailErrors: FieldErrors = FieldErrors()) throws -> AccountPage.Model {
        let overview = try profiles.overview(identity: identity)
        return AccountPage.Model(details: details ?? overview.account.map { AccountPage.Details(fields: ProfileFields($0)) },
                                 preferences: overview.account.map(AccountPreferences.init),
                                 email: emailModel(identity, overview, newEmail: newEmail, errors: emailErrors))
    }

    private func emailModel(_ identity: Identity, _ overview: ProfileService.Overview, newEmail: String, errors: FieldErrors) -> EmailSection.Model {
        EmailSection.Model(current: identity.email,
                           pending: overview.pendingEmailChange.map { ($0.email, TimeZones.format($0.expiresAt, in: overview.timeZone)) },
                           newEmail: String(newEmail.prefix(254)), errors: errors)
    }

    private func render(_ request: Request, _ model: AccountPage.Model, status: HTTPStatus = .ok) -> Response {
        let context = request.context
        return renderer.panelPage(request, title: context.catalog(.profile(.title)), status: status) {
            AccountPage.View(model: model, catalog: context.catalog, csrf: context.csrfToken)
        }
    }

    // MARK: Sign-in email

    /// Where the email form lives for this user: /account, or /account/password for those who cannot open /account.
    private func emailHome(_ identity: Identity) -> SiteRoute {
        identity.may(.profile) ? .account : .accountPassword
    }

    private func requestEmailChange(_ request: Request, _ identity: Identity) throws -> Response {
        typealias F = IdentityService.EmailChangeField
        let newEmail = request.form[F.newEmail] ?? ""
        let outcome = try services.identity.requestEmailChange(identity: identity, password: request.form[F.password] ?? "",
                                                               newEmail: newEmail, client: AuthController.client(request))
        switch outcome {
        case .requested:
            return .redirect(to: emailHome(identity), flash: .emailChangeRequested)
        case .invalid(let errors):
            if emailHome(identity) == .account {
                return render(request, try accountModel(identity, newEmail: newEmail, emailErrors: errors), status: .unprocessableContent)
            }
            return try renderPasswordPage(request, identity, emailErrors: errors, newEmail: newEmail, status: .unprocessableContent)
        }
    }

    private func confirmEmailPage(_ request: Request, _ identity: Identity) throws -> Response {
        let catalog = request.context.catalog
        let token = request.query["token"] ?? ""
        switch try services.identity.inspectEmailChange(token: token, identity: identity) {
        case .problem(let outcome):
            return linkProblem(request, identity, outcome)
        case .valid(let newEmail):
            return renderer.panelPage(request, title: catalog(.profile(.emailConfirmTitle))) {
                ConfirmTokenView(title: catalog(.profile(.emailConfirmTitle)), message: catalog(.profile(.emailConfirmLead(newEmail))),
                                 buttonLabel: catalog(.profile(.emailConfirmSubmit)), action: .accountEmailChangeConfirmSubmit,
                                 token: token, csrf: request.context.csrfToken)
            }
        }
    }

    private func confirmEmailSubmit(_ request: Request, _ identity: Identity) throws -> Response {
        let catalog = request.context.catalog
        let token = request.form["token"] ?? ""
        switch try services.identity.confirmEmailChange(token: token, identity: identity, client: AuthController.client(request)) {
        case .changed:
            return .redirect(to: emailHome(identity), flash: .emailChanged)
        case .problem(let outcome):
            return linkProblem(request, identity, outcome)
        case .taken:
            let title = catalog(.profile(.emailConfirmTitle))
            return renderer.panelPage(request, title: title, status: .conflict) {
                MessageCard(title: title, message: catalog(.profile(.emailTakenMeanwhile)), kind: .danger,
                            link: (catalog(.profile(.backToAccount)), emailHome(identity)))
            }
        }
    }

    /// Unknown, foreign, used or expired links, answered like the sign-in links (`AuthController.tokenProblem`).
    private func linkProblem(_ request: Request, _ identity: Identity, _ outcome: IdentityService.TokenOutcome) -> Response {
        let catalog = request.context.catalog
        let title = catalog(.profile(.emailConfirmTitle))
        let message: Text
        switch outcome {
        case .expired: message = .linkExpired
        case .used: message = .linkUsed
        case .invalid, .done: message = .linkInvalid
        }
        return renderer.panelPage(request, title: title, status: outcome == .expired || outcome == .used ? .gone : .notFound) {
            MessageCard(title: title, message: catalog(message), kind: .danger, link: (catalog(.profile(.backToAccount)), emailHome(identity)))
        }
    }

    // MARK: Password

    private func passwordPage(_ request: Request, _ identity: Identity) throws -> Response {
        try renderPasswordPage(request, identity)
    }

    private func changePassword(_ request: Request, _ identity: Identity) throws -> Response {
        typealias F = PasswordPage.Field
        let current = request.form[F.current] ?? ""
        let new = request.form[F.new] ?? ""
        var errors = FieldErrors()
        if current.isEmpty { errors[F.current] = .fieldRequired }
        else if current.utf8.count > PasswordHasher.maxPasswordBytes { errors[F.current] = .profile(.passwordWrongCurrent) }
        if new.isEmpty { errors[F.new] = .fieldRequired }
        if errors.isEmpty {
            switch try services.identity.changePassword(identity: identity, current: current, new: new, client: AuthController.client(request)) {
            case .changed(let newToken, let device):
                var response = Response.redirect(to: .accountPassword, flash: .passwordChanged)
                response.setCookie(services.sessionCookies.cookie(newToken))
                // The other browsers' device cookies died with the old password; this one proved it.
                response.setCookie(services.identity.devices.cookie(device))
                return response
            case .wrongCurrent:
                errors[F.current] = .profile(.passwordWrongCurrent)
            case .invalidPassword(let problem):
                errors[F.new] = problem
            }
        }
        return try renderPasswordPage(request, identity, passwordErrors: errors, status: .unprocessableContent)
    }

    private func renderPasswordPage(_ request: Request, _ identity: Identity, passwordErrors: FieldErrors = FieldErrors(),
                                    emailErrors: FieldErrors = FieldErrors(), newEmail: String = "", status: HTTPStatus = .ok) throws -> Response {
        let context = request.context
        let emailSection = identity.may(.profile) ? nil
            : emailModel(identity, try profiles.overview(identity: identity), newEmail: newEmail, errors: emailErrors)
        let model = PasswordPage.Model(email: identity.email, errors: passwordErrors, emailSection: emailSection)
        return renderer.panelPage(request, title: context.catalog(.profile(.passwordTitle)), status: status) {
            PasswordPage.View(model: model, catalog: context.catalog, csrf: context.csrfToken)
        }
    }
}

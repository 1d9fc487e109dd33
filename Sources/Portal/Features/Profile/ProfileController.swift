import Database
import Foundation
import HTTPServer

/// /account (details and communication preferences), the login email change and /account/password.
struct ProfileController: Sendable {
    let services: Services

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
            let now = services.clock.now()
            try services.database.write { db in
                // Read inside the transaction so "before" is exactly what this save replaced.
                let old = try AccountStore.account(id: account.id, db)
                try AccountStore.updateProfile(accountID: account.id, profile, now: now, db)
                if let old {
                    let change = AuditChange.accountDetails(from: old, to: profile)
                    if !change.isEmpty {
                        try AuditStore.record(accountID: account.id, actor: AuditActor(identity, ip: request.remoteAddress),
                                              action: .profileUpdated, target: old.number, before: change.before, after: change.after,
                                              now: now, db)
                    }
                }
            }
            return .redirect(to: .account, flash: .profileSaved)
        }
    }

    private func savePreferences(_ request: Request, _ identity: Identity) throws -> Response {
        let account = try currentAccount(identity)
        let preferences = AccountPreferences(form: request.form)
        let now = services.clock.now()
        try services.database.write { db in
            let old = try AccountStore.account(id: account.id, db)
            try AccountStore.updatePreferences(accountID: account.id, preferences, now: now, db)
            if let old {
                let change = AuditChange.preferences(from: old, to: preferences)
                if !change.isEmpty {
                    try AuditStore.record(accountID: account.id, actor: AuditActor(identity, ip: request.remoteAddress),
                                          action: .preferencesUpdated, target: old.number, before: change.before, after: change.after,
                                          now: now, db)
                }
            }
        }
        return .redirect(to: .account, flash: .preferencesSaved)
    }

    private func currentAccount(_ identity: Identity) throws -> Identity.AccountRef {
        guard let account = identity.account, identity.may(.profile) else { throw HTTPError(.forbidden) }
        return account
    }

    /// The page's model from the database, with `details` or `email` replaced by what was just submitted.
    private func accountModel(_ identity: Identity, details: AccountPage.Details? = nil, newEmail: String = "", emailErrors: FieldErrors = FieldErrors()) throws -> AccountPage.Model {
        let now = services.clock.now()
        return try services.database.read { db in
            var account: Account?
            if identity.may(.profile), let ref = identity.account { account = try AccountStore.account(id: ref.id, db) }
            let email = try emailModel(identity, newEmail: newEmail, errors: emailErrors, zone: account?.timeZone, now: now, db)
            return AccountPage.Model(details: details ?? account.map { AccountPage.Details(fields: ProfileFields($0)) },
                                     preferences: account.map(AccountPreferences.init), email: email)
        }
    }

    private func emailModel(_ identity: Identity, newEmail: String, errors: FieldErrors, zone: String?, now: Date, _ db: DatabaseConnection) throws -> EmailSection.Model {
        let zone = try zone ?? AccountStore.timeZone(accountID: identity.account?.id, userID: identity.userID, db)
        let pending = try AccountStore.pendingEmailChange(userID: identity.userID, now: now, db)
        return EmailSection.Model(current: identity.email,
                                  pending: pending.map { ($0.email, TimeZones.format($0.expiresAt, in: zone)) },
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
            case .changed(let newToken):
                var response = Response.redirect(to: .accountPassword, flash: .passwordChanged)
                response.setCookie(services.sessionCookies.cookie(newToken))
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
        let now = services.clock.now()
        let emailSection = identity.may(.profile) ? nil : try services.database.read { db in
            try emailModel(identity, newEmail: newEmail, errors: emailErrors, zone: nil, now: now, db)
        }
        let model = PasswordPage.Model(email: identity.email, errors: passwordErrors, emailSection: emailSection)
        return renderer.panelPage(request, title: context.catalog(.profile(.passwordTitle)), status: status) {
            PasswordPage.View(model: model, catalog: context.catalog, csrf: context.csrfToken)
        }
    }
}

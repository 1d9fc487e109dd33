import HTTPServer

/// Sends each matched route to its handler. Unknown paths get 404 and known paths with the wrong
/// method 405 with an Allow header. Authorization already ran (`AuthorizationMiddleware`).
struct SiteDispatcher: Sendable {
    let assets: AssetStore
    let health: HealthController
    let auth: AuthController
    let dashboard: DashboardController
    let security: SecurityController
    let profile: ProfileController
    let mailbox: MailboxController
    let users: UsersController
    let contacts: ContactsController
    let activity: ActivityController

    func respond(to request: Request) throws -> Response {
        guard let route = request.context.route else {
            switch SiteRoute.match(request) {
            case .methodNotAllowed(let allowed):
                var error = HTTPError(.methodNotAllowed)
                error.headers["Allow"] = allowed.map(\.rawValue).joined(separator: ", ")
                throw error
            case .notFound, .matched:
                throw HTTPError(.notFound)
            }
        }
        switch route {
        case .healthz: return health.healthz()
        case .readyz: return health.readyz()
        case .metrics: return health.metricsPage()
        case .asset(let name):
            guard let asset = assets.asset(named: name) else { throw HTTPError(.notFound) }
            return assets.response(for: asset, immutable: true)
        case .favicon:
            guard let asset = assets.asset(logical: "icon.svg") else { throw HTTPError(.notFound) }
            return assets.response(for: asset, immutable: false)

        case .signup: return auth.signupPage(request)
        case .signupSubmit: return try auth.signupSubmit(request)
        case .verifyEmail: return try auth.verifyEmailPage(request)
        case .verifyEmailSubmit: return try auth.verifyEmailSubmit(request)
        case .verifyEmailResend: return try auth.verifyEmailResend(request)
        case .login: return auth.loginPage(request)
        case .loginSubmit: return try auth.loginSubmit(request)
        case .logout: return try auth.logout(request)
        case .passwordForgot: return auth.forgotPage(request)
        case .passwordForgotSubmit: return try auth.forgotSubmit(request)
        case .passwordReset: return try auth.resetPage(request)
        case .passwordResetSubmit: return try auth.resetSubmit(request)

        case .dashboard: return try dashboard.show(request)

        case .loginTwoFactor, .loginTwoFactorSubmit, .accountSecurity, .twoFactorSetup, .twoFactorSetupSubmit,
             .twoFactorDisableSubmit, .recoveryCodesSubmit, .sessionEndSubmit, .sessionsEndOthersSubmit:
            return try security.handle(route, request)
        case .account, .accountSubmit, .accountPreferencesSubmit, .accountEmailChangeSubmit,
             .accountEmailChangeConfirm, .accountEmailChangeConfirmSubmit, .accountPassword, .accountPasswordSubmit:
            return try profile.handle(route, request)
        case .accountEmails, .accountEmail, .accountEmailHTML, .notifications, .notificationsReadSubmit:
            return try mailbox.handle(route, request)
        case .users, .userInviteSubmit, .userEdit, .userEditSubmit, .userRevokeSubmit, .invitationResendSubmit,
             .invitationCancelSubmit, .delegateTwoFactorSubmit, .invitation, .invitationAcceptSubmit, .invitationDeclineSubmit,
             .accounts, .accountSwitchSubmit, .accountLeaveSubmit:
            return try users.handle(route, request)
        case .activity, .activityCSV:
            return try activity.handle(route, request)
        case .contacts, .contactNew, .contactCreateSubmit, .contactEdit, .contactEditSubmit, .contactDeleteSubmit:
            return try contacts.handle(route, request)
        }
    }
}

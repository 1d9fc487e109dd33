import HTTPServer

extension SiteRoute {
    /// The HTTP method this case answers.
    public var method: HTTPMethod {
        switch self {
        case .healthz, .readyz, .metrics, .asset, .favicon,
             .signup, .verifyEmail, .login, .loginTwoFactor, .passwordForgot, .passwordReset,
             .dashboard, .account, .accountEmailChangeConfirm, .accountPassword, .accountSecurity, .twoFactorSetup,
             .accountEmails, .accountEmail, .accountEmailHTML, .notifications,
             .users, .userEdit, .invitation, .accounts, .activity, .activityCSV, .contacts, .contactNew, .contactEdit:
            return .GET
        case .signupSubmit, .verifyEmailSubmit, .verifyEmailResend, .loginSubmit, .loginTwoFactorSubmit, .logout,
             .passwordForgotSubmit, .passwordResetSubmit, .accountSubmit, .accountPreferencesSubmit,
             .accountEmailChangeSubmit, .accountEmailChangeConfirmSubmit, .accountPasswordSubmit,
             .twoFactorSetupSubmit, .twoFactorDisableSubmit, .recoveryCodesSubmit, .sessionEndSubmit,
             .sessionsEndOthersSubmit, .notificationsReadSubmit,
             .userInviteSubmit, .userEditSubmit, .userRevokeSubmit, .invitationResendSubmit, .invitationCancelSubmit,
             .delegateTwoFactorSubmit, .invitationAcceptSubmit, .invitationDeclineSubmit, .accountSwitchSubmit,
             .accountLeaveSubmit, .contactCreateSubmit, .contactEditSubmit, .contactDeleteSubmit:
            return .POST
        }
    }

    /// The path of this case, percent-encoded where needed.
    public var path: String {
        switch self {
        case .healthz: return "/healthz"
        case .readyz: return "/readyz"
        case .metrics: return "/metrics"
        case .asset(let name): return "/assets/" + PathEncoding.segment(name)
        case .favicon: return "/favicon.ico"
        case .signup, .signupSubmit: return "/signup"
        case .verifyEmail, .verifyEmailSubmit: return "/verify-email"
        case .verifyEmailResend: return "/verify-email/resend"
        case .login, .loginSubmit: return "/login"
        case .loginTwoFactor, .loginTwoFactorSubmit: return "/login/2fa"
        case .logout: return "/logout"
        case .passwordForgot, .passwordForgotSubmit: return "/password/forgot"
        case .passwordReset, .passwordResetSubmit: return "/password/reset"
        case .dashboard: return "/"
        case .account, .accountSubmit: return "/account"
        case .accountPreferencesSubmit: return "/account/preferences"
        case .accountEmailChangeSubmit: return "/account/email"
        case .accountEmailChangeConfirm, .accountEmailChangeConfirmSubmit: return "/account/email/confirm"
        case .accountPassword, .accountPasswordSubmit: return "/account/password"
        case .accountSecurity: return "/account/security"
        case .twoFactorSetup, .twoFactorSetupSubmit: return "/account/security/2fa"
        case .twoFactorDisableSubmit: return "/account/security/2fa/disable"
        case .recoveryCodesSubmit: return "/account/security/recovery-codes"
        case .sessionEndSubmit(let id): return "/account/security/sessions/" + PathEncoding.segment(id) + "/end"
        case .sessionsEndOthersSubmit: return "/account/security/sessions/end-others"
        case .accountEmails: return "/account/emails"
        case .accountEmail(let id): return "/account/emails/" + PathEncoding.segment(id)
        case .accountEmailHTML(let id): return "/account/emails/" + PathEncoding.segment(id) + "/html"
        case .notifications: return "/notifications"
        case .notificationsReadSubmit: return "/notifications/read"
        case .users: return "/account/users"
        case .userInviteSubmit: return "/account/users/invite"
        case .delegateTwoFactorSubmit: return "/account/users/require-2fa"
        case .userEdit(let id), .userEditSubmit(let id): return "/account/users/" + PathEncoding.segment(id)
        case .userRevokeSubmit(let id): return "/account/users/" + PathEncoding.segment(id) + "/revoke"
        case .invitationResendSubmit(let id): return "/account/invitations/" + PathEncoding.segment(id) + "/resend"
        case .invitationCancelSubmit(let id): return "/account/invitations/" + PathEncoding.segment(id) + "/cancel"
        case .invitation, .invitationAcceptSubmit: return "/invitations/accept"
        case .invitationDeclineSubmit: return "/invitations/decline"
        case .accounts: return "/accounts"
        case .accountSwitchSubmit: return "/accounts/switch"
        case .accountLeaveSubmit(let id): return "/accounts/" + PathEncoding.segment(id) + "/leave"
        case .activity: return "/account/activity"
        case .activityCSV: return "/account/activity.csv"
        case .contacts, .contactCreateSubmit: return "/account/contacts"
        case .contactNew: return "/account/contacts/new"
        case .contactEdit(let id), .contactEditSubmit(let id): return "/account/contacts/" + PathEncoding.segment(id)
        case .contactDeleteSubmit(let id): return "/account/contacts/" + PathEncoding.segment(id) + "/delete"
        }
    }

    /// A stable name for logs and metrics (one per pattern, never containing parameters).
    public var name: String { entry.name }

    /// One example of every case, used by the round-trip and authorization tests.
    public static let samples: [SiteRoute] = [
        .healthz, .readyz, .metrics, .asset("app.0123abcd.css"), .favicon,
        .signup, .signupSubmit, .verifyEmail, .verifyEmailSubmit, .verifyEmailResend,
        .login, .loginSubmit, .loginTwoFactor, .loginTwoFactorSubmit, .logout,
        .passwordForgot, .passwordForgotSubmit, .passwordReset, .passwordResetSubmit,
        .dashboard, .account, .accountSubmit, .accountPreferencesSubmit, .accountEmailChangeSubmit,
        .accountEmailChangeConfirm, .accountEmailChangeConfirmSubmit, .accountPassword, .accountPasswordSubmit,
        .accountSecurity, .twoFactorSetup, .twoFactorSetupSubmit, .twoFactorDisableSubmit, .recoveryCodesSubmit,
        .sessionEndSubmit("ses_abc DEF/1"), .sessionsEndOthersSubmit,
        .accountEmails, .accountEmail("eml_x"), .accountEmailHTML("eml_x"),
        .notifications, .notificationsReadSubmit,
        .users, .userInviteSubmit, .userEdit("mem_x"), .userEditSubmit("mem_x"), .userRevokeSubmit("mem_x"),
        .invitationResendSubmit("inv_x"), .invitationCancelSubmit("inv_x"), .delegateTwoFactorSubmit,
        .invitation, .invitationAcceptSubmit, .invitationDeclineSubmit, .accounts, .accountSwitchSubmit, .accountLeaveSubmit("acc_x"),
        .activity, .activityCSV, .contacts, .contactNew, .contactCreateSubmit, .contactEdit("con_x"), .contactEditSubmit("con_x"),
        .contactDeleteSubmit("con_x"),
    ]
}

/// Who may reach a route. Deny by default: a route is reachable only as its entry here says.
public enum Access: Sendable, Hashable {
    /// Anyone, signed in or not (health checks, assets, login and sign-up pages, email links).
    case everyone
    /// Only the operator's monitoring: loopback addresses, never through a proxy (metrics).
    case localOnly
    /// A session whose password step is done and second factor is due.
    case secondFactor
    /// Any session, complete or waiting for its second factor (logout).
    case session
    /// A complete session: things that belong to the person (password, 2FA, notifications).
    case user
    /// A complete session inside an account it may enter (the dashboard).
    case member
    /// A complete session inside an account that grants this permission.
    case permission(Permission)
    /// A complete session inside an account this user owns.
    case owner
}

extension SiteRoute {
    /// The authorization table: one entry per route, checked by `AuthorizationMiddleware` before any
    /// handler runs and by a test that enumerates every route and every kind of visitor.
    /// The switch is exhaustive, so a new route does not compile until it is given an entry here.
    public var access: Access {
        switch self {
        case .healthz, .readyz, .asset, .favicon: return .everyone
        case .metrics: return .localOnly
        case .signup, .signupSubmit, .verifyEmail, .verifyEmailSubmit, .login, .loginSubmit,
             .passwordForgot, .passwordForgotSubmit, .passwordReset, .passwordResetSubmit:
            return .everyone
        case .loginTwoFactor, .loginTwoFactorSubmit: return .secondFactor
        case .logout: return .session
        case .verifyEmailResend: return .user
        case .dashboard: return .member
        case .account, .accountSubmit, .accountPreferencesSubmit: return .permission(.profile)
        case .accountEmailChangeSubmit, .accountEmailChangeConfirm, .accountEmailChangeConfirmSubmit: return .user
        case .accountPassword, .accountPasswordSubmit: return .user
        case .accountSecurity, .twoFactorSetup, .twoFactorSetupSubmit, .twoFactorDisableSubmit, .recoveryCodesSubmit,
             .sessionEndSubmit, .sessionsEndOthersSubmit:
            return .user
        case .accountEmails, .accountEmail, .accountEmailHTML: return .permission(.emails)
        case .notifications, .notificationsReadSubmit: return .user
        case .users, .userInviteSubmit, .userEdit, .userEditSubmit, .userRevokeSubmit,
             .invitationResendSubmit, .invitationCancelSubmit:
            return .permission(.users)
        case .delegateTwoFactorSubmit: return .owner
        case .invitation, .invitationDeclineSubmit: return .everyone
        case .invitationAcceptSubmit: return .user
        case .accounts, .accountSwitchSubmit, .accountLeaveSubmit: return .user
        case .activity, .activityCSV: return .permission(.users)
        case .contacts, .contactNew, .contactCreateSubmit, .contactEdit, .contactEditSubmit, .contactDeleteSubmit:
            return .permission(.contacts)
        }
    }
}

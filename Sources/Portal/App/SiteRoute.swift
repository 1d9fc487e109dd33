import HTTPServer

/// Every page and endpoint of the panel. The router parses requests into a case and every URL the
/// panel prints (links, redirects, form actions, emails) is built from a case, never spelled by hand.
/// Link tokens travel in the query string (`url(query:)`), not in the case.
public enum SiteRoute: Hashable, Sendable {
    // Operations
    case healthz
    case readyz
    case metrics
    /// Static files; the name carries a content fingerprint (`app.3f2a9c1d.css`).
    case asset(String)
    case favicon

    // Sign-up, verification, login
    case signup, signupSubmit
    case verifyEmail, verifyEmailSubmit, verifyEmailResend
    case login, loginSubmit
    case loginTwoFactor, loginTwoFactorSubmit
    case logout
    case passwordForgot, passwordForgotSubmit
    case passwordReset, passwordResetSubmit

    // The panel
    case dashboard
    case account, accountSubmit
    case accountPreferencesSubmit
    case accountEmailChangeSubmit
    case accountEmailChangeConfirm, accountEmailChangeConfirmSubmit
    case accountPassword, accountPasswordSubmit
    case accountSecurity
    case twoFactorSetup, twoFactorSetupSubmit
    case twoFactorDisableSubmit
    case recoveryCodesSubmit
    case sessionEndSubmit(String)
    case sessionsEndOthersSubmit
    case accountEmails
    case accountEmail(String)
    case accountEmailHTML(String)
    case notifications
    case notificationsReadSubmit

    // Delegation: users, invitations, switching accounts, activity, contacts
    case users
    case userInviteSubmit
    case userEdit(String), userEditSubmit(String), userRevokeSubmit(String)
    case invitationResendSubmit(String), invitationCancelSubmit(String)
    case delegateTwoFactorSubmit
    case invitation, invitationAcceptSubmit, invitationDeclineSubmit
    case accounts, accountSwitchSubmit
    case accountLeaveSubmit(String)
    case activity, activityCSV
    case contacts, contactNew, contactCreateSubmit
    case contactEdit(String), contactEditSubmit(String), contactDeleteSubmit(String)
}

extension SiteRoute {
    /// Every route: its method, path pattern, name and how to build it from path parameters.
    /// `match` and the tests read this one list.
    struct Entry: Sendable {
        let method: HTTPMethod
        let pattern: String
        let name: String
        let build: @Sendable (PathParameters) -> SiteRoute?
    }

    static let entries: [Entry] = [
        Entry(method: .GET, pattern: "/healthz", name: "healthz") { _ in .healthz },
        Entry(method: .GET, pattern: "/readyz", name: "readyz") { _ in .readyz },
        Entry(method: .GET, pattern: "/metrics", name: "metrics") { _ in .metrics },
        Entry(method: .GET, pattern: "/assets/:name", name: "asset") { $0["name"].map(SiteRoute.asset) },
        Entry(method: .GET, pattern: "/favicon.ico", name: "favicon") { _ in .favicon },

        Entry(method: .GET, pattern: "/signup", name: "signup") { _ in .signup },
        Entry(method: .POST, pattern: "/signup", name: "signup.submit") { _ in .signupSubmit },
        Entry(method: .GET, pattern: "/verify-email", name: "verify-email") { _ in .verifyEmail },
        Entry(method: .POST, pattern: "/verify-email", name: "verify-email.submit") { _ in .verifyEmailSubmit },
        Entry(method: .POST, pattern: "/verify-email/resend", name: "verify-email.resend") { _ in .verifyEmailResend },
        Entry(method: .GET, pattern: "/login", name: "login") { _ in .login },
        Entry(method: .POST, pattern: "/login", name: "login.submit") { _ in .loginSubmit },
        Entry(method: .GET, pattern: "/login/2fa", name: "login.2fa") { _ in .loginTwoFactor },
        Entry(method: .POST, pattern: "/login/2fa", name: "login.2fa.submit") { _ in .loginTwoFactorSubmit },
        Entry(method: .POST, pattern: "/logout", name: "logout") { _ in .logout },
        Entry(method: .GET, pattern: "/password/forgot", name: "password.forgot") { _ in .passwordForgot },
        Entry(method: .POST, pattern: "/password/forgot", name: "password.forgot.submit") { _ in .passwordForgotSubmit },
        Entry(method: .GET, pattern: "/password/reset", name: "password.reset") { _ in .passwordReset },
        Entry(method: .POST, pattern: "/password/reset", name: "password.reset.submit") { _ in .passwordResetSubmit },

        Entry(method: .GET, pattern: "/", name: "dashboard") { _ in .dashboard },
        Entry(method: .GET, pattern: "/account", name: "account") { _ in .account },
        Entry(method: .POST, pattern: "/account", name: "account.submit") { _ in .accountSubmit },
        Entry(method: .POST, pattern: "/account/preferences", name: "account.preferences.submit") { _ in .accountPreferencesSubmit },
        Entry(method: .POST, pattern: "/account/email", name: "account.email-change.submit") { _ in .accountEmailChangeSubmit },
        Entry(method: .GET, pattern: "/account/email/confirm", name: "account.email-change.confirm") { _ in .accountEmailChangeConfirm },
        Entry(method: .POST, pattern: "/account/email/confirm", name: "account.email-change.confirm.submit") { _ in .accountEmailChangeConfirmSubmit },
        Entry(method: .GET, pattern: "/account/password", name: "account.password") { _ in .accountPassword },
        Entry(method: .POST, pattern: "/account/password", name: "account.password.submit") { _ in .accountPasswordSubmit },
        Entry(method: .GET, pattern: "/account/security", name: "account.security") { _ in .accountSecurity },
        Entry(method: .GET, pattern: "/account/security/2fa", name: "account.security.2fa") { _ in .twoFactorSetup },
        Entry(method: .POST, pattern: "/account/security/2fa", name: "account.security.2fa.submit") { _ in .twoFactorSetupSubmit },
        Entry(method: .POST, pattern: "/account/security/2fa/disable", name: "account.security.2fa.disable") { _ in .twoFactorDisableSubmit },
        Entry(method: .POST, pattern: "/account/security/recovery-codes", name: "account.security.recovery-codes") { _ in .recoveryCodesSubmit },
        Entry(method: .POST, pattern: "/account/security/sessions/:id/end", name: "account.security.session.end") { $0["id"].map(SiteRoute.sessionEndSubmit) },
        Entry(method: .POST, pattern: "/account/security/sessions/end-others", name: "account.security.sessions.end-others") { _ in .sessionsEndOthersSubmit },
        Entry(method: .GET, pattern: "/account/emails", name: "account.emails") { _ in .accountEmails },
        Entry(method: .GET, pattern: "/account/emails/:id", name: "account.email") { $0["id"].map(SiteRoute.accountEmail) },
        Entry(method: .GET, pattern: "/account/emails/:id/html", name: "account.email.html") { $0["id"].map(SiteRoute.accountEmailHTML) },
        Entry(method: .GET, pattern: "/notifications", name: "notifications") { _ in .notifications },
        Entry(method: .POST, pattern: "/notifications/read", name: "notifications.read") { _ in .notificationsReadSubmit },

        Entry(method: .GET, pattern: "/account/users", name: "users") { _ in .users },
        Entry(method: .POST, pattern: "/account/users/invite", name: "users.invite") { _ in .userInviteSubmit },
        Entry(method: .POST, pattern: "/account/users/require-2fa", name: "users.require-2fa") { _ in .delegateTwoFactorSubmit },
        Entry(method: .GET, pattern: "/account/users/:id", name: "user") { $0["id"].map(SiteRoute.userEdit) },
        Entry(method: .POST, pattern: "/account/users/:id", name: "user.submit") { $0["id"].map(SiteRoute.userEditSubmit) },
        Entry(method: .POST, pattern: "/account/users/:id/revoke", name: "user.revoke") { $0["id"].map(SiteRoute.userRevokeSubmit) },
        Entry(method: .POST, pattern: "/account/invitations/:id/resend", name: "invitation.resend") { $0["id"].map(SiteRoute.invitationResendSubmit) },
        Entry(method: .POST, pattern: "/account/invitations/:id/cancel", name: "invitation.cancel") { $0["id"].map(SiteRoute.invitationCancelSubmit) },
        Entry(method: .GET, pattern: "/invitations/accept", name: "invitation") { _ in .invitation },
        Entry(method: .POST, pattern: "/invitations/accept", name: "invitation.accept") { _ in .invitationAcceptSubmit },
        Entry(method: .POST, pattern: "/invitations/decline", name: "invitation.decline") { _ in .invitationDeclineSubmit },
        Entry(method: .GET, pattern: "/accounts", name: "accounts") { _ in .accounts },
        Entry(method: .POST, pattern: "/accounts/switch", name: "accounts.switch") { _ in .accountSwitchSubmit },
        Entry(method: .POST, pattern: "/accounts/:id/leave", name: "accounts.leave") { $0["id"].map(SiteRoute.accountLeaveSubmit) },
        Entry(method: .GET, pattern: "/account/activity", name: "activity") { _ in .activity },
        Entry(method: .GET, pattern: "/account/activity.csv", name: "activity.csv") { _ in .activityCSV },
        Entry(method: .GET, pattern: "/account/contacts", name: "contacts") { _ in .contacts },
        Entry(method: .GET, pattern: "/account/contacts/new", name: "contact.new") { _ in .contactNew },
        Entry(method: .POST, pattern: "/account/contacts", name: "contact.create") { _ in .contactCreateSubmit },
        Entry(method: .GET, pattern: "/account/contacts/:id", name: "contact") { $0["id"].map(SiteRoute.contactEdit) },
        Entry(method: .POST, pattern: "/account/contacts/:id", name: "contact.submit") { $0["id"].map(SiteRoute.contactEditSubmit) },
        Entry(method: .POST, pattern: "/account/contacts/:id/delete", name: "contact.delete") { $0["id"].map(SiteRoute.contactDeleteSubmit) },
    ]

    /// A parsed request: the case and the name of the entry it matched (for logs and metrics).
    public struct Matched: Sendable, Hashable {
        public let route: SiteRoute
        public let name: String
    }

    static let router: Router<Matched> = {
        var router = Router<Matched>()
        for entry in entries {
            let build = entry.build
            let name = entry.name
            router.add(entry.method, entry.pattern) { parameters in build(parameters).map { Matched(route: $0, name: name) } }
        }
        return router
    }()

    /// Matches a method and a decoded path.
    public static func match(method: HTTPMethod, path: String) -> RouteMatch<Matched> {
        router.match(method: method, path: path)
    }

    /// Matches a request on its raw path, so that an encoded `/` stays inside its segment.
    public static func match(_ request: Request) -> RouteMatch<Matched> {
        router.match(request)
    }

    /// The entry this case was built from.
    var entry: Entry {
        let path = self.path
        let method = self.method
        return Self.entries.first { $0.method == method && Self.patternMatches($0.pattern, path) } ?? Self.entries[0]
    }

    private static func patternMatches(_ pattern: String, _ path: String) -> Bool {
        let a = pattern.split(separator: "/", omittingEmptySubsequences: false)
        let b = path.split(separator: "/", omittingEmptySubsequences: false)
        guard a.count == b.count else { return false }
        return zip(a, b).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }

    /// The path plus an optional query string.
    public func url(query: [(String, String)] = []) -> String {
        query.isEmpty ? path : path + "?" + QueryEncoding.encode(query)
    }

    /// The absolute URL under the configured public URL (for emails); never derived from the Host header.
    public func absoluteURL(base: String, query: [(String, String)] = []) -> String {
        base + url(query: query)
    }
}

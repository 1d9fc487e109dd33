/// Resolves `Text` to a string in one language.
public struct Catalog: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public func callAsFunction(_ text: Text) -> String {
        switch language {
        case .english: return Self.english(text)
        }
    }

    static func english(_ text: Text) -> String {
        switch text {
        case .productName: return "Hosterra Account"
        case .skipToContent: return "Skip to content"
        case .mainMenu: return "Main menu"
        case .accountMenu: return "Account menu"
        case .notifications: return "Notifications"
        case .unreadNotifications(let count):
            return count == 0 ? "no unread notifications" : count == 1 ? "1 unread notification" : "\(count) unread notifications"
        case .footerNote: return "Hosterra — hosting, domains and servers."
        case .currentAccount(let name): return name.isEmpty ? "Current account:" : "Current account: \(name)"
        case .logOut: return "Log out"

        case .menuDashboard: return "Dashboard"
        case .menuAccount: return "Account"
        case .menuPassword: return "Password"
        case .menuSecurity: return "Security settings"
        case .menuEmailHistory: return "Email history"
        case .menuUsers: return "Users"
        case .menuActivity: return "Activity log"
        case .menuContacts: return "Contacts"
        case .menuSwitchAccount: return "Switch account"

        case .pagerNewer: return "Newer"
        case .pagerOlder: return "Older"
        case .pagerStatus(let page, let pages): return "Page \(page) of \(pages)"

        case .errorTitle(let code): return "Error \(code)"
        case .errorBadRequest: return "The request could not be understood. Check what you sent and try again."
        case .errorForbidden: return "You do not have permission to open this page. Ask the account owner for access."
        case .errorNotFound: return "This page does not exist. Check the address, or go back to the dashboard."
        case .errorMethodNotAllowed: return "This address does not accept that kind of request."
        case .errorPayloadTooLarge(let limit): return "What you sent is too large. The limit is \(limit); send something smaller."
        case .errorServer: return "Something went wrong on our side. Try again in a moment; if it keeps happening, contact support with the reference below."
        case .errorUnavailable: return "The service is briefly unavailable. Try again in a minute."
        case .errorCSRF: return "This form expired or did not come from this site. Go back, reload the page and submit it again."
        case .errorTooManyRequests: return "Too many attempts from your network. Wait a few minutes before trying again."
        case .errorTooManyRequestsWait(let minutes): return "Too many requests from your network. Wait \(minutes) minute\(minutes == 1 ? "" : "s") before trying again."
        case .errorReference(let id): return "Reference: \(id)"
        case .errorBackHome: return "Back to the dashboard"
        case .errorSignInFirst: return "Your session has ended. Log in again, then repeat what you were doing."
        case .errorSecondFactorFirst: return "Finish signing in with your authentication code first."
        case .errorNoAccount: return "You have no account to manage yet. Ask the person who invited you to send a new invitation."
        case .errorAlreadySignedIn: return "You are already signed in. Go to the dashboard."
        case .errorDelegateTwoFactor: return "The owner of this account requires two-factor authentication. Turn it on in your security settings, then come back."
        case .errorOwnerOnly: return "Only the account owner can do this."
        case .errorVerifyEmailFirst: return "Confirm your email address first: use the link we sent you (you can ask for a new one on the dashboard)."
        case .errorPasswordConfirmationLocked(let minutes): return "Too many wrong passwords. For your safety, changes that need your password are paused for \(minutes) minutes. If you forgot it, log out and reset it."
        case .errorMissingPermission(let name): return "This section needs the “\(name)” permission, which you do not have in this account. Ask the account owner to grant it."

        case .permissionName(let permission): return Self.permissionName(permission)
        case .permissionDescription(let permission): return Self.permissionDescription(permission)

        case .formHasErrors: return "Some fields need your attention; see the messages below each one."
        case .fieldRequired: return "This field is required."
        case .fieldTooLong(let limit): return "Use at most \(limit) characters."
        case .fieldName: return "Full name"
        case .fieldEmail: return "Email address"
        case .fieldPassword: return "Password"
        case .fieldNewPassword: return "New password"
        case .fieldCurrentPassword: return "Current password"
        case .emailInvalid: return "Enter an email address like name@example.com."
        case .passwordHint: return "At least 12 characters. A few unrelated words make a strong, memorable password."
        case .passwordTooShort(let minimum): return "Use at least \(minimum) characters."
        case .passwordTooLong(let maximum): return "Use at most \(maximum) characters."
        case .passwordCommon: return "This password is too common and would be guessed quickly. Choose another."
        case .passwordContainsEmail: return "Do not use your email address in your password."
        case .passwordRepeated: return "A single repeated character is not a password. Choose another."
        case .passwordSameAsCurrent: return "The new password must differ from the current one."

        case .loginTitle: return "Log in"
        case .loginSubmit: return "Log in"
        case .loginForgot: return "Forgot your password?"
        case .loginNoAccount: return "New to Hosterra?"
        case .loginRefused: return "Email or password is incorrect."
        case .loginWait(let seconds): return "Too many failed attempts. Wait \(seconds) second\(seconds == 1 ? "" : "s") before trying again."
        case .loginLocked(let minutes): return "Too many failed attempts: sign-in is paused for \(minutes) minute\(minutes == 1 ? "" : "s"). You can reset your password meanwhile."
        case .signupTitle: return "Create your account"
        case .signupLead: return "One login for all your services. You can invite colleagues later."
        case .signupSubmit: return "Create my account"
        case .signupHaveAccount: return "Already have an account?"
        case .verifyTitle: return "Confirm your email address"
        case .verifyLead: return "Press the button to confirm that this email address is yours."
        case .verifySubmit: return "Confirm my email address"
        case .linkExpired: return "This link has expired. Ask for a new one."
        case .linkUsed: return "This link was already used. Ask for a new one if you still need it."
        case .linkInvalid: return "This link is not valid. Check that you copied it whole, or ask for a new one."
        case .backToLogin: return "Back to login"
        case .forgotTitle: return "Reset your password"
        case .forgotLead: return "Enter your email address: if it has a Hosterra login, we will send a link to choose a new password."
        case .forgotSubmit: return "Send the link"
        case .resetTitle: return "Choose a new password"
        case .resetSubmit: return "Save the new password"
        case .unverifiedBanner(let email): return "Confirm your email address (\(email)) to invite people, order and pay. Check your inbox for our link."
        case .unverifiedResend: return "Send the link again"
        case .flash(let flash): return Self.flash(flash)
        case .noticeNewSignIn(let device, let ip): return "New sign-in from \(device) (\(ip))."
        case .noticePasswordReset: return "Your password was reset and every session was signed out."
        case .noticePasswordChanged: return "Your password was changed; your other sessions were signed out."

        case .security(let text): return english(text)
        case .profile(let text): return english(text)
        case .mailbox(let text): return english(text)
        case .users(let text): return english(text)
        case .contacts(let text): return english(text)
        case .activity(let text): return english(text)

        case .dashboardTitle: return "Dashboard"
        case .dashboardLead(let name): return "Welcome, \(name)."
        case .dashboardTwoFactorNudgeTitle: return "Protect your account with two-factor authentication"
        case .dashboardTwoFactorNudge: return "A code from your phone at each login stops anyone who learns your password."
        case .dashboardTwoFactorEnable: return "Turn on two-factor authentication"
        case .dashboardSummary: return "Your account"
        case .dashboardAccountName: return "Account"
        case .dashboardAccountNumber: return "Account number"
        case .dashboardEmailState: return "Email address"
        case .dashboardTwoFactorState: return "Two-factor authentication"
        case .dashboardShortcuts: return "Shortcuts"
        case .stateVerified: return "Verified"
        case .stateUnverified: return "Not verified"
        case .stateOn: return "On"
        case .stateOff: return "Off"
        }
    }

    static func flash(_ flash: Flash) -> String {
        switch flash {
        case .signedOut: return "You are logged out."
        case .sessionExpired: return "Your session ended after a period of inactivity. Log in again."
        case .checkEmail: return "Check your inbox: we sent a link to confirm your email address. Then log in."
        case .emailVerified: return "Your email address is confirmed."
        case .verificationSent: return "We sent a new confirmation link to your email address."
        case .resetRequested: return "If this email has a Hosterra login, a link to reset the password is on its way. It expires in 30 minutes."
        case .passwordReset: return "Your password is reset and every session was signed out. Log in with the new password."
        case .passwordChanged: return "Your password is changed. Your other sessions were signed out."
        case .profileSaved: return "Your details are saved."
        case .preferencesSaved: return "Your communication preferences are saved."
        case .emailChangeRequested: return "We sent a confirmation link to the new address. The change takes effect once you confirm it."
        case .emailChanged: return "Your sign-in email address is changed."
        case .twoFactorEnabled: return "Two-factor authentication is on."
        case .twoFactorDisabled: return "Two-factor authentication is off."
        case .recoveryCodesRegenerated: return "New recovery codes were created; the old ones no longer work."
        case .sessionEnded: return "The session was ended."
        case .otherSessionsEnded: return "Every other session was ended."
        case .notificationsRead: return "All notifications are marked as read."
        case .contactCreated: return english(ContactsText.created)
        case .contactSaved: return english(ContactsText.saved)
        case .contactDeleted: return english(ContactsText.deleted)
        case .invited: return "The invitation was sent."
        case .invitationResent: return "The invitation was sent again with a new link."
        case .invitationCancelled: return "The invitation was cancelled; its link no longer works."
        case .accessUpdated: return "The access was changed. It applies from their next page."
        case .accessUnchanged: return "Nothing changed."
        case .accessRevoked: return "The access was removed."
        case .delegateTwoFactorRequired: return "Delegates now need two-factor authentication."
        case .delegateTwoFactorNotRequired: return "Delegates no longer need two-factor authentication."
        case .leftAccount: return "You left the account."
        }
    }

    static func permissionName(_ permission: Permission) -> String {
        switch permission {
        case .profile: return "Account details"
        case .contacts: return "Domain contacts"
        case .servicesView: return "View services"
        case .servicesManage: return "Manage services"
        case .orders: return "Orders"
        case .domainsView: return "View domains"
        case .domainsManage: return "Manage domains"
        case .sslView: return "View SSL certificates"
        case .sslManage: return "Manage SSL certificates"
        case .billingView: return "View billing"
        case .billingPay: return "Pay"
        case .billingMethods: return "Payment methods"
        case .support: return "Support"
        case .emails: return "Email history"
        case .consumption: return "Consumption reports"
        case .users: return "Users and access"
        }
    }

    static func permissionDescription(_ permission: Permission) -> String {
        switch permission {
        case .profile: return "Change the account's details and communication preferences."
        case .contacts: return "Create, edit and delete the contacts used for domains."
        case .servicesView: return "See services and servers and their state."
        case .servicesManage: return "Power servers on and off, reinstall them, see credentials and change settings."
        case .orders: return "Buy, upgrade, renew and terminate services."
        case .domainsView: return "See domains and their DNS records."
        case .domainsManage: return "Change DNS records, contacts, locks, transfers and DNSSEC."
        case .sslView: return "See SSL certificates."
        case .sslManage: return "Order, renew and configure SSL certificates."
        case .billingView: return "See invoices, quotes and contracts."
        case .billingPay: return "Pay invoices, accept quotes and add funds."
        case .billingMethods: return "Add and remove payment methods."
        case .support: return "Read and open support requests."
        case .emails: return "Read the emails Hosterra sent to this account."
        case .consumption: return "See power and water consumption reports."
        case .users: return "Invite people, change their permissions and revoke access."
        }
    }
}

/// Every user-facing string of the panel. Views never spell text themselves: they ask the catalog
/// for a `Text` case, so a new language is one more exhaustive switch (see `Catalog`).
/// Large areas keep their strings in their own enum (`SecurityText`, …) wrapped in one case here.
public enum Text: Sendable, Hashable {
    // Brand and layout
    case productName
    case skipToContent
    case mainMenu
    case accountMenu
    case notifications
    case unreadNotifications(Int)
    case footerNote
    case currentAccount(String)
    case logOut

    // Menus
    case menuDashboard
    case menuAccount
    case menuPassword
    case menuSecurity
    case menuEmailHistory
    case menuUsers
    case menuActivity
    case menuContacts
    case menuSwitchAccount

    // Paged lists (all newest first)
    case pagerNewer
    case pagerOlder
    case pagerStatus(page: Int, pages: Int)

    // Error pages
    case errorTitle(Int)
    case errorBadRequest
    case errorForbidden
    case errorNotFound
    case errorMethodNotAllowed
    case errorPayloadTooLarge(String)
    case errorServer
    case errorUnavailable
    case errorCSRF
    case errorTooManyRequests
    case errorTooManyRequestsWait(minutes: Int)
    case errorReference(String)
    case errorBackHome
    case errorSignInFirst
    case errorSecondFactorFirst
    case errorNoAccount
    case errorAlreadySignedIn
    case errorDelegateTwoFactor
    case errorOwnerOnly
    case errorVerifyEmailFirst
    case errorPasswordConfirmationLocked(Int)
    case errorMissingPermission(String)

    // Permissions
    case permissionName(Permission)
    case permissionDescription(Permission)

    // Forms
    case formHasErrors
    case fieldRequired
    case fieldTooLong(Int)
    case fieldName
    case fieldEmail
    case fieldPassword
    case fieldNewPassword
    case fieldCurrentPassword
    case emailInvalid
    case passwordHint
    case passwordTooShort(Int)
    case passwordTooLong(Int)
    case passwordCommon
    case passwordContainsEmail
    case passwordRepeated
    case passwordSameAsCurrent

    // Login, sign-up, verification, recovery
    case loginTitle
    case loginSubmit
    case loginForgot
    case loginNoAccount
    case loginRefused
    case loginWait(Int)
    case loginLocked(Int)
    case signupTitle
    case signupLead
    case signupSubmit
    case signupHaveAccount
    case verifyTitle
    case verifyLead
    case verifySubmit
    case linkExpired
    case linkUsed
    case linkInvalid
    case backToLogin
    case forgotTitle
    case forgotLead
    case forgotSubmit
    case resetTitle
    case resetSubmit
    case unverifiedBanner(String)
    case unverifiedResend
    case flash(Flash)
    case noticeNewSignIn(device: String, ip: String)
    case noticePasswordReset
    case noticePasswordChanged

    // Areas with their own string enums
    case security(SecurityText)
    case profile(ProfileText)
    case mailbox(MailboxText)
    case users(UsersText)
    case contacts(ContactsText)
    case activity(ActivityText)

    // Dashboard
    case dashboardTitle
    case dashboardLead(String)
    case dashboardTwoFactorNudgeTitle
    case dashboardTwoFactorNudge
    case dashboardTwoFactorEnable
    case dashboardSummary
    case dashboardAccountName
    case dashboardAccountNumber
    case dashboardEmailState
    case dashboardTwoFactorState
    case dashboardShortcuts
    case stateVerified
    case stateUnverified
    case stateOn
    case stateOff
}

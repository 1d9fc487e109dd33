import HTTPServer

/// One-time messages shown on the page after a redirect ("Password changed"). Only the name of
/// a message travels in the cookie; a forged value can only pick another of our own messages.
public enum Flash: String, Sendable, CaseIterable {
    case signedOut = "signed-out"
    case sessionExpired = "session-expired"
    case checkEmail = "check-email"
    case emailVerified = "email-verified"
    case verificationSent = "verification-sent"
    case resetRequested = "reset-requested"
    case passwordReset = "password-reset"
    case passwordChanged = "password-changed"
    case profileSaved = "profile-saved"
    case preferencesSaved = "preferences-saved"
    case emailChangeRequested = "email-change-requested"
    case emailChanged = "email-changed"
    case twoFactorEnabled = "2fa-enabled"
    case twoFactorDisabled = "2fa-disabled"
    case recoveryCodesRegenerated = "recovery-codes"
    case sessionEnded = "session-ended"
    case otherSessionsEnded = "sessions-ended"
    case notificationsRead = "notifications-read"
    case contactCreated = "contact-created"
    case contactSaved = "contact-saved"
    case contactDeleted = "contact-deleted"
    case invited
    case invitationResent = "invitation-resent"
    case invitationCancelled = "invitation-cancelled"
    case accessUpdated = "access-updated"
    case accessUnchanged = "access-unchanged"
    case accessRevoked = "access-revoked"
    case delegateTwoFactorRequired = "2fa-required"
    case delegateTwoFactorNotRequired = "2fa-not-required"
    case leftAccount = "left-account"

    static let cookieName = "hs_flash"

    var kind: AlertKind {
        switch self {
        case .sessionExpired: return .warning
        default: return .success
        }
    }

    var text: Text { .flash(self) }

    static func from(_ request: Request) -> Flash? {
        request.cookies[cookieName].flatMap(Flash.init(rawValue:))
    }
}

extension Response {
    /// A 303 redirect that shows `flash` on the next page.
    static func redirect(to route: SiteRoute, flash: Flash?, query: [(String, String)] = []) -> Response {
        var response = Response.redirect(to: route.url(query: query))
        if let flash {
            response.setCookie(Cookie(name: Flash.cookieName, value: flash.rawValue, path: "/", maxAge: 120, httpOnly: true, secure: false, sameSite: .lax))
        }
        return response
    }
}

import HTTPServer

/// The one-line confirmations shown after a redirect on the Users and Switch account pages.
/// Only the name travels in the query string; an unknown or forged one shows nothing.
public enum UsersNotice: String, Sendable, Hashable, CaseIterable {
    case invited, resent, cancelled, updated, unchanged, revoked
    case twoFactorRequired = "2fa-required"
    case twoFactorNotRequired = "2fa-not-required"
    case left

    static let queryName = "done"

    static func from(_ request: Request) -> UsersNotice? {
        request.query[queryName].flatMap(UsersNotice.init(rawValue:))
    }
}

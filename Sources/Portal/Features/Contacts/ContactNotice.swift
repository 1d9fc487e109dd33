import HTTPServer

/// The one-time message on the list after a change ("The contact is created"). It works like
/// `Flash`, in a cookie of its own so this area's messages stay in its own catalog: only the
/// name travels, so a forged value can only pick another of these messages.
enum ContactNotice: String, Sendable, CaseIterable {
    case created, saved, deleted

    static let cookieName = "hs_contact_notice"
    static let cookiePath = SiteRoute.contacts.path

    var text: Text {
        switch self {
        case .created: return .contacts(.created)
        case .saved: return .contacts(.saved)
        case .deleted: return .contacts(.deleted)
        }
    }

    static func from(_ request: Request) -> ContactNotice? {
        request.cookies[cookieName].flatMap(ContactNotice.init(rawValue:))
    }
}

extension Response {
    /// A 303 redirect to the contact list that shows `notice` there once.
    static func redirect(toContactsWith notice: ContactNotice) -> Response {
        var response = Response.redirect(to: SiteRoute.contacts.path)
        response.setCookie(Cookie(name: ContactNotice.cookieName, value: notice.rawValue, path: ContactNotice.cookiePath,
                                  maxAge: 120, httpOnly: true, secure: false, sameSite: .lax))
        return response
    }

    /// Forgets the notice once a page has shown it.
    mutating func clearContactNotice() {
        setCookie(Cookie.expired(name: ContactNotice.cookieName, path: ContactNotice.cookiePath, secure: false))
    }
}

import HTTPServer

/// Resolves the session cookie into an `Identity` before authorization runs. Ended sessions are
/// noticed (the cookie is cleared and the login page says the session expired).
struct SessionMiddleware: Middleware {
    let identity: IdentityService
    let cookies: SessionCookies

    func respond(to request: Request, next: Responder) throws -> Response {
        var request = request
        var clearCookie = false
        if let token = request.cookies[cookies.name] {
            switch try identity.session(token: token) {
            case .valid(let found, let needsTouch):
                request.context.identity = found
                request.context.sessionToken = token
                if needsTouch { try identity.touch(sessionID: found.sessionID) }
            case .expired:
                request.context.sessionExpired = true
                clearCookie = true
            case .none:
                clearCookie = true
            }
        }
        var response = try next(request)
        if clearCookie && !response.headers.values("Set-Cookie").contains(where: { $0.hasPrefix(cookies.name + "=") }) {
            response.setCookie(cookies.expired())
            if request.context.sessionExpired {
                // The next page (usually the login form) says why the visitor must sign in again.
                response.setCookie(Cookie(name: Flash.cookieName, value: Flash.sessionExpired.rawValue, path: "/", maxAge: 120, httpOnly: true, secure: false, sameSite: .lax))
            }
        }
        return response
    }
}

/// The session cookie's name and attributes: `__Host-` prefix and Secure behind https, always
/// HttpOnly and SameSite=Lax, no Max-Age (the server decides when a session ends).
struct SessionCookies: Sendable {
    let name: String
    let secure: Bool

    init(https: Bool) {
        name = https ? "__Host-hs_session" : "hs_session"
        secure = https
    }

    func cookie(_ token: String) -> Cookie {
        Cookie(name: name, value: token, path: "/", maxAge: nil, httpOnly: true, secure: secure, sameSite: .lax)
    }

    func expired() -> Cookie {
        Cookie.expired(name: name, path: "/", secure: secure)
    }
}

import HTTPServer

/// Synchronizer tokens for every state-changing request from a browser. Before login the token is a
/// MAC of the visitor id held in an HttpOnly pre-session cookie (so login forms are protected too);
/// once signed in it is a MAC of the session token, so it changes whenever the session id does.
struct CSRFMiddleware: Middleware {
    static let fieldName = "_csrf"
    static let headerName = "X-CSRF-Token"

    let authenticator: MessageAuthenticator
    let cookieName: String
    let secureCookies: Bool

    init(key: [UInt8], https: Bool) {
        authenticator = MessageAuthenticator(key: key)
        cookieName = https ? "__Host-hs_visitor" : "hs_visitor"
        secureCookies = https
    }

    func token(for binding: String) -> String {
        Base64URL.encode(authenticator.tag("csrf:" + binding))
    }

    /// What a token is bound to: the session token once signed in, the visitor cookie before.
    static func binding(session token: String) -> String { "session:" + token }
    static func binding(visitor id: String) -> String { "visitor:" + id }

    func respond(to request: Request, next: Responder) throws -> Response {
        var request = request
        let existing = request.cookies[cookieName].flatMap { Base64URL.decode($0)?.count == 32 ? $0 : nil }
        let visitorID = existing ?? SecureRandom.token(bytes: 32)
        let binding = request.context.sessionToken.map(Self.binding(session:)) ?? Self.binding(visitor: visitorID)

        // Unmatched requests change nothing: they get their 404 or 405 whatever the token.
        if Self.isStateChanging(request.method), request.context.route != nil {
            let supplied = request.form[Self.fieldName] ?? request.headers[Self.headerName]
            guard existing != nil || request.context.sessionToken != nil, let supplied, let tag = Base64URL.decode(supplied),
                  authenticator.verify(tag, "csrf:" + binding)
            else {
                throw HTTPError(.forbidden, request.context.catalog(.errorCSRF))
            }
        }

        request.context.visitorID = visitorID
        request.context.csrfToken = token(for: binding)
        var response = try next(request)
        if existing == nil {
            response.setCookie(Cookie(name: cookieName, value: visitorID, path: "/", maxAge: nil, httpOnly: true, secure: secureCookies, sameSite: .lax))
        }
        return response
    }

    static func isStateChanging(_ method: HTTPMethod) -> Bool {
        switch method {
        case .POST, .PUT, .PATCH, .DELETE: return true
        case .GET, .HEAD, .OPTIONS: return false
        }
    }
}

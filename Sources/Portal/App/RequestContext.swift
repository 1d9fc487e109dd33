import HTTPServer

/// What middleware learns about a request and hands to the handlers: its id, its route, its
/// language and the visitor's CSRF token. Identity (user, account, permissions) joins it later.
public struct RequestContext: Sendable {
    public var requestID: String
    public var route: SiteRoute?
    /// The route's name for logs and metrics ("unmatched" for 404s).
    public var routeName: String
    public var catalog: Catalog
    /// The synchronizer token every form of this visitor must carry back.
    public var csrfToken: String = ""
    /// The pre-session visitor id the CSRF token is bound to.
    public var visitorID: String = ""

    /// The signed-in visitor, when the session cookie names a live session.
    public var identity: Identity?
    /// The raw session token (the CSRF token is bound to it once signed in).
    var sessionToken: String?
    /// The cookie named a session that has ended (idle or absolute timeout): pages say so.
    public var sessionExpired = false

    public init(requestID: String, route: SiteRoute.Matched?, catalog: Catalog) {
        self.requestID = requestID
        self.route = route?.route
        self.routeName = route?.name ?? "unmatched"
        self.catalog = catalog
    }
}

enum RequestContextKey: ExtensionKey {
    typealias Value = RequestContext
}

extension Request {
    /// The context set by `RequestIDMiddleware`; a placeholder only when called outside the chain.
    var context: RequestContext {
        get { extensions[RequestContextKey.self] ?? RequestContext(requestID: "-", route: nil, catalog: Catalog(.english)) }
        set { extensions[RequestContextKey.self] = newValue }
    }
}

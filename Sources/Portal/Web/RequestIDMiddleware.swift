import HTTPServer

/// Gives every request an id (an incoming X-Request-Id from a trusted proxy is kept when well-formed),
/// resolves its route and language, and echoes the id on the response.
struct RequestIDMiddleware: Middleware {
    func respond(to request: Request, next: Responder) throws -> Response {
        var request = request
        let id = Self.acceptable(request.headers["X-Request-Id"]) ?? SecureRandom.token(bytes: 12)
        var route: SiteRoute.Matched?
        if case .matched(let matched) = SiteRoute.match(request) {
            route = matched
        }
        let catalog = Catalog(Language.negotiate(acceptLanguage: request.headers["Accept-Language"]))
        request.context = RequestContext(requestID: id, route: route, catalog: catalog)
        var response = try next(request)
        response.headers["X-Request-Id"] = id
        return response
    }

    /// Ids from outside are echoed into logs and pages, so only short plain tokens are kept.
    static func acceptable(_ value: String?) -> String? {
        guard let value, (8...64).contains(value.utf8.count),
              value.utf8.allSatisfy({ $0 == 45 || $0 == 95 || $0 == 46 || (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) })
        else { return nil }
        return value
    }
}

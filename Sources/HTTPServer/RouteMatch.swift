/// The outcome of matching a request against a `Router`.
public enum RouteMatch<Route: Sendable>: Sendable {
    case matched(Route)
    case notFound
    /// The path exists for other methods; answer 405 with an `Allow` header listing `allowed`.
    case methodNotAllowed(allowed: [HTTPMethod])
}

extension RouteMatch {
    /// The `Allow` header value for a 405 response.
    public static func allowHeader(_ methods: [HTTPMethod]) -> String {
        methods.map(\.rawValue).joined(separator: ", ")
    }
}

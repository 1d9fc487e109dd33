

/// Maps method + path to the app's route values.
///
/// Patterns are `/`-separated: literal segments, `:name` for one non-empty segment, and a final
/// `*name` for the rest of the path (one or more segments, joined with `/`). Routes are tried in
/// registration order; a `build` closure returning nil lets later routes try (e.g. `/users/new`
/// registered after `/users/:id` still matches when `:id` must be numeric).
///
///     enum Route: Sendable { case home, user(Int) }
///     var router = Router<Route>()
///     router.add(.GET, "/") { _ in .home }
///     router.add(.GET, "/users/:id") { p in p.int("id").map(Route.user) }
public struct Router<Route: Sendable>: Sendable {
    private enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
        case rest(String)
    }

    private struct Entry: Sendable {
        let method: HTTPMethod
        let segments: [Segment]
        let build: @Sendable (PathParameters) -> Route?
    }

    private var entries: [Entry] = []

    public init() {}

    /// Registers `pattern` for `method`. GET routes also answer HEAD.
    public mutating func add(_ method: HTTPMethod, _ pattern: String, _ build: @escaping @Sendable (PathParameters) -> Route?) {
        let segments = Router.split(pattern[...]).map { s -> Segment in
            if s.hasPrefix(":") { return .parameter(String(s.dropFirst())) }
            if s.hasPrefix("*") { return .rest(String(s.dropFirst())) }
            return .literal(String(s))
        }
        entries.append(Entry(method: method, segments: segments, build: build))
    }

    /// Matches a decoded path (`Request.path`). A `%2F` inside a segment has already become `/`
    /// there; prefer `match(_ request:)`, which splits the raw path before decoding.
    public func match(method: HTTPMethod, path: String) -> RouteMatch<Route> {
        match(method: method, segments: Router.split(path[...]).map(String.init))
    }

    /// Matches a request, splitting its raw path into segments before percent-decoding each.
    public func match(_ request: Request) -> RouteMatch<Route> {
        let segments = Router.split(request.rawPath).map { PercentDecoding.decodeLenient($0, plusAsSpace: false) }
        return match(method: request.method, segments: segments)
    }

    private func match(method: HTTPMethod, segments: [String]) -> RouteMatch<Route> {
        var allowed: [HTTPMethod] = []
        // HEAD prefers explicit HEAD routes, then falls back to GET.
        let wanted: [HTTPMethod] = method == .HEAD ? [.HEAD, .GET] : [method]
        for want in wanted {
            for entry in entries where entry.method == want {
                if let params = bind(entry.segments, segments), let route = entry.build(params) {
                    return .matched(route)
                }
            }
        }
        for entry in entries where !wanted.contains(entry.method) && !allowed.contains(entry.method) {
            if let params = bind(entry.segments, segments), entry.build(params) != nil {
                allowed.append(entry.method)
            }
        }
        if allowed.isEmpty { return .notFound }
        if allowed.contains(.GET) && !allowed.contains(.HEAD) { allowed.append(.HEAD) }
        return .methodNotAllowed(allowed: HTTPMethod.allCases.filter(allowed.contains))
    }

    private func bind(_ pattern: [Segment], _ path: [String]) -> PathParameters? {
        // Most entries differ in length from the path: refuse them before comparing any text.
        if pattern.count != path.count {
            guard case .rest = pattern.last, path.count >= pattern.count else { return nil }
        }
        var params: [(String, String)] = []
        var i = 0
        for (k, segment) in pattern.enumerated() {
            switch segment {
            case .literal(let l):
                guard i < path.count, path[i] == l else { return nil }
            case .parameter(let name):
                guard i < path.count, !path[i].isEmpty else { return nil }
                params.append((name, path[i]))
            case .rest(let name):
                guard k == pattern.count - 1, i < path.count, !path[i...].allSatisfy(\.isEmpty) else { return nil }
                params.append((name, path[i...].joined(separator: "/")))
                return PathParameters(params)
            }
            i += 1
        }
        return i == path.count ? PathParameters(params) : nil
    }

    /// "/a/b/" → ["a", "b", ""]; "/" → []. The trailing empty segment keeps "/x/" distinct from "/x".
    private static func split(_ path: Substring) -> [Substring] {
        var p = path
        if p.first == "/" { p = p.dropFirst() }
        if p.isEmpty { return [] }
        return p.split(separator: "/", omittingEmptySubsequences: false)
    }
}

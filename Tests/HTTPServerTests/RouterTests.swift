import Testing
@testable import HTTPServer

enum TestRoute: Sendable, Equatable {
    case home, users, user(Int), newUser, file(String), createUser, deleteUser(Int), slash, tree(String)
}

private func makeRouter() -> Router<TestRoute> {
    var r = Router<TestRoute>()
    r.add(.GET, "/") { _ in .home }
    r.add(.GET, "/users") { _ in .users }
    r.add(.POST, "/users") { _ in .createUser }
    r.add(.GET, "/users/:id") { p in p.int("id").map(TestRoute.user) }
    r.add(.GET, "/users/new") { _ in .newUser }
    r.add(.DELETE, "/users/:id") { p in p.int("id").map(TestRoute.deleteUser) }
    r.add(.GET, "/files/:name") { p in p["name"].map(TestRoute.file) }
    r.add(.GET, "/slash/") { _ in .slash }
    r.add(.GET, "/tree/*rest") { p in p["rest"].map(TestRoute.tree) }
    return r
}

@Suite struct RouterTests {
    let router = makeRouter()

    func matched(_ m: RouteMatch<TestRoute>) -> TestRoute? {
        if case .matched(let r) = m { return r }
        return nil
    }

    @Test func matchesLiteralsAndParameters() {
        #expect(matched(router.match(method: .GET, path: "/")) == .home)
        #expect(matched(router.match(method: .GET, path: "/users")) == .users)
        #expect(matched(router.match(method: .POST, path: "/users")) == .createUser)
        #expect(matched(router.match(method: .GET, path: "/users/42")) == .user(42))
        #expect(matched(router.match(method: .DELETE, path: "/users/7")) == .deleteUser(7))
    }

    @Test func buildReturningNilFallsThroughToLaterRoutes() {
        #expect(matched(router.match(method: .GET, path: "/users/new")) == .newUser)
        guard case .notFound = router.match(method: .GET, path: "/users/abc") else {
            Issue.record("expected 404 for a non-numeric id")
            return
        }
    }

    @Test func unknownPathIsNotFound() {
        guard case .notFound = router.match(method: .GET, path: "/nope") else { Issue.record("expected 404"); return }
        guard case .notFound = router.match(method: .GET, path: "/users/1/extra") else { Issue.record("expected 404"); return }
    }

    @Test func wrongMethodListsAllowedMethodsIncludingHead() {
        guard case .methodNotAllowed(let allowed) = router.match(method: .PUT, path: "/users/3") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.GET, .HEAD, .DELETE])
        #expect(RouteMatch<TestRoute>.allowHeader(allowed) == "GET, HEAD, DELETE")
    }

    @Test func headMatchesGetRoutes() {
        #expect(matched(router.match(method: .HEAD, path: "/users/5")) == .user(5))
    }

    @Test func trailingSlashIsDistinct() {
        guard case .notFound = router.match(method: .GET, path: "/users/") else { Issue.record("/users/ matched"); return }
        #expect(matched(router.match(method: .GET, path: "/slash/")) == .slash)
        guard case .notFound = router.match(method: .GET, path: "/slash") else { Issue.record("/slash matched"); return }
    }

    @Test func parametersArePercentDecoded() {
        let request = Request.assemble(method: .GET, rawTarget: "/files/a%20b%2Fc", headers: HTTPHeaders(),
                                       remoteAddress: "127.0.0.1", body: BodyReader.Result())
        #expect(request.path == "/files/a b/c")
        #expect(matched(router.match(request)) == .file("a b/c"))
        #expect(matched(router.match(method: .GET, path: "/files/caf\u{e9}")) == .file("caf\u{e9}"))
    }

    @Test func restParameterTakesRemainingSegments() {
        #expect(matched(router.match(method: .GET, path: "/tree/a/b/c")) == .tree("a/b/c"))
        guard case .notFound = router.match(method: .GET, path: "/tree") else { Issue.record("empty rest matched"); return }
    }

    @Test func encodingHelpersRoundTrip() {
        #expect(PathEncoding.segment("a b/ü") == "a%20b%2F%C3%BC")
        #expect(PathEncoding.path(["users", "x y"]) == "/users/x%20y")
        #expect(QueryEncoding.encode([("q", "a b&c"), ("n", "é")]) == "q=a+b%26c&n=%C3%A9")
    }
}

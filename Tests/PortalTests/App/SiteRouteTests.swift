import HTTPServer
import Testing
@testable import Portal

@Suite("SiteRoute: one enum parses every request and prints every URL")
struct SiteRouteTests {
    @Test("every case prints a URL that parses back to the same case", arguments: SiteRoute.samples)
    func roundTrip(route: SiteRoute) throws {
        // MUT
        let request = Request(method: route.method, path: PathEncoding.decode(route.path) ?? route.path, rawTarget: route.url(),
                              query: FormData(), headers: HTTPHeaders(), cookies: [:], remoteAddress: "127.0.0.1",
                              body: [], form: FormData(), files: [], bodyError: nil)
        let match = SiteRoute.match(request)
        // validate
        guard case .matched(let matched) = match else {
            Issue.record("\(route.path) did not match")
            return
        }
        #expect(matched.route == route)
        #expect(matched.name == route.name)
    }

    @Test("the samples cover every entry of the route table")
    func samplesCoverEveryEntry() {
        let covered = Set(SiteRoute.samples.map(\.name))
        let declared = Set(SiteRoute.entries.map(\.name))
        #expect(declared.subtracting(covered).isEmpty, "entries without a sample: \(declared.subtracting(covered).sorted())")
        #expect(declared.count == SiteRoute.entries.count, "two entries share a name")
    }

    @Test("an unknown path is not found and a known path with the wrong method lists the allowed ones")
    func notFoundAndMethodNotAllowed() {
        guard case .notFound = SiteRoute.match(method: .GET, path: "/no/such/page") else {
            Issue.record("expected notFound")
            return
        }
        guard case .methodNotAllowed(let allowed) = SiteRoute.match(method: .DELETE, path: "/login") else {
            Issue.record("expected methodNotAllowed")
            return
        }
        #expect(Set(allowed) == [.GET, .HEAD, .POST])
    }

    @Test("path parameters are percent-encoded when printed and decoded when parsed")
    func parametersAreEncoded() {
        let route = SiteRoute.sessionEndSubmit("a b/c")
        #expect(route.path == "/account/security/sessions/a%20b%2Fc/end")
    }

    @Test("absolute URLs come from the configured public URL, never from the request")
    func absoluteURLUsesPublicURL() {
        let url = SiteRoute.passwordReset.absoluteURL(base: "https://panel.hosterra.example", query: [("token", "a+b=")])
        #expect(url == "https://panel.hosterra.example/password/reset?token=a%2Bb%3D")
    }
}

import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Middleware: request ids, security headers, error pages, CSRF")
struct MiddlewareTests {
    @Test("every response carries the security headers, error pages included", arguments: ["/login", "/no/such/page", "/healthz", "/"])
    func securityHeaders(path: String) throws {
        let app = try TestApp()
        let response = try app.client.get(path)
        let csp = try #require(response.headers["Content-Security-Policy"])
        #expect(csp.contains("default-src 'self'"))
        #expect(csp.contains("frame-ancestors 'none'"))
        #expect(!csp.contains("unsafe-inline"))
        #expect(response.headers["X-Content-Type-Options"] == "nosniff")
        #expect(response.headers["Referrer-Policy"] == "same-origin")
        #expect(response.headers["Strict-Transport-Security"] == nil)
    }

    @Test("behind https: HSTS, and __Host- Secure cookies")
    func httpsHardening() throws {
        let app = try TestApp { $0.publicURL = "https://panel.hosterra.example" }
        let response = try app.client.get("/login")
        #expect(response.headers["Strict-Transport-Security"]?.contains("max-age=") == true)
        let cookie = try #require(response.headers.values("Set-Cookie").first { $0.hasPrefix("__Host-hs_visitor=") })
        #expect(cookie.contains("Secure"))
        let flash = try app.browser().submit("/password/forgot", form: [("email", "someone@example.com")], from: "/password/forgot")
        #expect(flash.headers.values("Set-Cookie").contains { $0.hasPrefix("hs_flash=") && $0.contains("; Secure") })
        #expect(cookie.contains("HttpOnly"))
        #expect(cookie.contains("Path=/"))
    }

    @Test("a request id is made, echoed in the header and shown on error pages")
    func requestID() throws {
        let app = try TestApp()
        let response = try app.client.get("/no/such/page")
        let id = try #require(response.headers["X-Request-Id"])
        #expect(response.status == .notFound)
        #expect(response.text.contains(id))
        let given = try app.client.get("/healthz", headers: [("X-Request-Id", "trace-1234567")])
        #expect(given.headers["X-Request-Id"] == "trace-1234567")
        let hostile = try app.client.get("/healthz", headers: [("X-Request-Id", "<script>alert(1)</script>")])
        #expect(hostile.headers["X-Request-Id"] != "<script>alert(1)</script>")
    }

    @Test("the client address comes from X-Forwarded-For only when the peer is a trusted proxy")
    func clientAddressBehindProxy() throws {
        let direct = try TestApp()
        let proxied = try TestApp { $0.trustedProxies = ["127.0.0.1"] }
        for app in [direct, proxied] {
            _ = try app.browser().submit("/login", form: [("email", "ghost@example.com"), ("password", "wrong password 123")], from: "/login",
                                         headers: [("X-Forwarded-For", "198.51.100.7, 203.0.113.9")])
        }
        let seen = { (app: TestApp) in try app.database.read { db in try db.query(String.self, "SELECT ip FROM login_attempts") } }
        #expect(try seen(direct) == ["127.0.0.1"], "an untrusted peer cannot choose its address")
        #expect(try seen(proxied) == ["203.0.113.9"], "behind the proxy the last forwarded hop is the client")
        #expect(ClientAddressMiddleware.isIPAddress("203.0.113.9") && ClientAddressMiddleware.isIPAddress("2001:db8::1"))
        #expect(!ClientAddressMiddleware.isIPAddress("203.0.113.9:51234"), "a port would give each connection its own key")
        #expect(!ClientAddressMiddleware.isIPAddress("[2001:db8::1]:443") && !ClientAddressMiddleware.isIPAddress("unknown"))
        // Every peer is the proxy there: capping connections per peer would cap all customers together.
        #expect(direct.app.serverConfiguration.perAddressConnectionLimit == 64)
        #expect(proxied.app.serverConfiguration.perAddressConnectionLimit == 0)
    }

    @Test("a wrong method gets 405 with an Allow header")
    func methodNotAllowed() throws {
        let app = try TestApp()
        let response = try app.client.send(.DELETE, "/login")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"]?.contains("POST") == true)
        #expect(response.text.contains("does not accept"))
    }

    @Test("API clients get errors as JSON with the request id")
    func jsonErrors() throws {
        let app = try TestApp()
        let response = try app.client.get("/no/such/page", headers: [("Accept", "application/json")])
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"]?.hasPrefix("application/json") == true)
        #expect(response.text.contains("\"request_id\""))
    }

    @Test("a form without a CSRF token gets a clear 403 page, and so does a forged one")
    func csrfRequired() throws {
        let app = try TestApp()
        let browser = app.browser()
        _ = try browser.get("/login")
        let missing = try browser.post("/login", form: [("email", "a@example.com"), ("password", "x")])
        #expect(missing.status == .forbidden)
        #expect(missing.text.contains("This form expired or did not come from this site"))
        let forged = try browser.post("/login", form: [("_csrf", "AAAA"), ("email", "a@example.com"), ("password", "x")])
        #expect(forged.status == .forbidden)
        // A token taken from another visitor is worthless here.
        let other = app.browser()
        let stolen = csrfToken(in: try other.get("/login").text) ?? ""
        let replayed = try browser.post("/login", form: [("_csrf", stolen), ("email", "a@example.com"), ("password", "x")])
        #expect(replayed.status == .forbidden)
        let header = try browser.post("/login", form: [("email", "a@example.com"), ("password", "x")],
                                      headers: [("X-CSRF-Token", csrfToken(in: try browser.get("/login").text) ?? "")])
        #expect(header.status != .forbidden)
    }

    @Test("the CSRF token changes when the visitor signs in")
    func csrfBoundToSession() throws {
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app, verify: false)
        try browser.submit("/logout", form: [], from: "/")
        let before = csrfToken(in: try browser.get("/login").text)
        try person.logIn(browser)
        let after = csrfToken(in: try browser.get("/").text)
        #expect(before != nil && after != nil && before != after)
        let stale = try browser.post("/logout", form: [("_csrf", before ?? "")])
        #expect(stale.status == .forbidden)
    }

    @Test("an oversized body gets a 413 page and the connection is closed")
    func bodyTooLarge() throws {
        let app = try TestApp { $0.maxBodyBytes = 1024 }
        let client = TestClient(app.app.responder, configuration: app.app.serverConfiguration)
        let body = Array(("email=" + String(repeating: "a", count: 4000)).utf8)
        let response = try client.send(.POST, "/login", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: body)
        #expect(response.status == .payloadTooLarge)
        #expect(response.text.contains("1 KiB"))
        #expect(response.headers["Connection"] == "close")
    }

    @Test("invalid UTF-8 in a form gets a 400 page")
    func malformedForm() throws {
        let app = try TestApp()
        let response = try app.client.send(.POST, "/login", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: Array("email=%FF%FE".utf8))
        #expect(response.status == .badRequest)
        #expect(response.text.contains("could not be understood"))
    }

    @Test("assets are served under fingerprinted names with a one-year immutable lifetime")
    func fingerprintedAssets() throws {
        let app = try TestApp()
        let page = try app.client.get("/login").text
        let cssPath = app.app.assets.url("app.css")
        #expect(page.contains(cssPath))
        #expect(cssPath.range(of: #"^/assets/app\.[0-9a-f]{16}\.css$"#, options: .regularExpression) != nil)
        let css = try app.client.get(cssPath)
        #expect(css.status == .ok)
        #expect(css.headers["Cache-Control"] == "public, max-age=31536000, immutable")
        #expect(css.headers["Content-Type"]?.hasPrefix("text/css") == true)
        #expect(try app.client.get("/assets/app.0000000000000000.css").status == .notFound)
    }

    @Test("health, readiness and metrics answer")
    func operations() throws {
        let app = try TestApp()
        #expect(try app.client.get("/healthz").text == "ok\n")
        #expect(try app.client.get("/readyz").status == .ok)
        _ = try app.client.get("/login")
        let metrics = try app.client.get("/metrics").text
        #expect(metrics.contains("hosterra_http_requests_total{route=\"login\",method=\"GET\",status=\"200\"} 1"))
        #expect(metrics.contains("hosterra_http_request_duration_seconds_bucket{route=\"login\""))
        #expect(metrics.contains("hosterra_db_queries_total"))
        app.app.database.close()
        #expect(try app.client.get("/readyz").status == .serviceUnavailable)
    }

    @Test("a database that is gone gives a 503 page, not a crash")
    func databaseDown() throws {
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        app.app.database.close()
        let response = try browser.get("/")
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers["Retry-After"] != nil)
    }
}

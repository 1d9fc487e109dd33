import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

/// Every route against every kind of visitor: the response must show the decision the table gives.
@Suite("Authorization table")
struct AuthorizationTableTests {
    enum Visitor: String, CaseIterable, CustomStringConvertible {
        case anonymous
        case pendingSecondFactor
        case owner
        case userWithoutAccount
        var description: String { rawValue }
    }

    static func allowed(_ access: Access, for visitor: Visitor) -> Bool {
        switch access {
        case .everyone, .localOnly: return true
        case .secondFactor: return visitor == .pendingSecondFactor
        case .session: return visitor != .anonymous
        case .user: return visitor == .owner || visitor == .userWithoutAccount
        case .member, .permission, .owner: return visitor == .owner
        }
    }

    /// Signs a visitor in the way the test needs and returns its browser.
    static func browser(for visitor: Visitor, in app: TestApp) throws -> TestSession {
        switch visitor {
        case .anonymous:
            return app.browser()
        case .owner:
            return try Person.make().signUpAndLogIn(app)
        case .userWithoutAccount:
            let person = Person.make()
            let browser = try person.signUpAndLogIn(app)
            try app.database.write { db in
                try db.execute("DELETE FROM memberships WHERE user_id = (SELECT id FROM users WHERE email = \(person.email))")
            }
            return browser
        case .pendingSecondFactor:
            let person = Person.make()
            let browser = try person.signUpAndLogIn(app)
            try browser.submit("/logout", form: [], from: "/")
            try app.database.write { db in
                try db.execute("UPDATE users SET totp_secret = \([UInt8](repeating: 1, count: 40)), totp_enabled_at = \(Date()) WHERE email = \(person.email)")
            }
            try person.logIn(browser)
            return browser
        }
    }

    /// Whether a response is the authorization middleware saying no.
    static func isDenial(_ response: TestResponse, route: SiteRoute, visitor: Visitor) -> Bool {
        let catalog = Catalog(.english)
        if route.access == .secondFactor, visitor == .owner || visitor == .userWithoutAccount {
            return (response.status == .seeOther && response.location == "/")
                || (response.status == .forbidden && response.text.contains(htmlEscaped(catalog(.errorAlreadySignedIn))))
        }
        if response.status == .seeOther, let location = response.location {
            return location.hasPrefix("/login") || location == "/accounts"
        }
        if response.status == .forbidden {
            let texts = [catalog(.errorSignInFirst), catalog(.errorSecondFactorFirst), catalog(.errorNoAccount),
                         catalog(.errorOwnerOnly), catalog(.errorDelegateTwoFactor)]
            return texts.contains { response.text.contains(htmlEscaped($0)) } || response.text.contains("permission, which you do not have")
        }
        return false
    }

    static func htmlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    @Test("each visitor gets exactly what the table allows on every route", arguments: Visitor.allCases)
    func everyRouteEveryVisitor(visitor: Visitor) throws {
        // setup
        let app = try TestApp()
        for route in SiteRoute.samples where route != .logout {
            let browser = try Self.browser(for: visitor, in: app)
            // MUT
            let response: TestResponse
            if route.method == .GET {
                response = try browser.get(route.path)
            } else {
                let token = csrfToken(in: try browser.get("/password/forgot").text) ?? ""
                response = try browser.post(route.path, form: [("_csrf", token)])
            }
            // validate
            let expectAllowed = Self.allowed(route.access, for: visitor)
            let denied = Self.isDenial(response, route: route, visitor: visitor)
            #expect(denied != expectAllowed, "\(visitor) on \(route.method) \(route.path): status \(response.status.code) \(response.location ?? "")")
        }
    }

    @Test("logout needs a session: anonymous posts are refused, signed-in ones end the session")
    func logoutNeedsSession() throws {
        let app = try TestApp()
        let anonymous = app.browser()
        let refused = try anonymous.submit("/logout", form: [], from: "/login")
        #expect(refused.status == .forbidden)
        let owner = try Person.make().signUpAndLogIn(app)
        let done = try owner.submit("/logout", form: [], from: "/")
        #expect(done.status == .seeOther)
        #expect(try owner.get("/").location?.hasPrefix("/login") == true)
    }

    @Test("metrics are refused to a request forwarded by a proxy")
    func metricsNotThroughProxy() throws {
        let app = try TestApp()
        let local = try app.client.get("/metrics")
        let forwarded = try app.client.get("/metrics", headers: [("X-Forwarded-For", "203.0.113.9")])
        #expect(local.status == .ok)
        #expect(forwarded.status == .notFound)
    }
}

import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

/// Every route against every kind of visitor: the response must show the decision the table gives.
@Suite("Authorization table")
struct AuthorizationTableTests {
    /// The kinds of visitor the table must tell apart.
    enum Visitor: Hashable, CustomStringConvertible, Sendable {
        case anonymous
        case pendingSecondFactor
        case owner
        case userWithoutAccount
        case fullAccessDelegate
        case delegate(Permission)
        case expiredDelegate
        case revokedDelegate

        static let all: [Visitor] = [.anonymous, .pendingSecondFactor, .owner, .userWithoutAccount, .fullAccessDelegate,
                                     .expiredDelegate, .revokedDelegate] + Permission.allCases.map(Visitor.delegate)

        var description: String {
            switch self {
            case .anonymous: return "anonymous"
            case .pendingSecondFactor: return "pending second factor"
            case .owner: return "owner"
            case .userWithoutAccount: return "user without account"
            case .fullAccessDelegate: return "full-access delegate"
            case .delegate(let permission): return "delegate holding \(permission.rawValue)"
            case .expiredDelegate: return "expired delegate"
            case .revokedDelegate: return "revoked delegate"
            }
        }

        /// Signed in with a complete session.
        var isFull: Bool { self != .anonymous && self != .pendingSecondFactor }
        /// Inside an account with a live membership.
        var hasAccount: Bool {
            switch self {
            case .owner, .fullAccessDelegate, .delegate: return true
            default: return false
            }
        }
    }

    static func allowed(_ access: Access, for visitor: Visitor) -> Bool {
        switch access {
        case .everyone, .localOnly: return true
        case .secondFactor: return visitor == .pendingSecondFactor
        case .session: return visitor != .anonymous
        case .user: return visitor.isFull
        case .member: return visitor.hasAccount
        case .owner: return visitor == .owner
        case .permission(let permission):
            switch visitor {
            case .owner, .fullAccessDelegate: return true
            case .delegate(let held): return held == permission
            default: return false
            }
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
        case .fullAccessDelegate:
            return try app.delegate(holding: [], fullAccess: true).delegateBrowser
        case .delegate(let permission):
            return try app.delegate(holding: [permission]).delegateBrowser
        case .expiredDelegate:
            let access = try app.delegate(holding: Set(Permission.allCases), expiresAt: app.time.current.addingTimeInterval(3600))
            app.time.advance(by: 3601)
            // Keep the session itself alive: only the delegation has ended.
            try app.database.write { db in try db.execute("UPDATE sessions SET last_seen_at = \(app.time.current)") }
            return access.delegateBrowser
        case .revokedDelegate:
            let access = try app.delegate(holding: Set(Permission.allCases))
            try access.ownerBrowser.submit("/account/users/\(access.membershipPublicID)/revoke", form: [], from: "/account/users")
            return access.delegateBrowser
        }
    }

    /// Whether a response is the authorization middleware saying no.
    static func isDenial(_ response: TestResponse, route: SiteRoute, visitor: Visitor) -> Bool {
        let catalog = Catalog(.english)
        if route.access == .secondFactor, visitor.isFull {
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

    @Test("each visitor gets exactly what the table allows on every route", arguments: Visitor.all)
    func everyRouteEveryVisitor(visitor: Visitor) throws {
        // setup
        let app = try TestApp()
        // One visitor per test case: no sample request changes who the visitor is (logout is tested apart).
        let browser = try Self.browser(for: visitor, in: app)
        for route in SiteRoute.samples where route != .logout {
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

import Foundation
import HTTPServer
import Testing
@testable import Portal

/// Reading the Security pages the way a person does: the key under the QR code, the recovery
/// codes shown once, the session ids in the "End" forms.
enum SecurityPageReader {
    static func key(in html: String) -> [UInt8]? {
        guard let start = html.range(of: "id=\"totp-key\">") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.firstIndex(of: "<") else { return nil }
        return Base32.decode(String(rest[..<end]))
    }

    static func recoveryCodes(in html: String) -> [String] {
        html.components(separatedBy: "<li><code>").dropFirst().compactMap { part in
            part.components(separatedBy: "</code>").first
        }
    }

    static func endableSessionIDs(in html: String) -> [String] {
        html.components(separatedBy: "action=\"/account/security/sessions/").dropFirst().compactMap { part in
            guard let id = part.components(separatedBy: "/end\"").first, id != part else { return nil }
            return id
        }
    }
}

/// A person with two-factor authentication on, and the browser that turned it on.
struct EnrolledPerson {
    let person: Person
    let browser: TestSession
    let secret: [UInt8]
    let recoveryCodes: [String]

    /// Signs up, logs in and turns 2FA on through the pages, like a person with an authenticator app.
    static func make(_ app: TestApp, name: String = "Grace Hopper") throws -> EnrolledPerson {
        let person = Person.make(name)
        let browser = try person.signUpAndLogIn(app)
        let setup = try browser.get("/account/security/2fa")
        let secret = try #require(SecurityPageReader.key(in: setup.text))
        let enabled = try browser.post("/account/security/2fa", form: [("_csrf", csrfToken(in: setup.text) ?? ""), ("code", app.code(secret)), ("current_password", person.password)])
        #expect(enabled.status == .ok)
        let codes = SecurityPageReader.recoveryCodes(in: enabled.text)
        #expect(codes.count == 10)
        return EnrolledPerson(person: person, browser: browser, secret: secret, recoveryCodes: codes)
    }

    /// A new browser past the password step, waiting at /login/2fa.
    func pendingBrowser(_ app: TestApp) throws -> TestSession {
        let browser = app.browser()
        let response = try person.logIn(browser)
        #expect(response.location == "/login/2fa")
        return browser
    }
}

extension TestApp {
    /// The app code for the manual clock's current step, shifted by `steps`.
    func code(_ secret: [UInt8], steps: Int64 = 0) -> String {
        TOTP.code(secret: secret, step: TOTP.step(at: app.clock.now()) + steps)
    }

    /// Six digits that are not the code of any step the server would accept now.
    func wrongCode(_ secret: [UInt8]) -> String {
        let accepted = Set((-1...1).map { code(secret, steps: Int64($0)) })
        return ["000000", "111111", "222222", "333333"].first { !accepted.contains($0) } ?? "444444"
    }

    /// Moves to the next 30-second step, so a new code is accepted.
    func nextStep() { time.advance(by: 30) }

    func userID(_ email: String) throws -> Int64 {
        try #require(try database.read { db in try UserStore.user(email: email, db) }).id
    }
}

extension TestSession {
    func enterSecondFactor(_ code: String) throws -> TestResponse {
        try submit("/login/2fa", form: [("code", code)], from: "/login/2fa")
    }
}

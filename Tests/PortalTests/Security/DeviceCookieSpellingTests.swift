import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Device cookies: one issued cookie, one count")
struct DeviceCookieSpellingTests {
    /// The same cookie spelled otherwise, as a lenient base64 decoder would read it: padded, or with
    /// the unused low bits of the tag's last character set (a 32-byte tag leaves two of them).
    static func respellings(of cookie: String) throws -> [String] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let last = try #require(cookie.last)
        let index = try #require(alphabet.firstIndex(of: last))
        #expect(index & 3 == 0, "a canonical 32-byte tag ends on a character with both unused bits clear")
        return [cookie + "=", cookie + "==", String(cookie.dropLast()) + String(alphabet[index | 1]),
                String(cookie.dropLast()) + String(alphabet[index | 3])]
    }

    @Test("a forged issue time is refused before any arithmetic: no sign, no overflow, no more than 12 digits",
          arguments: ["-9223372036854775808", "9223372036854775807", "+1796342400", "-1", "", "1796342400000000", "17963424OO"])
    func forgedIssueTime(issued: String) throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let cookie = try #require(try person.signUpAndLogIn(app).cookies["hs_device"])
        let forged = issued + cookie.drop { $0 != "." }
        let browser = app.browser()
        browser.setCookie("hs_device", forged)
        // MUT
        let login = try browser.submit("/login", form: [("email", person.email), ("password", "wrong password number x")], from: "/login")
        // validate: answered like any wrong password from an unknown browser (the process is still here to answer)
        #expect(login.status == .unprocessableContent)
        #expect(app.app.services.identity.devices.recognises(forged, userID: try app.ids(of: person.email).user,
                                                              stamp: "", now: app.time.current) == nil)
    }

    @Test("re-spelled copies of a device cookie get no counts of their own: the tenth failure across them locks them all")
    func respelledCookiesShareTheLock() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let cookie = try #require(try person.signUpAndLogIn(app).cookies["hs_device"])
        let spellings = try Self.respellings(of: cookie)
        func attempt(_ spelling: String, password: String) throws -> TestResponse {
            let browser = app.browser()
            browser.setCookie("hs_device", spelling)
            return try browser.submit("/login", form: [("email", person.email), ("password", password)], from: "/login")
        }
        // MUT: the failures spread over the spellings, each past any delay.
        var statuses: [HTTPStatus] = []
        for index in 0..<IdentityService.lockThreshold {
            statuses.append(try attempt(spellings[index % spellings.count], password: "wrong password number x").status)
            app.time.advance(by: 31)
        }
        let afterwards = try spellings.map { try attempt($0, password: person.password) }
        // validate
        #expect(statuses.allSatisfy { $0 == .unprocessableContent })
        for response in afterwards {
            #expect(response.status == .tooManyRequests)
            #expect(response.text.contains("sign-in is paused"))
        }
    }

    @Test("a device cookie's count key is its own, the same each time it is shown, and none for a re-spelled copy")
    func recognisedKey() throws {
        // setup
        let devices = DeviceCookies(keys: try KeyRing(master: SecureRandom.bytes(32)), https: false)
        let now = Date()
        let first = devices.value(userID: 7, stamp: "hash", now: now)
        let second = devices.value(userID: 7, stamp: "hash", now: now)
        // MUT
        let key = devices.recognises(first, userID: 7, stamp: "hash", now: now)
        let again = devices.recognises(first, userID: 7, stamp: "hash", now: now.addingTimeInterval(60))
        let other = devices.recognises(second, userID: 7, stamp: "hash", now: now)
        let respelled = try Self.respellings(of: first).map { devices.recognises($0, userID: 7, stamp: "hash", now: now) }
        // validate
        #expect(key != nil)
        #expect(again == key)
        #expect(other != nil && other != key)
        #expect(devices.recognises(first, userID: 8, stamp: "hash", now: now) == nil)
        #expect(devices.recognises(first, userID: 7, stamp: "new hash", now: now) == nil)
        #expect(respelled.allSatisfy { $0 == nil }, "\(respelled)")
    }
}

import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Sign-up, verification, login and logout")
struct AuthFlowTests {
    @Test("a new customer signs up, verifies the emailed link, logs in and reaches the dashboard")
    func signUpVerifyLogIn() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        // MUT
        let browser = try person.signUpAndLogIn(app)
        let dashboard = try browser.get("/")
        // validate
        #expect(dashboard.status == .ok)
        #expect(dashboard.text.contains("Welcome, \(person.name)."))
        #expect(dashboard.text.contains("Verified"))
        #expect(!dashboard.text.contains("Confirm your email address ("))
    }
}

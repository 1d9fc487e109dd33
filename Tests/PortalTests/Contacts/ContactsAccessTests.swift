import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Domain contacts: other accounts and CSRF")
struct ContactsAccessTests {
    /// Two owners; the first has one contact. Returns both browsers and the contact's path.
    private func twoAccounts(_ app: TestApp) throws -> (owner: TestSession, ownerEmail: String, stranger: TestSession, path: String) {
        let owner = Person.make()
        let ownerBrowser = try owner.signUpAndLogIn(app)
        let stranger = try Person.make("Grace Hopper").signUpAndLogIn(app)
        try ownerBrowser.submit("/account/contacts", form: contactForm(), from: "/account/contacts/new")
        let contact = try #require(try app.contacts(of: owner.email).first)
        return (ownerBrowser, owner.email, stranger, "/account/contacts/\(contact.publicId)")
    }

    @Test("another account's contact is a 404 on show, save and delete, and stays as it was")
    func otherAccount() throws {
        // setup
        let app = try TestApp()
        let (_, ownerEmail, stranger, path) = try twoAccounts(app)
        let unknown = try stranger.get("/account/contacts/con_doesnotexist")
        // MUT
        let show = try stranger.get(path)
        let save = try stranger.submit(path, form: contactForm(["email": "mallory@evil.example"]), from: "/account/contacts/new")
        let delete = try stranger.submit(path + "/delete", form: [], from: "/account/contacts/new")
        // validate
        #expect(show.status == .notFound)
        #expect(save.status == .notFound)
        #expect(delete.status == .notFound)
        // The same answer as an id that never existed: nothing tells the two apart.
        #expect(unknown.status == .notFound)
        #expect(!show.text.contains("Charles Babbage"))
        let contact = try #require(try app.contacts(of: ownerEmail).first)
        #expect(contact.email == "charles@engines.example")
        #expect(try app.auditRows(of: ownerEmail).map(\.action) == [AuditAction.contactCreated.rawValue])
    }

    @Test("create, save and delete without the CSRF token are refused with 403 and change nothing")
    func csrf() throws {
        // setup
        let app = try TestApp()
        let (owner, ownerEmail, _, path) = try twoAccounts(app)
        // MUT
        let create = try owner.post("/account/contacts", form: contactForm(["name": "Forged"]))
        let save = try owner.post(path, form: contactForm(["email": "forged@evil.example"]))
        let delete = try owner.post(path + "/delete", form: [])
        let wrongToken = try owner.post(path + "/delete", form: [("_csrf", "AAAA")])
        // validate
        #expect(create.status == .forbidden)
        #expect(save.status == .forbidden)
        #expect(delete.status == .forbidden)
        #expect(wrongToken.status == .forbidden)
        let contacts = try app.contacts(of: ownerEmail)
        #expect(contacts.count == 1)
        #expect(contacts.first?.email == "charles@engines.example")
        #expect(try app.auditRows(of: ownerEmail).count == 1)
    }

    @Test("a visitor who is not signed in is sent to log in")
    func signedOut() throws {
        // setup
        let app = try TestApp()
        let browser = app.browser()
        // MUT
        let response = try browser.get("/account/contacts")
        // validate
        #expect(response.status == .seeOther)
        #expect(response.location?.hasPrefix("/login") == true)
    }
}

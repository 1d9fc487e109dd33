import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Domain contacts: list, create, edit, delete")
struct ContactsTests {
    @Test("a new account has no contacts and is offered a New contact button")
    func emptyState() throws {
        // setup
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        // MUT
        let page = try browser.get("/account/contacts")
        // validate
        #expect(page.status == .ok)
        #expect(page.text.contains(ContactsHTML.english(.emptyTitle)))
        #expect(page.text.contains("<a class=\"button\" href=\"/account/contacts/new\">\(ContactsHTML.english(.newContact))</a>"))
        #expect(!page.text.contains("<table"))
    }

    @Test("the new-contact form offers both kinds and every ISO country, but not XI")
    func newForm() throws {
        // setup
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        // MUT
        let page = try browser.get("/account/contacts/new")
        // validate
        #expect(page.status == .ok)
        #expect(page.text.contains("action=\"/account/contacts\""))
        #expect(page.text.contains("id=\"kind-individual\""))
        #expect(page.text.contains("id=\"kind-organization\""))
        #expect(page.text.contains("<option value=\"GB\">United Kingdom</option>"))
        #expect(!page.text.contains("<option value=\"XI\""))
        #expect(!page.text.contains("data-confirm"))
    }

    @Test("a contact is created, normalized, listed, and the creation is audited")
    func create() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        // MUT
        let response = try browser.submit("/account/contacts", form: contactForm(["email": "  charles@engines.example "]), from: "/account/contacts/new")
        let list = try browser.get("/account/contacts")
        let again = try browser.get("/account/contacts")
        // validate
        #expect(response.status == .seeOther)
        #expect(response.location == "/account/contacts")
        let contact = try #require(try app.contacts(of: person.email).first)
        #expect(contact.publicId.hasPrefix("con_"))
        #expect(contact.kind == "organization")
        #expect(contact.phone == "+442079460958")
        #expect(contact.email == "charles@engines.example")
        #expect(contact.country == "GB")
        #expect(contact.postalCode == "W1U 4EG")
        #expect(list.status == .ok)
        #expect(list.text.contains(ContactsHTML.english(.created)))
        #expect(list.text.contains("href=\"/account/contacts/\(contact.publicId)\""))
        #expect(list.text.contains("Charles Babbage"))
        #expect(list.text.contains("Analytical Engines Ltd"))
        #expect(list.text.contains("charles@engines.example"))
        #expect(list.text.contains("<td>United Kingdom</td>"))
        #expect(list.text.contains(ContactsHTML.english(.kindOrganization)))
        #expect(!again.text.contains(ContactsHTML.english(.created)))
        let audit = try #require(try app.auditRows(of: person.email).last)
        #expect(audit.action == AuditAction.contactCreated.rawValue)
        #expect(audit.target == "Analytical Engines Ltd (Charles Babbage) (\(contact.publicId))")
        #expect(audit.beforeValue == "")
        #expect(audit.afterValue.contains("email: charles@engines.example"))
        #expect(audit.afterValue.contains("phone: +442079460958"))
        #expect(audit.actor.contains(person.email))
        #expect(audit.userId != nil)
    }

    @Test("an individual needs no organisation, and markup in a name is shown as text")
    func individual() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let form = contactForm(["kind": "individual", "organization": "", "name": "Ada <b>Lovelace</b>", "postal_code": "", "address_line2": ""])
        // MUT
        let response = try browser.submit("/account/contacts", form: form, from: "/account/contacts/new")
        let list = try browser.get("/account/contacts")
        // validate
        #expect(response.status == .seeOther)
        let contact = try #require(try app.contacts(of: person.email).first)
        #expect(contact.kind == "individual")
        #expect(contact.organization == "")
        #expect(contact.postalCode == "")
        #expect(list.text.contains("Ada &lt;b&gt;Lovelace&lt;/b&gt;"))
        #expect(!list.text.contains("<b>Lovelace"))
        #expect(list.text.contains(ContactsHTML.english(.kindIndividual)))
    }

    @Test("the list is sorted by name and shows only the account's own contacts")
    func listOrderAndScope() throws {
        // setup
        let app = try TestApp()
        let owner = try Person.make().signUpAndLogIn(app)
        let other = try Person.make("Grace Hopper").signUpAndLogIn(app)
        try owner.submit("/account/contacts", form: contactForm(["name": "zoe Zebra"]), from: "/account/contacts/new")
        try owner.submit("/account/contacts", form: contactForm(["name": "Alan Turing"]), from: "/account/contacts/new")
        try other.submit("/account/contacts", form: contactForm(["name": "Someone Else"]), from: "/account/contacts/new")
        // MUT
        let page = try owner.get("/account/contacts")
        // validate
        let alan = try #require(page.text.range(of: "Alan Turing"))
        let zoe = try #require(page.text.range(of: "zoe Zebra"))
        #expect(alan.lowerBound < zoe.lowerBound)
        #expect(!page.text.contains("Someone Else"))
    }

    @Test("the edit form shows the stored values and saving records what changed")
    func edit() throws {
        // setup
        let app = try TestApp()
        let (person, browser, contact, path) = try app.ownerWithContact()
        // MUT
        let form = try browser.get(path)
        let saved = try browser.submit(path, form: contactForm(["email": "babbage@engines.example", "city": "Cambridge"]), from: path)
        let list = try browser.get("/account/contacts")
        // validate
        #expect(form.status == .ok)
        #expect(ProfileHTML.tag(form.text, id: "email")?.contains("value=\"charles@engines.example\"") == true)
        #expect(ProfileHTML.tag(form.text, id: "phone")?.contains("value=\"+442079460958\"") == true)
        #expect(ProfileHTML.tag(form.text, id: "kind-organization")?.contains("checked") == true)
        #expect(ProfileHTML.tag(form.text, id: "kind-individual")?.contains("checked") == false)
        #expect(form.text.contains("<option value=\"GB\" selected>United Kingdom</option>"))
        #expect(form.text.contains("action=\"\(path)\""))
        #expect(saved.status == .seeOther)
        #expect(saved.location == "/account/contacts")
        #expect(list.text.contains(ContactsHTML.english(.saved)))
        let updated = try #require(try app.contacts(of: person.email).first)
        #expect(updated.email == "babbage@engines.example")
        #expect(updated.city == "Cambridge")
        #expect(updated.publicId == contact.publicId)
        let audit = try #require(try app.auditRows(of: person.email).last)
        #expect(audit.action == AuditAction.contactUpdated.rawValue)
        #expect(audit.beforeValue == "email: charles@engines.example; city: London")
        #expect(audit.afterValue == "email: babbage@engines.example; city: Cambridge")
    }

    @Test("saving an unchanged contact writes no audit event")
    func unchanged() throws {
        // setup
        let app = try TestApp()
        let (person, browser, _, path) = try app.ownerWithContact()
        // MUT
        let saved = try browser.submit(path, form: contactForm(), from: path)
        // validate
        #expect(saved.status == .seeOther)
        #expect(try app.auditRows(of: person.email).map(\.action) == [AuditAction.contactCreated.rawValue])
    }

    @Test("a contact is deleted after the form's confirmation, and the deletion is audited")
    func delete() throws {
        // setup
        let app = try TestApp()
        let (person, browser, _, path) = try app.ownerWithContact()
        let form = try browser.get(path)
        // MUT
        let response = try browser.submit(path + "/delete", form: [], from: path)
        let list = try browser.get("/account/contacts")
        // validate
        let confirm = ContactsHTML.english(.deleteConfirm("Analytical Engines Ltd (Charles Babbage)"))
        #expect(form.text.contains("action=\"\(path)/delete\" class=\"inline-form\" data-confirm=\"\(confirm)\""))
        #expect(response.status == .seeOther)
        #expect(response.location == "/account/contacts")
        #expect(try app.contacts(of: person.email).isEmpty)
        #expect(list.text.contains(ContactsHTML.english(.deleted)))
        #expect(list.text.contains(ContactsHTML.english(.emptyTitle)))
        let audit = try #require(try app.auditRows(of: person.email).last)
        #expect(audit.action == AuditAction.contactDeleted.rawValue)
        #expect(audit.beforeValue.contains("email: charles@engines.example"))
        #expect(audit.afterValue == "")
        #expect(try browser.get(path).status == .notFound)
    }

    @Test("a contact that domains still name is not deleted: 409 and the reason beside the delete button")
    func inUse() throws {
        // setup
        let app = try TestApp()
        let (person, browser, _, path) = try app.ownerWithContact()
        let used = app.contactsBrowser(usage: .fixed(2), as: browser)
        // MUT
        let response = try used.submit(path + "/delete", form: [], from: path)
        // validate
        #expect(response.status == .conflict)
        #expect(response.text.contains(ContactsHTML.english(.inUse(2))))
        #expect(ProfileHTML.tag(response.text, id: "email")?.contains("value=\"charles@engines.example\"") == true)
        #expect(try app.contacts(of: person.email).count == 1)
        #expect(try app.auditRows(of: person.email).map(\.action) == [AuditAction.contactCreated.rawValue])
    }

    @Test("with no domains naming it, the same controller deletes the contact")
    func notInUse() throws {
        // setup
        let app = try TestApp()
        let (person, browser, _, path) = try app.ownerWithContact()
        let unused = app.contactsBrowser(usage: .fixed(0), as: browser)
        // MUT
        let response = try unused.submit(path + "/delete", form: [], from: path)
        // validate
        #expect(response.status == .seeOther)
        #expect(try app.contacts(of: person.email).isEmpty)
    }

    @Test("until domains exist, no contact is counted as in use")
    func storedUsage() throws {
        // setup
        let app = try TestApp()
        let (_, _, contact, _) = try app.ownerWithContact()
        // MUT
        let count = try app.database.read { db in try ContactUsage.stored.count(contact.id, db) }
        // validate
        #expect(count == 0)
    }
}

import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Domain contacts: invalid input")
struct ContactValidationTests {
    struct Invalid: Sendable, CustomTestStringConvertible {
        let field: String
        let overrides: [String: String]
        let message: String
        /// What must still be in the field (selects and radios cannot echo an unknown value: nil).
        let kept: String?
        /// The element that carries aria-invalid, when not the field's own id.
        var element: String?
        var testDescription: String { "\(field): \(overrides[field] ?? "")" }
    }

    private static func text(_ text: Text) -> String { Catalog(.english)(text) }

    static let invalid: [Invalid] = [
        Invalid(field: "email", overrides: ["email": "charles at engines"], message: text(.emailInvalid), kept: "charles at engines"),
        Invalid(field: "email", overrides: ["email": "<charles@engines.example>"], message: text(.emailInvalid), kept: "<charles@engines.example>"),
        Invalid(field: "email", overrides: ["email": ""], message: text(.fieldRequired), kept: nil),
        Invalid(field: "email", overrides: ["email": String(repeating: "c", count: 250) + "@x.example"], message: text(.fieldTooLong(254)),
                kept: String(repeating: "c", count: 250) + "@x.example"),
        Invalid(field: "phone", overrides: ["phone": "020 7946 0958"], message: text(.profile(.phoneInvalid)), kept: "020 7946 0958"),
        Invalid(field: "phone", overrides: ["phone": "+44 20 79x6 0958"], message: text(.profile(.phoneInvalid)), kept: "+44 20 79x6 0958"),
        Invalid(field: "phone", overrides: ["phone": "+44 20 7946 0958 1234 5678"], message: text(.profile(.phoneInvalid)), kept: "+44 20 7946 0958 1234 5678"),
        Invalid(field: "phone", overrides: ["phone": ""], message: text(.fieldRequired), kept: nil),
        Invalid(field: "country", overrides: ["country": "ZZ"], message: text(.profile(.countryUnknown)), kept: nil),
        Invalid(field: "country", overrides: ["country": "XI"], message: text(.profile(.countryUnknown)), kept: nil),
        Invalid(field: "country", overrides: ["country": ""], message: text(.fieldRequired), kept: nil),
        Invalid(field: "organization", overrides: ["kind": "organization", "organization": "  "], message: text(.contacts(.organizationRequired)), kept: nil),
        Invalid(field: "organization", overrides: ["kind": "individual", "organization": "Acme & Co"], message: text(.contacts(.organizationForIndividual)), kept: "Acme & Co"),
        Invalid(field: "organization", overrides: ["organization": String(repeating: "o", count: 101)], message: text(.fieldTooLong(100)),
                kept: String(repeating: "o", count: 101)),
        Invalid(field: "kind", overrides: ["kind": ""], message: text(.fieldRequired), kept: nil, element: "kind-individual"),
        Invalid(field: "kind", overrides: ["kind": "robot"], message: text(.contacts(.kindUnknown)), kept: nil, element: "kind-organization"),
        Invalid(field: "name", overrides: ["name": ""], message: text(.fieldRequired), kept: nil),
        Invalid(field: "name", overrides: ["name": String(repeating: "n", count: 101)], message: text(.fieldTooLong(100)), kept: String(repeating: "n", count: 101)),
        Invalid(field: "address_line1", overrides: ["address_line1": " "], message: text(.fieldRequired), kept: nil),
        Invalid(field: "address_line1", overrides: ["address_line1": String(repeating: "a", count: 101)], message: text(.fieldTooLong(100)),
                kept: String(repeating: "a", count: 101)),
        Invalid(field: "address_line2", overrides: ["address_line2": String(repeating: "b", count: 101)], message: text(.fieldTooLong(100)),
                kept: String(repeating: "b", count: 101)),
        Invalid(field: "postal_code", overrides: ["postal_code": String(repeating: "9", count: 21)], message: text(.fieldTooLong(20)),
                kept: String(repeating: "9", count: 21)),
        Invalid(field: "city", overrides: ["city": ""], message: text(.fieldRequired), kept: nil),
        Invalid(field: "city", overrides: ["city": "Lon\u{7}don"], message: text(.profile(.fieldControlCharacters)), kept: nil),
    ]

    @Test("creating with an invalid field gives 422, its message beside it, what was typed kept, and nothing saved", arguments: invalid)
    func invalidOnCreate(_ case_: Invalid) throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        var overrides = case_.overrides
        if case_.field != "address_line2" { overrides["address_line2"] = "Kept & Co <Ltd>" }
        // MUT
        let response = try browser.submit("/account/contacts", form: contactForm(overrides), from: "/account/contacts/new")
        // validate
        #expect(response.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(response.text, case_.field) == ProfileHTML.escape(case_.message))
        #expect(ProfileHTML.tag(response.text, id: case_.element ?? case_.field)?.contains("aria-invalid=\"true\"") == true)
        if let kept = case_.kept {
            #expect(ProfileHTML.tag(response.text, id: case_.field)?.contains("value=\"\(ProfileHTML.escape(kept))\"") == true)
        }
        if case_.field != "address_line2" {
            #expect(ProfileHTML.tag(response.text, id: "address_line2")?.contains("value=\"Kept &amp; Co &lt;Ltd&gt;\"") == true)
        }
        #expect(response.text.components(separatedBy: "class=\"field-error\"").count - 1 == 1)
        #expect(response.text.contains("action=\"/account/contacts\""))
        #expect(try app.contacts(of: person.email).isEmpty)
        #expect(try app.auditRows(of: person.email).isEmpty)
    }

    @Test("saving an invalid edit gives 422 with the errors on the edit form, and the stored contact is unchanged")
    func invalidOnEdit() throws {
        // setup
        let app = try TestApp()
        let (person, browser, _, path) = try app.ownerWithContact()
        // MUT
        let response = try browser.submit(path, form: contactForm(["email": "nope", "phone": "12", "country": "QQ"]), from: path)
        // validate
        #expect(response.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(response.text, "email") == ProfileHTML.escape(Self.text(.emailInvalid)))
        #expect(ProfileHTML.fieldError(response.text, "phone") == ProfileHTML.escape(Self.text(.profile(.phoneInvalid))))
        #expect(ProfileHTML.fieldError(response.text, "country") == ProfileHTML.escape(Self.text(.profile(.countryUnknown))))
        #expect(ProfileHTML.tag(response.text, id: "email")?.contains("value=\"nope\"") == true)
        #expect(response.text.contains("action=\"\(path)\""))
        #expect(response.text.contains("action=\"\(path)/delete\""))
        let stored = try #require(try app.contacts(of: person.email).first)
        #expect(stored.email == "charles@engines.example")
        #expect(try app.auditRows(of: person.email).count == 1)
    }

    @Test("a forged one-time message cookie shows nothing")
    func forgedNotice() throws {
        // setup
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        browser.setCookie(Flash.cookieName, "<script>")
        // MUT
        let page = try browser.get("/account/contacts")
        // validate
        #expect(page.status == .ok)
        #expect(!page.text.contains("alert-success"))
    }
}

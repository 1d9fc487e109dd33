import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Account details and communication preferences")
struct AccountDetailsTests {
    @Test("the details are saved, normalized, and shown again on /account")
    func savesAndShows() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        // MUT
        let saved = try browser.submit("/account", form: detailsForm(), from: "/account")
        let page = try browser.get("/account")
        // validate
        #expect(saved.status == .seeOther)
        #expect(saved.location == "/account")
        #expect(page.status == .ok)
        #expect(page.text.contains(ProfileHTML.escape(Catalog(.english)(.flash(.profileSaved)))))
        let account = try #require(try app.ownAccount(of: person.email))
        #expect(account.name == "Analytical Engines")
        #expect(account.phone == "+33123456789")
        #expect(account.vatNumber == "FR12345678901")
        #expect(account.country == "FR")
        #expect(account.timeZone == "Europe/Paris")
        #expect(account.addressLine2 == "Bâtiment B")
        #expect(page.text.contains("value=\"+33123456789\""))
        #expect(page.text.contains("value=\"FR12345678901\""))
        #expect(page.text.contains("<option value=\"FR\" selected>France</option>"))
        #expect(page.text.contains("<option value=\"Europe/Paris\" selected>"))
        #expect(page.text.contains("Current account: Analytical Engines"))
    }

    @Test("a new account starts in UTC with no country chosen, and lists every country")
    func defaults() throws {
        // setup
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        // MUT
        let page = try browser.get("/account")
        // validate
        #expect(page.status == .ok)
        #expect(page.text.contains("<option value=\"UTC\" selected>UTC</option>"))
        #expect(page.text.contains("<option value=\"\" selected>"))
        #expect(page.text.components(separatedBy: "<option value=\"").count - 1 >= Countries.all.count + TimeZones.all.count)
        #expect(page.text.contains("<option value=\"XI\">"))
    }

    struct Invalid: Sendable, CustomTestStringConvertible {
        let field: String
        let overrides: [String: String]
        let message: String
        /// What must still be in the field (selects cannot echo an unknown value: nil).
        let kept: String?
        var testDescription: String { "\(field): \(overrides[field] ?? "")" }
    }

    static let invalid: [Invalid] = [
        Invalid(field: "country", overrides: ["country": "ZZ", "vat_number": ""], message: Catalog.english(ProfileText.countryUnknown), kept: nil),
        Invalid(field: "country", overrides: ["country": "", "vat_number": ""], message: Catalog(.english)(.fieldRequired), kept: nil),
        Invalid(field: "phone", overrides: ["phone": "01 23 45 67 89"], message: Catalog.english(ProfileText.phoneInvalid), kept: "01 23 45 67 89"),
        Invalid(field: "phone", overrides: ["phone": "+0 123 456 789"], message: Catalog.english(ProfileText.phoneInvalid), kept: "+0 123 456 789"),
        Invalid(field: "phone", overrides: ["phone": "+33 12"], message: Catalog.english(ProfileText.phoneInvalid), kept: "+33 12"),
        Invalid(field: "phone", overrides: ["phone": "+33 1 23 45 67 89 00 11 22"], message: Catalog.english(ProfileText.phoneInvalid), kept: "+33 1 23 45 67 89 00 11 22"),
        Invalid(field: "phone", overrides: ["phone": "+33 1 2x 45 67 89"], message: Catalog.english(ProfileText.phoneInvalid), kept: "+33 1 2x 45 67 89"),
        Invalid(field: "vat_number", overrides: ["vat_number": "FR123"], message: Catalog.english(ProfileText.vatBadFormat(example: "FR12345678901")), kept: "FR123"),
        Invalid(field: "vat_number", overrides: ["country": "NL", "vat_number": "NL123456789C01"], message: Catalog.english(ProfileText.vatBadFormat(example: "NL123456789B01")), kept: "NL123456789C01"),
        Invalid(field: "vat_number", overrides: ["country": "DE", "vat_number": "FR12345678901"], message: Catalog.english(ProfileText.vatWrongPrefix(prefix: "DE", country: "Germany")), kept: "FR12345678901"),
        Invalid(field: "vat_number", overrides: ["country": "US", "vat_number": "US123456789"], message: Catalog.english(ProfileText.vatCountryNotEU), kept: "US123456789"),
        Invalid(field: "vat_number", overrides: ["country": "GB", "vat_number": "GB123456789"], message: Catalog.english(ProfileText.vatCountryNotEU), kept: "GB123456789"),
        Invalid(field: "time_zone", overrides: ["time_zone": "Mars/Olympus_Mons"], message: Catalog.english(ProfileText.timeZoneUnknown), kept: nil),
        Invalid(field: "language", overrides: ["language": "tlh"], message: Catalog.english(ProfileText.languageUnknown), kept: nil),
        Invalid(field: "name", overrides: ["name": String(repeating: "n", count: 101)], message: Catalog(.english)(.fieldTooLong(100)), kept: String(repeating: "n", count: 101)),
        Invalid(field: "name", overrides: ["name": "   "], message: Catalog(.english)(.fieldRequired), kept: nil),
        Invalid(field: "city", overrides: ["city": "Paris\u{7}"], message: Catalog.english(ProfileText.fieldControlCharacters), kept: nil),
    ]

    @Test("an invalid field gives 422, its message beside it, what was typed kept, and nothing saved", arguments: invalid)
    func invalidField(_ case_: Invalid) throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let before = try #require(try app.ownAccount(of: person.email))
        var overrides = case_.overrides
        overrides["company"] = "Kept & Co <Ltd>"
        // MUT
        let response = try browser.submit("/account", form: detailsForm(overrides), from: "/account")
        // validate
        #expect(response.status == .unprocessableContent)
        #expect(ProfileHTML.fieldError(response.text, case_.field) == ProfileHTML.escape(case_.message))
        #expect(ProfileHTML.tag(response.text, id: case_.field)?.contains("aria-invalid=\"true\"") == true)
        if let kept = case_.kept {
            #expect(ProfileHTML.tag(response.text, id: case_.field)?.contains("value=\"\(ProfileHTML.escape(kept))\"") == true)
        }
        #expect(ProfileHTML.tag(response.text, id: "company")?.contains("value=\"Kept &amp; Co &lt;Ltd&gt;\"") == true)
        let errorCount = response.text.components(separatedBy: "class=\"field-error\"").count - 1
        #expect(errorCount == 1)
        let after = try #require(try app.ownAccount(of: person.email))
        #expect(after.name == before.name)
        #expect(after.company == "")
    }

    @Test("EU VAT numbers of every member state and Northern Ireland are accepted in their own shape")
    func vatShapes() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let samples: [(country: String, typed: String, stored: String)] = [
            ("BE", "be 0123.456.789", "BE0123456789"), ("DE", "DE123456789", "DE123456789"), ("IT", "IT12345678901", "IT12345678901"),
            ("ES", "ES-X1234567-Z", "ESX1234567Z"), ("NL", "nl123456789b01", "NL123456789B01"), ("GR", "GR123456789", "EL123456789"),
            ("GR", "EL 123 456 789", "EL123456789"), ("XI", "XI 123 4567 89", "XI123456789"), ("AT", "ATU12345678", "ATU12345678"),
            ("FR", "FRAB123456789", "FRAB123456789"),
        ]
        for sample in samples {
            // MUT
            let response = try browser.submit("/account", form: detailsForm(["country": sample.country, "vat_number": sample.typed]), from: "/account")
            // validate
            #expect(response.status == .seeOther, "\(sample.country) \(sample.typed)")
            #expect(try app.ownAccount(of: person.email)?.vatNumber == sample.stored)
        }
    }

    @Test("the optional fields can be emptied")
    func optionalFieldsEmpty() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        try browser.submit("/account", form: detailsForm(), from: "/account")
        let empty = ["company": "", "address_line1": "", "address_line2": "", "postal_code": "", "city": "", "phone": "", "vat_number": ""]
        // MUT
        let response = try browser.submit("/account", form: detailsForm(empty), from: "/account")
        // validate
        #expect(response.status == .seeOther)
        let account = try #require(try app.ownAccount(of: person.email))
        #expect(account.phone == "")
        #expect(account.vatNumber == "")
        #expect(account.company == "")
    }

    @Test("commercial emails are off by default, billing and technical on, security shown as always on")
    func preferencesDefaults() throws {
        // setup
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        // MUT
        let page = try browser.get("/account")
        // validate
        let commercial = try #require(ProfileHTML.tag(page.text, id: "pref_commercial"))
        let billing = try #require(ProfileHTML.tag(page.text, id: "pref_billing"))
        let technical = try #require(ProfileHTML.tag(page.text, id: "pref_technical"))
        let security = try #require(ProfileHTML.tag(page.text, id: "pref_security"))
        #expect(!commercial.contains(" checked"))
        #expect(billing.contains(" checked"))
        #expect(technical.contains(" checked"))
        #expect(security.contains(" checked") && security.contains(" disabled") && !security.contains("name="))
    }

    @Test("the preferences are saved: unchecked boxes turn a category off")
    func preferencesSave() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        // MUT
        let response = try browser.submit("/account/preferences", form: [("pref_commercial", "1")], from: "/account")
        let page = try browser.get("/account")
        // validate
        #expect(response.status == .seeOther)
        #expect(response.location == "/account")
        #expect(page.text.contains(ProfileHTML.escape(Catalog(.english)(.flash(.preferencesSaved)))))
        let account = try #require(try app.ownAccount(of: person.email))
        #expect(account.prefCommercial)
        #expect(!account.prefBilling)
        #expect(!account.prefTechnical)
        #expect(ProfileHTML.tag(page.text, id: "pref_commercial")?.contains(" checked") == true)
        #expect(ProfileHTML.tag(page.text, id: "pref_billing")?.contains(" checked") == false)
    }

    @Test("a form without its CSRF token is refused with 403 and changes nothing",
          arguments: ["/account", "/account/preferences", "/account/email", "/account/password", "/account/email/confirm"])
    func csrfMissing(_ target: String) throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        // MUT
        let response = try browser.post(target, form: detailsForm() + [("pref_commercial", "1"), ("new_email", "x@example.org"),
                                                                        ("current_password", person.password), ("new_password", "a brand new passphrase 42")])
        // validate
        #expect(response.status == .forbidden)
        let account = try #require(try app.ownAccount(of: person.email))
        #expect(account.name == person.name)
        #expect(!account.prefCommercial)
        #expect(try app.emails(to: "x@example.org").isEmpty)
    }

    @Test("a forged CSRF token is refused with 403")
    func csrfForged() throws {
        // setup
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        // MUT
        let response = try browser.post("/account", form: [("_csrf", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] + detailsForm())
        // validate
        #expect(response.status == .forbidden)
    }

    @Test("a visitor who is not signed in is sent to login, and cannot post")
    func signedOut() throws {
        // setup
        let app = try TestApp()
        let browser = app.browser()
        // MUT
        let page = try browser.get("/account")
        let post = try browser.submit("/account", form: detailsForm(), from: "/login")
        // validate
        #expect(page.status == .seeOther)
        #expect(page.location?.hasPrefix("/login?next=") == true)
        #expect(post.status == .forbidden)
    }
}

import Foundation
import Testing
@testable import Portal

@Suite("Profile rules: countries, EU VAT numbers, phone numbers, time zones")
struct ProfileRulesTests {
    @Test("the country list holds every ISO 3166-1 code once, plus XI, with English names")
    func countries() {
        let codes = Countries.all.map(\.code)
        #expect(codes.count == 250)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isUppercase) })
        #expect(Countries.name(of: "FR") == "France")
        #expect(Countries.name(of: "XI") != nil)
        #expect(!Countries.isKnown("ZZ"))
    }

    @Test("there is a VAT rule for each of the 27 member states and Northern Ireland, and each example fits its rule")
    func vatRules() {
        let eu: Set = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
                       "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]
        #expect(eu.count == 27)
        #expect(Set(VATNumber.rules.map(\.country)) == eu.union(["XI"]))
        for rule in VATNumber.rules {
            #expect(VATNumber.problem(rule.example, country: rule.country) == nil, "\(rule.country)")
            #expect(Countries.isKnown(rule.country))
        }
    }

    @Test("VAT numbers are checked against the country's shape", arguments: [
        ("FR", "FR1234567890", false), ("FR", "FRAB123456789", true), ("DE", "DE12345678", false), ("DE", "DE123456789", true),
        ("BE", "BE2123456789", false), ("BE", "BE1123456789", true), ("NL", "NL123456789B0", false), ("IT", "IT1234567890", false),
        ("ES", "ES12345678", false), ("ES", "ESA1234567B", true), ("GR", "EL12345678", false), ("IE", "IE1234567WA", true),
        ("IE", "IE1A23456W", true), ("SE", "SE123456789012", false), ("RO", "RO0123", false), ("XI", "XIGD123", true),
    ])
    func vatShapes(_ country: String, _ number: String, _ valid: Bool) {
        #expect((VATNumber.problem(number, country: country) == nil) == valid)
    }

    @Test("VAT numbers are normalized and need the country's prefix")
    func vatNormalization() {
        #expect(VATNumber.normalize(" fr-12.345 678 901 ") == "FR12345678901")
        #expect(VATNumber.problem("12345678901", country: "IT") == .wrongPrefix(expected: "IT"))
        #expect(VATNumber.problem("CH123456789", country: "CH") == .countryNotEU)
        #expect(VATNumber.canonical("GR123456789", country: "GR") == "EL123456789")
    }

    @Test("phone numbers must be E.164 after dropping spaces, dots, dashes and parentheses")
    func phones() {
        #expect(PhoneNumber.normalize("+33 (0)1.23-45 67 89") == "+330123456789")
        #expect(PhoneNumber.isValid("+33123456789"))
        #expect(PhoneNumber.isValid("+12345678"))
        #expect(!PhoneNumber.isValid("+1234567"))
        #expect(PhoneNumber.isValid("+123456789012345"))
        #expect(!PhoneNumber.isValid("+1234567890123456"))
        #expect(!PhoneNumber.isValid("+0123456789"))
        #expect(!PhoneNumber.isValid("0033123456789"))
        #expect(!PhoneNumber.isValid("+33 12345678"))
        #expect(!PhoneNumber.isValid("+٣٣١٢٣٤٥٦٧٨٩"))
    }

    @Test("UTC comes first among the time zones; unknown zones are refused; times are shown in the zone")
    func timeZones() {
        #expect(TimeZones.all.first == "UTC")
        #expect(TimeZones.isKnown("Europe/Paris"))
        #expect(!TimeZones.isKnown("Mars/Olympus_Mons"))
        #expect(!TimeZones.isKnown(""))
        let date = Date(timeIntervalSince1970: 1_796_396_700) // 2026-12-04 15:05 UTC
        #expect(TimeZones.format(date, in: "UTC") == "4 Dec 2026, 15:05")
        #expect(TimeZones.format(date, in: "Europe/Paris") == "4 Dec 2026, 16:05")
    }
}

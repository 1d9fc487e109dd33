/// EU VAT identification numbers: which countries may have one and what each member state's
/// number looks like (the formats VIES documents). Only the shape is checked here; whether the
/// number is registered is VIES's business and happens when invoicing needs it.
enum VATNumber {
    /// One member state's numbering: its VAT prefix (EL for Greece, XI for Northern Ireland)
    /// and the accepted shapes of the part after the prefix.
    struct Rule: Sendable {
        let country: String
        let prefix: String
        /// Regular expressions for the part after the prefix.
        let patterns: [String]
        /// A made-up number of the right shape, shown in the error message.
        let example: String
    }

    enum Problem: Sendable, Equatable {
        /// The chosen country has no EU VAT numbers.
        case countryNotEU
        /// The number does not start with the country's prefix.
        case wrongPrefix(expected: String)
        /// The right prefix, but not that state's shape.
        case badFormat(example: String)
    }

    static let rules: [Rule] = [
        Rule(country: "AT", prefix: "AT", patterns: ["U[0-9]{8}"], example: "ATU12345678"),
        Rule(country: "BE", prefix: "BE", patterns: ["[01][0-9]{9}"], example: "BE0123456789"),
        Rule(country: "BG", prefix: "BG", patterns: ["[0-9]{9,10}"], example: "BG123456789"),
        Rule(country: "CY", prefix: "CY", patterns: ["[0-9]{8}[A-Z]"], example: "CY12345678X"),
        Rule(country: "CZ", prefix: "CZ", patterns: ["[0-9]{8,10}"], example: "CZ12345678"),
        Rule(country: "DE", prefix: "DE", patterns: ["[0-9]{9}"], example: "DE123456789"),
        Rule(country: "DK", prefix: "DK", patterns: ["[0-9]{8}"], example: "DK12345678"),
        Rule(country: "EE", prefix: "EE", patterns: ["[0-9]{9}"], example: "EE123456789"),
        Rule(country: "GR", prefix: "EL", patterns: ["[0-9]{9}"], example: "EL123456789"),
        Rule(country: "ES", prefix: "ES", patterns: ["[0-9A-Z][0-9]{7}[0-9A-Z]"], example: "ESX1234567X"),
        Rule(country: "FI", prefix: "FI", patterns: ["[0-9]{8}"], example: "FI12345678"),
        Rule(country: "FR", prefix: "FR", patterns: ["[0-9A-Z]{2}[0-9]{9}"], example: "FR12345678901"),
        Rule(country: "HR", prefix: "HR", patterns: ["[0-9]{11}"], example: "HR12345678901"),
        Rule(country: "HU", prefix: "HU", patterns: ["[0-9]{8}"], example: "HU12345678"),
        Rule(country: "IE", prefix: "IE", patterns: ["[0-9]{7}[A-W][A-I]?", "[0-9][A-Z+*][0-9]{5}[A-W]"], example: "IE1234567WA"),
        Rule(country: "IT", prefix: "IT", patterns: ["[0-9]{11}"], example: "IT12345678901"),
        Rule(country: "LT", prefix: "LT", patterns: ["[0-9]{9}", "[0-9]{12}"], example: "LT123456789"),
        Rule(country: "LU", prefix: "LU", patterns: ["[0-9]{8}"], example: "LU12345678"),
        Rule(country: "LV", prefix: "LV", patterns: ["[0-9]{11}"], example: "LV12345678901"),
        Rule(country: "MT", prefix: "MT", patterns: ["[0-9]{8}"], example: "MT12345678"),
        Rule(country: "NL", prefix: "NL", patterns: ["[0-9]{9}B[0-9]{2}"], example: "NL123456789B01"),
        Rule(country: "PL", prefix: "PL", patterns: ["[0-9]{10}"], example: "PL1234567890"),
        Rule(country: "PT", prefix: "PT", patterns: ["[0-9]{9}"], example: "PT123456789"),
        Rule(country: "RO", prefix: "RO", patterns: ["[1-9][0-9]{1,9}"], example: "RO1234567890"),
        Rule(country: "SE", prefix: "SE", patterns: ["[0-9]{10}01"], example: "SE123456789001"),
        Rule(country: "SI", prefix: "SI", patterns: ["[0-9]{8}"], example: "SI12345678"),
        Rule(country: "SK", prefix: "SK", patterns: ["[0-9]{10}"], example: "SK1234567890"),
        Rule(country: "XI", prefix: "XI", patterns: ["[0-9]{9}", "[0-9]{12}", "GD[0-4][0-9]{2}", "HA[5-9][0-9]{2}"], example: "XI123456789"),
    ]

    private static let byCountry: [String: Rule] = Dictionary(rules.map { ($0.country, $0) }, uniquingKeysWith: { first, _ in first })

    static func rule(forCountry code: String) -> Rule? { byCountry[code] }

    /// Upper case without the spaces, dots and dashes people copy from invoices.
    static func normalize(_ raw: String) -> String {
        String(raw.uppercased().filter { !$0.isWhitespace && $0 != "." && $0 != "-" })
    }

    /// Checks a normalized number against the rules of the country of the address.
    static func problem(_ number: String, country: String) -> Problem? {
        guard let rule = byCountry[country] else { return .countryNotEU }
        // Greek numbers are often written with the ISO code; VIES only knows EL.
        var number = number
        if country == "GR", number.hasPrefix("GR") { number = "EL" + number.dropFirst(2) }
        guard number.hasPrefix(rule.prefix) else { return .wrongPrefix(expected: rule.prefix) }
        let rest = String(number.dropFirst(rule.prefix.count))
        let matches = rule.patterns.contains { pattern in
            guard let regex = try? Regex("^(?:" + pattern + ")$") else { return false }
            return rest.wholeMatch(of: regex) != nil
        }
        return matches ? nil : .badFormat(example: rule.example)
    }

    /// The number as stored: normalized, with Greece's GR prefix written EL.
    static func canonical(_ number: String, country: String) -> String {
        if country == "GR", number.hasPrefix("GR") { return "EL" + number.dropFirst(2) }
        return number
    }
}

/// Telephone numbers in international E.164 form: `+`, the country code, then the number,
/// 8 to 15 digits in all. Stored that way so that support and SMS providers can dial it as is.
enum PhoneNumber {
    /// Drops the spaces, dots, dashes and parentheses people type for readability.
    static func normalize(_ raw: String) -> String {
        String(raw.filter { !$0.isWhitespace && !"().-".contains($0) })
    }

    /// Whether a normalized number is valid E.164.
    static func isValid(_ number: String) -> Bool {
        guard number.hasPrefix("+") else { return false }
        let digits = number.utf8.dropFirst()
        guard (8...15).contains(digits.count), digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return false }
        return digits.first != UInt8(ascii: "0")
    }
}

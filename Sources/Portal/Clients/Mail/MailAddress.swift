/// A parsed mailbox: optional display name plus an ASCII addr-spec.
///
/// Accepts `user@example.com`, `Name <user@example.com>` and `"Name" <user@example.com>`.
/// The addr-spec must be ASCII without whitespace, control characters, `<>()[],;:"\`
/// (internationalised addresses/SMTPUTF8 are not supported; use punycode domains).
public struct MailAddress: Sendable, Equatable {
    /// Display name, if any (unencoded).
    public let displayName: String?
    /// `local@domain`.
    public let address: String

    /// Parses a mailbox; returns `nil` when the address is not acceptable.
    public init?(parsing text: String) {
        let trimmed = text.trimmingASCIIWhitespace()
        var name: String?
        var addr = trimmed
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            addr = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var display = String(trimmed[..<open]).trimmingASCIIWhitespace()
            if display.count >= 2, display.hasPrefix("\""), display.hasSuffix("\"") {
                display = String(display.dropFirst().dropLast())
                    .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            }
            name = display.isEmpty ? nil : display
        }
        guard Self.isValidAddrSpec(addr) else { return nil }
        if let n = name, n.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) { return nil }
        displayName = name
        address = addr
    }

    /// The part after the last `@`.
    public var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return String(address[address.index(after: at)...])
    }

    /// Header form: `addr`, `Name <addr>`, `"Na,me" <addr>` or `=?UTF-8?B?…?= <addr>`.
    public var headerValue: String {
        guard let name = displayName else { return address }
        let atext = name.unicodeScalars.allSatisfy { s in
            s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s) || " !#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(s))
        }
        if atext { return "\(name) <\(address)>" }
        if name.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let quoted = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(quoted)\" <\(address)>"
        }
        return EncodedWord.encode(name).joined(separator: " ") + " <\(address)>"
    }

    static func isValidAddrSpec(_ addr: String) -> Bool {
        guard addr.utf8.count <= 254, let at = addr.lastIndex(of: "@") else { return false }
        let local = addr[..<at]
        let domain = addr[addr.index(after: at)...]
        guard !local.isEmpty, local.utf8.count <= 64, !domain.isEmpty, !domain.contains("@") else { return false }
        let forbidden = Set("<>()[],;:\"\\ ".utf8)
        return addr.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7f && !forbidden.contains($0) }
            && !domain.hasPrefix(".") && !domain.hasSuffix(".") && !domain.contains("..")
    }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        var scalars = Substring(self)
        while let f = scalars.first, f == " " || f == "\t" || f == "\r" || f == "\n" { scalars.removeFirst() }
        while let l = scalars.last, l == " " || l == "\t" || l == "\r" || l == "\n" { scalars.removeLast() }
        return String(scalars)
    }
}

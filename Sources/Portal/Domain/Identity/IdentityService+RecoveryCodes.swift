import Foundation

extension IdentityService {
    static let recoveryCodeCount = 10
    /// Fewer unused codes than this and the user is told to make new ones.
    static let recoveryCodesLowThreshold = 3

    /// Crockford's base32 alphabet: no i, l, o or u, so codes read aloud or copied by hand survive.
    private static let recoveryAlphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    /// Ten new codes of ten characters (50 bits each), shown as `xxxxx-xxxxx`.
    static func makeRecoveryCodes() -> [String] {
        (0..<recoveryCodeCount).map { _ in
            // 256 is a multiple of 32, so masking keeps every character equally likely.
            let characters = SecureRandom.bytes(10).map { recoveryAlphabet[Int($0 & 31)] }
            let text = String(decoding: characters, as: UTF8.self)
            return String(text.prefix(5)) + "-" + String(text.suffix(5))
        }
    }

    /// The canonical form of a typed recovery code (case, spaces and dashes ignored; the letters
    /// people confuse with digits read as those digits), or nil when it cannot be one.
    static func normalizeRecoveryCode(_ typed: String) -> String? {
        guard typed.utf8.count <= 64 else { return nil }
        var out: [UInt8] = []
        for byte in typed.lowercased().utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "i"), UInt8(ascii: "l"): out.append(UInt8(ascii: "1"))
            case UInt8(ascii: "o"): out.append(UInt8(ascii: "0"))
            default:
                guard recoveryAlphabet.contains(byte) else { return nil }
                out.append(byte)
            }
        }
        guard out.count == 10 else { return nil }
        return String(decoding: out, as: UTF8.self)
    }

    /// What is stored for a code: its SHA-256, never the code.
    static func recoveryCodeHash(_ normalized: String) -> String {
        TokenHash.sha256Hex("recovery:" + normalized)
    }

    /// What the single field of /login/2fa holds.
    enum SecondFactorInput: Sendable, Equatable {
        case totp(String)
        case recovery(normalized: String)
        case malformed
    }

    static func classifySecondFactor(_ typed: String) -> SecondFactorInput {
        guard typed.utf8.count <= 64 else { return .malformed }
        let compact = typed.filter { !$0.isWhitespace && $0 != "-" }
        if compact.count == TOTP.defaultDigits, compact.utf8.allSatisfy({ (48...57).contains($0) }) {
            return .totp(compact)
        }
        if let normalized = normalizeRecoveryCode(typed) { return .recovery(normalized: normalized) }
        return .malformed
    }

    /// Whether the text is shaped like an app code (enrolment and disabling accept nothing else).
    static func looksLikeTOTP(_ typed: String) -> Bool {
        if case .totp = classifySecondFactor(typed) { return true }
        return false
    }
}

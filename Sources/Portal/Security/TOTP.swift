import Foundation

/// Time-based one-time passwords (RFC 6238, HMAC-SHA-1, 30-second steps, 6 digits),
/// compatible with common authenticator apps.
public enum TOTP {
    /// Length of a step in seconds.
    public static let period: Int64 = 30
    /// Default number of digits.
    public static let defaultDigits = 6
    /// Secret length in bytes (160 bits, as RFC 4226 recommends).
    public static let secretLength = 20

    /// A new random 20-byte secret. Store it encrypted (see `SecretBox`).
    public static func generateSecret() -> [UInt8] {
        SecureRandom.bytes(secretLength)
    }

    /// The time step containing `date`: floor(unix time / 30).
    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(period)).rounded(.down))
    }

    /// The code for a given step (RFC 4226 HOTP with the step as counter),
    /// zero-padded to `digits` (6…8).
    public static func code(secret: [UInt8], step: Int64, digits: Int = defaultDigits) -> String {
        let digits = min(max(digits, 6), 8)
        var counter = UInt64(bitPattern: step).bigEndian
        let message = withUnsafeBytes(of: &counter) { Array($0) }
        guard let mac = HMAC.authenticate(message, key: secret, algorithm: .sha1), mac.count == 20 else {
            return ""  // unreachable with libcrypto working; an empty code never verifies
        }
        let offset = Int(mac[19] & 0x0f)
        let binary = (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: digits - value.count) + value
    }

    /// Checks a code typed by the user.
    ///
    /// Accepts the steps `current - window … current + window` (default ±1, i.e. ±30 s
    /// of clock drift) but only steps strictly greater than `lastUsedStep`, so a code
    /// cannot be replayed. Spaces in the input are ignored; anything else that is not
    /// exactly `digits` ASCII digits is refused. Codes are compared in constant time.
    /// - Returns: the matched step (store it as the new `lastUsedStep`), or `nil`.
    public static func verify(
        code: String, secret: [UInt8], at date: Date, lastUsedStep: Int64?,
        digits: Int = defaultDigits, window: Int = 1
    ) -> Int64? {
        let typed = Array(code.utf8.filter { $0 != UInt8(ascii: " ") })
        guard (6...8).contains(digits), typed.count == digits,
              typed.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              !secret.isEmpty
        else { return nil }
        let current = step(at: date)
        var matched: Int64?
        // Check every candidate step (no early exit) so timing does not reveal which matched.
        for offset in -window...window {
            let candidate = current + Int64(offset)
            let expected = Array(self.code(secret: secret, step: candidate, digits: digits).utf8)
            if ConstantTime.equals(expected, typed), candidate > (lastUsedStep ?? Int64.min) {
                matched = max(matched ?? candidate, candidate)
            }
        }
        return matched
    }

    /// The `otpauth://` URI that authenticator apps import (usually via a QR code):
    /// `otpauth://totp/Issuer:account?secret=…&issuer=Issuer&algorithm=SHA1&digits=6&period=30`.
    /// Issuer and account are percent-encoded (only RFC 3986 unreserved characters stay literal).
    public static func otpauthURI(secret: [UInt8], issuer: String, account: String, digits: Int = defaultDigits) -> String {
        let label = percentEncode(issuer) + ":" + percentEncode(account)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret))&issuer=\(percentEncode(issuer))"
            + "&algorithm=SHA1&digits=\(digits)&period=\(period)"
    }

    /// Percent-encodes everything except RFC 3986 unreserved characters (space → `%20`).
    static func percentEncode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                 UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                out.append("%")
                out.unicodeScalars.append(hex[Int(byte >> 4)])
                out.unicodeScalars.append(hex[Int(byte & 0x0f)])
            }
        }
        return out
    }
}

import Foundation
import CSodium

/// Cryptographically secure random bytes and tokens (libsodium `randombytes_buf`).
public enum SecureRandom {
    /// Returns `count` random bytes from the operating system CSPRNG (none for `count <= 0`).
    public static func bytes(_ count: Int) -> [UInt8] {
        let count = max(0, count)
        Sodium.initialize()
        var out = [UInt8](repeating: 0, count: count)
        if count > 0 {
            randombytes_buf(&out, count)
        }
        return out
    }

    /// Returns a random token made of `bytes` random bytes (default 32 = 256 bits),
    /// encoded as URL-safe base64 without padding (43 characters for 32 bytes).
    ///
    /// Suitable for session ids, e-mail verification and password-reset links.
    /// Store only `TokenHash.sha256Hex(token)` server side.
    public static func token(bytes count: Int = 32) -> String {
        Base64URL.encode(bytes(count))
    }
}

/// URL-safe base64 (RFC 4648 §5) without padding.
public enum Base64URL {
    /// Encodes `bytes` as base64url without `=` padding.
    public static func encode(_ bytes: [UInt8]) -> String {
        // Byte-level: request ids and CSRF tokens are encoded on every request.
        var out = [UInt8]()
        out.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index + 3 <= bytes.count {
            let chunk = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(alphabet[Int(chunk >> 18 & 63)])
            out.append(alphabet[Int(chunk >> 12 & 63)])
            out.append(alphabet[Int(chunk >> 6 & 63)])
            out.append(alphabet[Int(chunk & 63)])
            index += 3
        }
        let remaining = bytes.count - index
        if remaining > 0 {
            let chunk = UInt32(bytes[index]) << 16 | (remaining == 2 ? UInt32(bytes[index + 1]) << 8 : 0)
            out.append(alphabet[Int(chunk >> 18 & 63)])
            out.append(alphabet[Int(chunk >> 12 & 63)])
            if remaining == 2 { out.append(alphabet[Int(chunk >> 6 & 63)]) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Decodes base64url exactly as `encode` writes it; returns `nil` for anything else: padding,
    /// characters outside the alphabet, or a last character whose unused low bits are set.
    ///
    /// Each byte string has one spelling only, so a value checked by MAC or looked up by hash
    /// (device cookies, CSRF tokens) cannot be re-spelled into a "different" value that still passes.
    public static func decode(_ text: String) -> [UInt8]? {
        var standard = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "-": standard.append("+")
            case "_": standard.append("/")
            case "+", "/", "=": return nil
            default: standard.unicodeScalars.append(ch)
            }
        }
        while standard.utf8.count % 4 != 0 { standard.append("=") }
        guard let data = Data(base64Encoded: standard) else { return nil }
        let bytes = [UInt8](data)
        // Foundation ignores the unused bits of the last character: only the canonical spelling passes.
        return encode(bytes) == text ? bytes : nil
    }
}

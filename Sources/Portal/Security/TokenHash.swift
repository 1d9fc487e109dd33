import CSodium

/// Hashing of high-entropy tokens for storage (session ids, reset tokens, API keys).
///
/// Tokens from `SecureRandom.token()` carry 256 bits of entropy, so a fast unsalted
/// SHA-256 is appropriate (unlike passwords, which use `PasswordHasher`). A leaked
/// database then does not reveal usable tokens.
public enum TokenHash {
    /// SHA-256 of the token's UTF-8 bytes, as 64 lowercase hex characters.
    public static func sha256Hex(_ token: String) -> String {
        hex(sha256(Array(token.utf8)))
    }

    /// SHA-256 digest (32 bytes) of `bytes` (libsodium `crypto_hash_sha256`).
    public static func sha256(_ bytes: [UInt8]) -> [UInt8] {
        Sodium.initialize()
        var digest = [UInt8](repeating: 0, count: Int(crypto_hash_sha256_bytes()))
        let input = bytes.isEmpty ? [0] : bytes  // valid pointer even when empty
        _ = crypto_hash_sha256(&digest, input, UInt64(bytes.count))
        return digest
    }

    /// Lowercase hexadecimal encoding.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes {
            out.append(digits[Int(b >> 4)])
            out.append(digits[Int(b & 0x0f)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}

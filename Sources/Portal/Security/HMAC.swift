import COpenSSL

/// HMAC via OpenSSL libcrypto (libsodium has no HMAC-SHA1, which TOTP needs).
public enum HMAC {
    /// Supported digests.
    public enum Algorithm: Sendable {
        case sha1, sha256, sha512
    }

    /// Computes HMAC(`key`, `message`) with the given digest.
    /// Returns `nil` only if libcrypto fails (never for valid inputs).
    public static func authenticate(_ message: [UInt8], key: [UInt8], algorithm: Algorithm = .sha256) -> [UInt8]? {
        let md: OpaquePointer?
        switch algorithm {
        case .sha1: md = EVP_sha1()
        case .sha256: md = EVP_sha256()
        case .sha512: md = EVP_sha512()
        }
        var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        // Empty inputs still get a valid pointer (with length 0), never NULL.
        let keyBytes = key.isEmpty ? [0] : key
        let messageBytes = message.isEmpty ? [0] : message
        let result = COpenSSL.HMAC(md, keyBytes, Int32(key.count), messageBytes, message.count, &out, &length)
        guard result != nil else { return nil }
        return Array(out.prefix(Int(length)))
    }
}

import CSodium
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Authenticated symmetric encryption (libsodium `crypto_secretbox_easy`,
/// XSalsa20-Poly1305) for secrets at rest, e.g. TOTP secrets in the database.
///
/// Sealed format: 24-byte random nonce ‖ ciphertext ‖ 16-byte MAC.
public struct SecretBox: Sendable {
    /// Key length in bytes (32).
    public static let keyLength = Int(crypto_secretbox_keybytes())
    /// Nonce length in bytes (24).
    public static let nonceLength = Int(crypto_secretbox_noncebytes())
    /// MAC length in bytes (16).
    public static let macLength = Int(crypto_secretbox_macbytes())

    private let key: [UInt8]

    /// Creates a box with a 32-byte key.
    /// - Throws: `SecretBoxError.invalidKeyLength`.
    public init(key: [UInt8]) throws {
        guard key.count == Self.keyLength else { throw SecretBoxError.invalidKeyLength(key.count) }
        Sodium.initialize()
        self.key = key
    }

    /// A new random key.
    public static func generateKey() -> [UInt8] {
        SecureRandom.bytes(keyLength)
    }

    /// Encrypts and authenticates `plaintext` under a fresh random nonce.
    public func seal(_ plaintext: [UInt8]) -> [UInt8] {
        let nonce = SecureRandom.bytes(Self.nonceLength)
        var cipher = [UInt8](repeating: 0, count: plaintext.count + Self.macLength)
        let plain = plaintext.isEmpty ? [0] : plaintext  // valid pointer even when empty
        _ = crypto_secretbox_easy(&cipher, plain, UInt64(plaintext.count), nonce, key)
        return nonce + cipher
    }

    /// Verifies and decrypts data produced by `seal`.
    /// - Throws: `SecretBoxError.truncated` or `.authenticationFailed` (wrong key or tampering).
    public func open(_ sealed: [UInt8]) throws -> [UInt8] {
        guard sealed.count >= Self.nonceLength + Self.macLength else { throw SecretBoxError.truncated }
        let nonce = Array(sealed[..<Self.nonceLength])
        let cipher = Array(sealed[Self.nonceLength...])
        var plain = [UInt8](repeating: 0, count: cipher.count - Self.macLength + 1)
        let rc = crypto_secretbox_open_easy(&plain, cipher, UInt64(cipher.count), nonce, key)
        guard rc == 0 else { throw SecretBoxError.authenticationFailed }
        return Array(plain.prefix(cipher.count - Self.macLength))
    }

    /// Reads the base64 key stored at `path`, or creates the file (mode 0600, created
    /// exclusively so that concurrent starts cannot both write) with a new random key.
    /// - Parameter requirePrivatePermissions: refuse an existing file that group or
    ///   others may read or write (default `true`).
    /// - Throws: `SecretBoxError` when the file cannot be created or read, is not a
    ///   base64 32-byte key, or has loose permissions.
    public static func loadOrCreateKey(at path: String, requirePrivatePermissions: Bool = true) throws -> [UInt8] {
        let key = generateKey()
        let text = Array((Data(key).base64EncodedString() + "\n").utf8)
        switch PrivateFile.createExclusive(at: path, bytes: text) {
        case .created: return key
        case .failed(let code): throw SecretBoxError.io(path: path, errno: code)
        case .alreadyExists: break
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw SecretBoxError.io(path: path, errno: errno) }
        let mode = UInt16(truncatingIfNeeded: info.st_mode & 0o777)
        if requirePrivatePermissions && mode & 0o077 != 0 {
            throw SecretBoxError.insecureKeyFilePermissions(path: path, mode: mode)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SecretBoxError.io(path: path, errno: errno)
        }
        let stored = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let decoded = Data(base64Encoded: stored), decoded.count == keyLength else {
            throw SecretBoxError.invalidKeyFile(path: path)
        }
        return [UInt8](decoded)
    }
}


import CSodium
import Foundation

/// The deployment's master secret and the purpose-specific keys derived from it
/// (libsodium crypto_kdf), so that a key leaked from one use cannot forge another.
public struct KeyRing: Sendable {
    public enum Purpose: UInt64, Sendable {
        case csrf = 1
        case totpEncryption = 2
        case signedValues = 3
        case deviceCookies = 4
    }

    private let master: [UInt8]

    public init(master: [UInt8]) throws {
        guard master.count == Int(crypto_kdf_KEYBYTES) else {
            throw KeyRingError.invalidKey("the secret key must be 32 bytes, found \(master.count)")
        }
        _ = sodium_init()
        self.master = master
    }

    /// Loads the key from configuration (base64) or from `<data>/secret.key`, creating that file
    /// with mode 0600 on first start.
    public static func load(configured: String?, dataDirectory: String) throws -> KeyRing {
        if let configured {
            guard let bytes = Data(base64Encoded: configured.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                throw KeyRingError.invalidKey("HOSTERRA_SECRET_KEY is not valid base64")
            }
            return try KeyRing(master: [UInt8](bytes))
        }
        let path = dataDirectory + "/secret.key"
        let manager = FileManager.default
        if let contents = manager.contents(atPath: path) {
            let text = String(decoding: contents, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            guard let bytes = Data(base64Encoded: text) else {
                throw KeyRingError.invalidKey("\(path) does not hold a base64 key; remove it to generate a new one (this ends every session)")
            }
            return try KeyRing(master: [UInt8](bytes))
        }
        try manager.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        _ = sodium_init()
        var bytes = [UInt8](repeating: 0, count: Int(crypto_kdf_KEYBYTES))
        crypto_kdf_keygen(&bytes)
        let encoded = Data(bytes).base64EncodedString() + "\n"
        guard manager.createFile(atPath: path, contents: Data(encoded.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw KeyRingError.invalidKey("cannot write \(path)")
        }
        return try KeyRing(master: bytes)
    }

    /// A 32-byte key for one purpose.
    public func key(for purpose: Purpose) -> [UInt8] {
        var subkey = [UInt8](repeating: 0, count: 32)
        let context: [CChar] = Array("hosterra".utf8CString.prefix(8))
        _ = crypto_kdf_derive_from_key(&subkey, subkey.count, purpose.rawValue, context, master)
        return subkey
    }
}

public enum KeyRingError: Error, CustomStringConvertible {
    case invalidKey(String)
    public var description: String {
        switch self {
        case .invalidKey(let message): return message
        }
    }
}

/// HMAC-SHA-512/256 (libsodium crypto_auth) over short messages, for tokens the server must recognise
/// without storing them (CSRF tokens).
public struct MessageAuthenticator: Sendable {
    private let key: [UInt8]

    public init(key: [UInt8]) { self.key = key }

    public func tag(_ message: String) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: Int(crypto_auth_BYTES))
        let bytes = Array(message.utf8)
        _ = crypto_auth(&out, bytes, UInt64(bytes.count), key)
        return out
    }

    public func verify(_ tag: [UInt8], _ message: String) -> Bool {
        guard tag.count == Int(crypto_auth_BYTES) else { return false }
        let bytes = Array(message.utf8)
        return crypto_auth_verify(tag, bytes, UInt64(bytes.count), key) == 0
    }
}

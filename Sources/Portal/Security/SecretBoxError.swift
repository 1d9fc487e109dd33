/// Errors from `SecretBox`.
public enum SecretBoxError: Error, Equatable, Sendable {
    /// The key is not `SecretBox.keyLength` bytes.
    case invalidKeyLength(Int)
    /// The sealed data is shorter than nonce + MAC.
    case truncated
    /// Wrong key, or the data was modified.
    case authenticationFailed
    /// The key file exists but does not hold a base64 32-byte key.
    case invalidKeyFile(path: String)
    /// The key file is readable or writable by group or others.
    case insecureKeyFilePermissions(path: String, mode: UInt16)
    /// A file-system call failed.
    case io(path: String, errno: Int32)
}

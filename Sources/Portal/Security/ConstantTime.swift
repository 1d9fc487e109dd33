import CSodium

/// Constant-time comparisons, for secrets such as tokens, MACs and one-time codes.
public enum ConstantTime {
    /// Compares two byte arrays in time that depends only on their length
    /// (libsodium `sodium_memcmp`). Arrays of different lengths are unequal;
    /// the length itself is not treated as secret.
    public static func equals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        if a.isEmpty { return true }
        Sodium.initialize()
        return a.withUnsafeBytes { pa in
            b.withUnsafeBytes { pb in
                sodium_memcmp(pa.baseAddress, pb.baseAddress, pa.count) == 0
            }
        }
    }

    /// Compares the UTF-8 bytes of two strings in constant time (see `equals(_:_:)`).
    public static func equals(_ a: String, _ b: String) -> Bool {
        equals(Array(a.utf8), Array(b.utf8))
    }
}

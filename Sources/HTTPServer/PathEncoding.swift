/// Percent-encoding for printing URL paths.
public enum PathEncoding {
    /// Encodes one path segment: everything but unreserved characters and `@ :` is escaped, including `/`.
    public static func segment(_ s: String) -> String {
        PercentDecoding.encode(s, keep: { PercentDecoding.isUnreserved($0) || $0 == UInt8(ascii: "@") || $0 == UInt8(ascii: ":") }, spaceAsPlus: false)
    }

    /// Builds a path from raw segments: `path(["users", "a b"])` is `/users/a%20b`.
    public static func path(_ segments: [String]) -> String {
        "/" + segments.map(segment).joined(separator: "/")
    }

    /// Decodes a percent-encoded string (`+` stays `+`); nil on a bad escape or invalid UTF-8.
    public static func decode(_ s: String) -> String? {
        PercentDecoding.decodeString(s.utf8, plusAsSpace: false)
    }
}

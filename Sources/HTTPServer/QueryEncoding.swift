/// Encoding and decoding of `application/x-www-form-urlencoded` data (query strings and form bodies).
public enum QueryEncoding {
    /// Encodes pairs as `a=1&b=x+y`; the result has no leading `?`.
    public static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { component($0.0) + "=" + component($0.1) }.joined(separator: "&")
    }

    /// Encodes one name or value: unreserved characters kept, space as `+`, everything else `%XX`.
    public static func component(_ s: String) -> String {
        PercentDecoding.encode(s, keep: PercentDecoding.isUnreserved, spaceAsPlus: true)
    }

    /// Strictly parses urlencoded bytes; throws `BodyError.malformed` on a bad escape or invalid UTF-8.
    public static func parse<C: Collection>(_ bytes: C) throws(BodyError) -> FormData where C.Element == UInt8 {
        var form = FormData()
        for part in bytes.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let eq = part.firstIndex(of: UInt8(ascii: "="))
            let rawName = eq.map { part[part.startIndex..<$0] } ?? part[...]
            let rawValue = eq.map { part[part.index(after: $0)...] } ?? part[part.endIndex...]
            guard let name = PercentDecoding.decodeString(rawName, plusAsSpace: true) else {
                throw .malformed("bad percent-encoding or invalid UTF-8 in form field name")
            }
            guard let value = PercentDecoding.decodeString(rawValue, plusAsSpace: true) else {
                throw .malformed("bad percent-encoding or invalid UTF-8 in form field '\(name)'")
            }
            form.append(name, value)
        }
        return form
    }

    /// Leniently parses a query string (bad escapes kept literally, invalid UTF-8 replaced).
    public static func parseLenient(_ query: Substring) -> FormData {
        var form = FormData()
        for part in query.split(separator: "&", omittingEmptySubsequences: true) {
            if let eq = part.firstIndex(of: "=") {
                form.append(PercentDecoding.decodeLenient(part[..<eq], plusAsSpace: true),
                            PercentDecoding.decodeLenient(part[part.index(after: eq)...], plusAsSpace: true))
            } else {
                form.append(PercentDecoding.decodeLenient(part, plusAsSpace: true), "")
            }
        }
        return form
    }
}

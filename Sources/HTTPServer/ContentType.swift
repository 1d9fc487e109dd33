/// Media-type checks and parameter parsing for Content-Type headers.
enum ContentType {
    /// The media type without parameters, lowercased ("multipart/form-data").
    static func mediaType(_ value: String) -> String {
        let end = value.firstIndex(of: ";") ?? value.endIndex
        return ASCII.lowercased(String(ASCII.trim(value[..<end])))
    }

    static func isURLEncoded(_ value: String) -> Bool { mediaType(value) == "application/x-www-form-urlencoded" }
    static func isMultipart(_ value: String) -> Bool { mediaType(value) == "multipart/form-data" }

    static func isJSON(_ value: String) -> Bool {
        let t = mediaType(value)
        return t == "application/json" || (t.hasPrefix("application/") && t.hasSuffix("+json"))
    }

    /// A parameter value (`boundary`, `name`, `filename`) from a header value like
    /// `form-data; name="a"; filename="b.txt"`. Handles quoted strings with backslash escapes.
    static func parameter(_ name: String, in value: String) -> String? {
        let u = Array(value.utf8)
        var i = 0
        // Skip the leading token up to the first ';'.
        while i < u.count && u[i] != UInt8(ascii: ";") { i += 1 }
        while i < u.count {
            i += 1 // skip ';'
            while i < u.count && (u[i] == 0x20 || u[i] == 0x09) { i += 1 }
            let keyStart = i
            while i < u.count && u[i] != UInt8(ascii: "=") && u[i] != UInt8(ascii: ";") { i += 1 }
            var keyEnd = i
            while keyEnd > keyStart && (u[keyEnd - 1] == 0x20 || u[keyEnd - 1] == 0x09) { keyEnd -= 1 }
            let key = String(decoding: u[keyStart..<keyEnd], as: UTF8.self)
            var parsed: [UInt8] = []
            if i < u.count && u[i] == UInt8(ascii: "=") {
                i += 1
                while i < u.count && (u[i] == 0x20 || u[i] == 0x09) { i += 1 }
                if i < u.count && u[i] == UInt8(ascii: "\"") {
                    i += 1
                    while i < u.count && u[i] != UInt8(ascii: "\"") {
                        if u[i] == UInt8(ascii: "\\") && i + 1 < u.count { i += 1 }
                        parsed.append(u[i])
                        i += 1
                    }
                    i += 1 // closing quote
                    while i < u.count && u[i] != UInt8(ascii: ";") { i += 1 }
                } else {
                    let s = i
                    while i < u.count && u[i] != UInt8(ascii: ";") { i += 1 }
                    var e = i
                    while e > s && (u[e - 1] == 0x20 || u[e - 1] == 0x09) { e -= 1 }
                    parsed = Array(u[s..<e])
                }
            }
            if ASCII.equalsIgnoringCase(key, name) {
                return String(decoding: parsed, as: UTF8.self)
            }
        }
        return nil
    }
}

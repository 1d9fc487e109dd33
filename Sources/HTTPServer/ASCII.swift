/// Byte-level helpers shared by the parsers; they avoid Foundation on the request path.
enum ASCII {
    /// Case-insensitive equality for ASCII strings (header names, parameter names).
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        // Header lookups compare against every name present: most differ in length, decided in O(1).
        guard a.utf8.count == b.utf8.count else { return false }
        var ai = a.utf8.makeIterator()
        var bi = b.utf8.makeIterator()
        while true {
            switch (ai.next(), bi.next()) {
            case (nil, nil): return true
            case let (x?, y?):
                if x != y && lower(x) != lower(y) { return false }
            default: return false
            }
        }
    }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 {
        (b >= 65 && b <= 90) ? b + 32 : b
    }

    static func lowercased(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 >= 65 && $0 <= 90 }) { return s }
        return String(decoding: s.utf8.map(lower), as: UTF8.self)
    }

    /// Trims spaces and tabs.
    static func trim(_ s: Substring) -> Substring {
        var s = s
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }

    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}

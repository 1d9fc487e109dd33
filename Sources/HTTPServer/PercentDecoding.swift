/// Percent-decoding shared by paths, query strings and urlencoded forms.
enum PercentDecoding {
    /// Decodes `%XX` escapes (and `+` as space when `plusAsSpace`). Returns nil on a bad escape.
    static func decode<C: Collection>(_ bytes: C, plusAsSpace: Bool) -> [UInt8]? where C.Element == UInt8 {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i != bytes.endIndex {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                let h = bytes.index(after: i)
                guard h != bytes.endIndex else { return nil }
                let l = bytes.index(after: h)
                guard l != bytes.endIndex, let hi = ASCII.hexValue(bytes[h]), let lo = ASCII.hexValue(bytes[l]) else {
                    return nil
                }
                out.append(hi << 4 | lo)
                i = bytes.index(after: l)
            } else {
                out.append(plusAsSpace && b == UInt8(ascii: "+") ? 0x20 : b)
                i = bytes.index(after: i)
            }
        }
        return out
    }

    /// Decodes to a String, or nil on a bad escape or invalid UTF-8.
    static func decodeString<C: Collection>(_ bytes: C, plusAsSpace: Bool) -> String? where C.Element == UInt8 {
        // Fast path: nothing to decode.
        if !bytes.contains(where: { $0 == UInt8(ascii: "%") || (plusAsSpace && $0 == UInt8(ascii: "+")) }) {
            return String(validating: bytes, as: UTF8.self)
        }
        guard let decoded = decode(bytes, plusAsSpace: plusAsSpace) else { return nil }
        return String(validating: decoded, as: UTF8.self)
    }

    /// Decodes leniently: bad escapes stay literal and invalid UTF-8 is replaced (for paths and query strings,
    /// where rejecting the whole request would be unhelpful).
    static func decodeLenient(_ s: Substring, plusAsSpace: Bool) -> String {
        if let d = decodeString(s.utf8, plusAsSpace: plusAsSpace) { return d }
        var out = [UInt8]()
        let u = Array(s.utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "%"), i + 2 < u.count, let hi = ASCII.hexValue(u[i + 1]), let lo = ASCII.hexValue(u[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(plusAsSpace && u[i] == UInt8(ascii: "+") ? 0x20 : u[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func encode(_ s: String, keep: (UInt8) -> Bool, spaceAsPlus: Bool) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        for b in s.utf8 {
            if keep(b) {
                out.append(b)
            } else if spaceAsPlus && b == 0x20 {
                out.append(UInt8(ascii: "+"))
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(ASCII.hexDigits[Int(b >> 4)])
                out.append(ASCII.hexDigits[Int(b & 0xF)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 3986 unreserved characters.
    static func isUnreserved(_ b: UInt8) -> Bool {
        switch b {
        case 48...57, 65...90, 97...122, UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"): return true
        default: return false
        }
    }
}

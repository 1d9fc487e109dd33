/// Quoted-printable body encoding (RFC 2045 §6.7) with CRLF line endings.
public enum QuotedPrintable {
    /// Encodes text: line endings become CRLF, lines are soft-wrapped at 76 characters,
    /// `=`, non-ASCII and trailing whitespace are escaped. A leading `.` and a leading
    /// `From ` are escaped too, so no transport needs to stuff or mangle lines.
    public static func encode(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + text.utf8.count / 4)
        let lines = splitLines(text)
        for (index, line) in lines.enumerated() {
            if index > 0 { out += "\r\n" }
            encodeLine(line, into: &out)
        }
        return out
    }

    /// Splits on CRLF, LF or lone CR.
    static func splitLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        var previousCR = false
        for byte in text.utf8 {
            if byte == 0x0a {
                if !previousCR { lines.append([]) }
                previousCR = false
            } else if byte == 0x0d {
                lines.append([])
                previousCR = true
            } else {
                lines[lines.count - 1].append(byte)
                previousCR = false
            }
        }
        return lines
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    private static func encodeLine(_ line: [UInt8], into out: inout String) {
        var current: [UInt8] = []
        let startsWithFrom = line.starts(with: Array("From ".utf8))
        for (i, byte) in line.enumerated() {
            let isLast = i == line.count - 1
            let literal: Bool
            switch byte {
            case 0x21...0x7e: literal = byte != UInt8(ascii: "=")
            case 0x20, 0x09: literal = !isLast  // trailing whitespace must be encoded
            default: literal = false
            }
            let mustEscapeAtStart = current.isEmpty && (byte == UInt8(ascii: ".") || (i == 0 && startsWithFrom))
            let token: [UInt8] = (literal && !mustEscapeAtStart)
                ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
            if current.count + token.count > 75 {
                out += String(decoding: current, as: UTF8.self) + "=\r\n"
                current = []
                if byte == UInt8(ascii: ".") {  // a soft-wrapped line must not start with "."
                    current += [UInt8(ascii: "="), UInt8(ascii: "2"), UInt8(ascii: "E")]
                    continue
                }
            }
            current += token
        }
        out += String(decoding: current, as: UTF8.self)
    }
}

import Foundation

/// Renders an `EmailMessage` as an RFC 5322 / MIME message with CRLF line endings:
/// `text/plain` alone, or `multipart/alternative` with `text/plain` and `text/html`,
/// both UTF-8 and quoted-printable.
///
/// Header values are sanitised (CR/LF become spaces, so no header injection is
/// possible) and non-ASCII text is RFC 2047-encoded. Invalid addresses are dropped
/// from headers; `SMTPClient` refuses them before sending.
public enum MIMEWriter {
    /// Headers the writer produces itself; extra headers with these names are ignored.
    static let reservedHeaders: Set<String> = [
        "date", "from", "to", "cc", "bcc", "reply-to", "subject", "message-id",
        "mime-version", "content-type", "content-transfer-encoding",
    ]

    /// The message as bytes ready for SMTP `DATA` or an `.eml` file.
    public static func render(_ message: EmailMessage) -> [UInt8] {
        render(message, boundary: "=_hs_" + TokenHash.hex(SecureRandom.bytes(12)))
    }

    /// Renders with a fixed boundary (tests). The boundary starts with `=_`, which
    /// cannot occur in quoted-printable text.
    static func render(_ message: EmailMessage, boundary: String) -> [UInt8] {
        var out = ""
        func header(_ name: String, _ value: String) { out += fold(name: name, value: value) + "\r\n" }

        header("Date", rfc5322Date(message.date))
        header("From", MailAddress(parsing: message.from)?.headerValue ?? "")
        header("To", message.to.compactMap { MailAddress(parsing: $0)?.headerValue }.joined(separator: ", "))
        if let replyTo = message.replyTo, let parsed = MailAddress(parsing: replyTo) {
            header("Reply-To", parsed.headerValue)
        }
        header("Subject", encodeText(message.subject))
        header("Message-ID", sanitize(message.messageID))
        header("MIME-Version", "1.0")
        for extra in message.headers where isValidName(extra.name) && !reservedHeaders.contains(extra.name.lowercased()) {
            header(extra.name, encodeText(extra.value))
        }

        let plainHeaders = "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        if let html = message.htmlBody {
            header("Content-Type", "multipart/alternative; boundary=\"\(boundary)\"")
            out += "\r\nThis is a multi-part message in MIME format.\r\n"
            out += "--\(boundary)\r\n" + plainHeaders + "\r\n"
            out += QuotedPrintable.encode(message.textBody) + "\r\n"
            out += "--\(boundary)\r\n"
            out += "Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
            out += QuotedPrintable.encode(html) + "\r\n"
            out += "--\(boundary)--\r\n"
        } else {
            out += plainHeaders + "\r\n"
            out += QuotedPrintable.encode(message.textBody) + "\r\n"
        }
        return Array(out.utf8)
    }

    /// `Tue, 01 Jul 2025 09:05:00 +0000` (always UTC).
    public static func rfc5322Date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second, .weekday], from: date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two(_ n: Int?) -> String { let v = n ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let weekday = days[((c.weekday ?? 1) - 1) % 7]
        let month = months[((c.month ?? 1) - 1) % 12]
        return "\(weekday), \(two(c.day)) \(month) \(c.year ?? 1970) \(two(c.hour)):\(two(c.minute)):\(two(c.second)) +0000"
    }

    /// Replaces CR, LF and other control characters (except tab) with spaces.
    static func sanitize(_ value: String) -> String {
        String(String.UnicodeScalarView(value.unicodeScalars.map { s in
            (s.value < 0x20 && s != "\t") || s.value == 0x7f ? " " : s
        }))
    }

    /// Sanitised text, as encoded words when it is not plain printable ASCII.
    static func encodeText(_ value: String) -> String {
        let clean = sanitize(value)
        return EncodedWord.needsEncoding(clean) ? EncodedWord.encode(clean).joined(separator: "\r\n ") : clean
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7f && $0 != UInt8(ascii: ":") }
    }

    /// `Name: value`, folded at spaces so lines stay within 78 characters where possible.
    /// Values that already contain folds (encoded words) are kept as they are.
    static func fold(name: String, value: String) -> String {
        let line = "\(name): \(value)"
        if line.utf8.count <= 78 || value.contains("\r\n") { return line }
        var result = ""
        var current = "\(name):"
        for word in value.split(separator: " ", omittingEmptySubsequences: false) {
            if current.utf8.count + 1 + word.utf8.count > 78 && current.contains(" ") && !current.trimmingASCIIWhitespace().isEmpty {
                result += current + "\r\n"
                current = " " + word
            } else {
                current += " " + word
            }
        }
        return result + current
    }
}

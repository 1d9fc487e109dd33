import Foundation
import Testing
@testable import Portal

@Suite("MIMEWriter")
struct MIMEWriterTests {
    private func render(_ message: EmailMessage) -> String {
        String(decoding: MIMEWriter.render(message), as: UTF8.self)
    }

    private let sample = EmailMessage(
        from: "Hosterra <noreply@hosterra.example>", to: ["jane@example.com"],
        subject: "Your invoice", textBody: "Line one\nLine two", htmlBody: "<p>Line one</p>",
        date: Date(timeIntervalSince1970: 1_751_360_700))

    @Test("every line ends in CRLF: no bare LF or CR anywhere")
    func crlfOnly() {
        let bytes = MIMEWriter.render(sample)
        for (i, b) in bytes.enumerated() {
            if b == 0x0a { #expect(i > 0 && bytes[i - 1] == 0x0d) }
            if b == 0x0d { #expect(i + 1 < bytes.count && bytes[i + 1] == 0x0a) }
        }
    }

    @Test("the Date header is RFC 5322 format in UTC")
    func dateHeader() {
        #expect(render(sample).hasPrefix("Date: Tue, 01 Jul 2025 09:05:00 +0000\r\n"))
        #expect(MIMEWriter.rfc5322Date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test("standard headers are present and the Message-ID uses the sender's domain")
    func standardHeaders() {
        let text = render(sample)
        #expect(text.contains("From: Hosterra <noreply@hosterra.example>\r\n"))
        #expect(text.contains("To: jane@example.com\r\n"))
        #expect(text.contains("Subject: Your invoice\r\n"))
        #expect(text.contains("MIME-Version: 1.0\r\n"))
        #expect(sample.messageID.hasPrefix("<") && sample.messageID.hasSuffix("@hosterra.example>"))
        #expect(text.contains("Message-ID: \(sample.messageID)\r\n"))
    }

    @Test("an HTML body makes multipart/alternative with a plain part first, both quoted-printable UTF-8")
    func multipartAlternative() {
        let rendered = render(sample)
        let (headers, body) = MailDecoding.split(rendered)
        let boundary = MailDecoding.boundary(headers["content-type"] ?? "")
        #expect(headers["content-type"]?.hasPrefix("multipart/alternative;") == true)
        let parts = MailDecoding.parts(body: body, boundary: boundary ?? "-")
        #expect(parts.map(\.type) == ["text/plain; charset=UTF-8", "text/html; charset=UTF-8"])
        #expect(parts.first?.text == "Line one\nLine two\n")
        #expect(rendered.hasSuffix("--\(boundary ?? "-")--\r\n"))
    }

    @Test("without HTML the message is a single text/plain part")
    func plainOnly() {
        var message = sample
        message.htmlBody = nil
        let text = render(message)
        #expect(!text.contains("multipart"))
        #expect(text.contains("Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nLine one\r\nLine two\r\n"))
    }

    @Test("a non-ASCII subject becomes RFC 2047 encoded words of at most 75 characters that decode back")
    func encodedSubject() {
        var message = sample
        message.subject = "Ihre Rechnung für März ist da — 请查收 🧾 und noch ein längerer Text damit gefaltet wird"
        let (headers, _) = MailDecoding.split(render(message))
        let raw = headers["subject"] ?? ""
        #expect(raw.hasPrefix("=?UTF-8?B?"))
        #expect(raw.split(whereSeparator: { $0 == " " || $0 == "\n" }).allSatisfy { $0.count <= 75 })
        #expect(raw.contains("\n "))  // folded
        #expect(MailDecoding.encodedWords(raw) == message.subject)
    }

    @Test("non-ASCII display names are encoded, special ones quoted")
    func displayNames() {
        #expect(MailAddress(parsing: "Jäne <j@example.com>")?.headerValue == "=?UTF-8?B?SsOkbmU=?= <j@example.com>")
        #expect(MailAddress(parsing: "Doe, Jane <j@example.com>")?.headerValue == "\"Doe, Jane\" <j@example.com>")
        #expect(MailAddress(parsing: "\"Doe, Jane\" <j@example.com>")?.displayName == "Doe, Jane")
        #expect(MailAddress(parsing: "j@example.com")?.headerValue == "j@example.com")
    }

    @Test("CR and LF in header values cannot inject headers; reserved and invalid extra headers are dropped")
    func headerInjectionPrevented() {
        var message = sample
        message.subject = "Hello\r\nBcc: victim@example.com"
        message.headers = [EmailHeader("X-Tag", "a\nBcc: x@example.com"), EmailHeader("Subject", "dup"),
                           EmailHeader("Bad Name", "v"), EmailHeader("X-Ok", "fine")]
        let text = render(message)
        let lines = text.components(separatedBy: "\r\n")
        #expect(!lines.contains { $0.lowercased().hasPrefix("bcc:") })
        #expect(lines.filter { $0.hasPrefix("Subject:") }.count == 1)
        #expect(!text.contains("Bad Name"))
        #expect(text.contains("X-Ok: fine\r\n"))
        #expect(MailAddress(parsing: "a@b.c\r\nRCPT TO:<x@y.z>") == nil)
    }

    @Test("quoted-printable wraps at 76, escapes '=', trailing spaces, leading dots and non-ASCII, and round-trips")
    func quotedPrintable() {
        let text = "a=b trailing  \n.dot line\nFrom here\n" + String(repeating: "ü€x", count: 40) + "\n" + String(repeating: "y", count: 200)
        let encoded = QuotedPrintable.encode(text)
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix(" ") && !$0.hasPrefix("From ") })
        #expect(encoded.hasPrefix("a=3Db trailing =20\r\n=2Edot line\r\n=46rom here\r\n"))
        #expect(MailDecoding.quotedPrintable(encoded) == text)
        #expect(QuotedPrintable.encode("a\r\nb\rc") == "a\r\nb\r\nc")
    }
}

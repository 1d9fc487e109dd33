import Foundation
import Testing
@testable import Portal

@Suite("SMTPClient against aiosmtpd", .serialized)
struct SMTPIntegrationTests {
    @Test("a multipart message with a non-ASCII subject arrives intact at a real SMTP server")
    func deliversToRealServer() throws {
        let server = try TestSMTPServer.start()
        defer { server.stop() }
        let link = "https://account.hosterra.example/verify?token=Abc-123_xyz&lang=de"
        let subject = "Bestätigen Sie Ihre E-Mail-Adresse für Hosterra ✅ — jetzt"
        let message = EmailMessage(
            from: "Hosterra Konto <noreply@hosterra.example>",
            to: ["Jäne Doe <jane@example.com>", "ops@example.org"],
            subject: subject,
            textBody: "Hallo Jäne,\n\nbitte bestätigen Sie Ihre Adresse:\n\(link)\n\n.\nDanke",
            htmlBody: "<p>Hallo Jäne,</p><p><a href=\"\(link.replacingOccurrences(of: "&", with: "&amp;"))\">Adresse bestätigen</a></p>",
            headers: [EmailHeader("Auto-Submitted", "auto-generated")])
        let config = try SMTPConfiguration(parsing: "smtp://127.0.0.1:\(server.port)?starttls=optional&helo=panel.hosterra.example&timeout=10")
        let client = SMTPClient(configuration: config, envelopeFrom: "bounces@hosterra.example")
        try client.send(message)

        let delivered = server.deliveredMessages()
        #expect(delivered.count == 1)
        let (headers, body) = MailDecoding.split(delivered.first ?? "")
        #expect(MailDecoding.encodedWords(headers["subject"] ?? "") == subject)
        #expect(headers["x-mailfrom"] == "bounces@hosterra.example")
        #expect(headers["x-rcptto"]?.contains("jane@example.com") == true)
        #expect(headers["x-rcptto"]?.contains("ops@example.org") == true)
        #expect(headers["to"]?.contains("<jane@example.com>") == true)
        #expect(headers["message-id"] == message.messageID)
        #expect(headers["mime-version"] == "1.0")
        #expect(headers["auto-submitted"] == "auto-generated")
        let boundary = MailDecoding.boundary(headers["content-type"] ?? "")
        #expect(headers["content-type"]?.hasPrefix("multipart/alternative") == true)
        let parts = MailDecoding.parts(body: body, boundary: boundary ?? "-")
        #expect(parts.count == 2)
        #expect(parts.first?.type.hasPrefix("text/plain; charset=UTF-8") == true)
        #expect(parts.first?.text.contains(link) == true)
        #expect(parts.first?.text.contains("Hallo Jäne,") == true)
        #expect(parts.first?.text.contains("\n.\nDanke") == true)  // a lone dot line survives SMTP
        #expect(parts.last?.type.hasPrefix("text/html") == true)
        #expect(parts.last?.text.contains("href=\"https://account.hosterra.example/verify?token=Abc-123_xyz&amp;lang=de\"") == true)
    }

    @Test("with STARTTLS required, a server without TLS is refused before any mail is sent")
    func requiredTLSIsEnforced() throws {
        let server = try TestSMTPServer.start()
        defer { server.stop() }
        let config = try SMTPConfiguration(parsing: "smtp://127.0.0.1:\(server.port)?timeout=10")
        #expect(config.requireTLS)
        let message = EmailMessage(from: "noreply@hosterra.example", to: ["jane@example.com"], subject: "x", textBody: "y")
        #expect {
            try SMTPClient(configuration: config).send(message)
        } throws: { error in
            guard let mail = error as? MailError, case .tlsFailed = mail else { return false }
            return !mail.isTemporary
        }
        #expect(server.deliveredMessages().isEmpty)
    }

    @Test("sending to a closed port fails at once with a temporary connectionFailed error, not after the timeout")
    func closedPortFailsFast() throws {
        let port = try #require(freeLocalPort())
        let config = try SMTPConfiguration(parsing: "smtp://127.0.0.1:\(port)?starttls=optional&timeout=5")
        let message = EmailMessage(from: "noreply@hosterra.example", to: ["jane@example.com"], subject: "x", textBody: "y")
        #expect {
            try SMTPClient(configuration: config).send(message)
        } throws: { error in
            guard let mail = error as? MailError, case .connectionFailed(let detail) = mail else { return false }
            // A refused connection, told apart from a timeout (which curl reports as "Timeout was reached").
            return mail.isTemporary && !detail.isEmpty && mail.description.contains("Could not connect")
                && !mail.description.contains("Timeout")
        }
    }
}

import CCurl
import Foundation
import Testing
@testable import Portal

@Suite("SMTPConfiguration")
struct SMTPConfigurationTests {
    @Test("a full URL yields host, port, decoded credentials, STARTTLS required, timeout and HELO")
    func fullURL() throws {
        let c = try SMTPConfiguration(parsing: "smtp://mailer:p%40ss%3Aword@mail.example.com:587?starttls=required&timeout=20&helo=panel.hosterra.example")
        #expect(c.url == "smtp://mail.example.com:587")
        #expect(c.username == "mailer")
        #expect(c.password == "p@ss:word")
        #expect(c.requireTLS)
        #expect(c.timeoutSeconds == 20)
        #expect(c.heloDomain == "panel.hosterra.example")
        #expect(c.curlURL == "smtp://mail.example.com:587/panel.hosterra.example")
    }

    @Test("defaults: port 25 with STARTTLS required for smtp, port 465 implicit TLS for smtps")
    func defaults() throws {
        let plain = try SMTPConfiguration(parsing: "smtp://mail.example.com")
        #expect(plain.url == "smtp://mail.example.com:25" && plain.requireTLS && plain.timeoutSeconds == 30)
        let tls = try SMTPConfiguration(parsing: "smtps://u:p@mail.example.com")
        #expect(tls.url == "smtps://mail.example.com:465" && tls.isImplicitTLS && tls.requireTLS)
        let v6 = try SMTPConfiguration(parsing: "smtp://[::1]:2525?starttls=optional")
        #expect(v6.url == "smtp://[::1]:2525" && !v6.requireTLS)
    }

    @Test("credentials without required TLS are refused except on loopback")
    func credentialsNeedTLS() throws {
        #expect(throws: MailError.self) { try SMTPConfiguration(parsing: "smtp://u:p@mail.example.com:587?starttls=optional") }
        #expect(try SMTPConfiguration(parsing: "smtp://u:p@127.0.0.1:2525?starttls=optional").username == "u")
    }

    @Test("malformed URLs and unknown options are configuration errors", arguments: [
        "http://mail.example.com", "smtp://", "smtp://mail.example.com/path", "smtp://mail.example.com?starttls=maybe",
        "smtp://mail.example.com?timeout=0", "smtp://mail.example.com?foo=bar", "not a url",
    ])
    func malformed(url: String) {
        #expect(throws: MailError.self) { try SMTPConfiguration(parsing: url) }
    }

    @Test("the description redacts the password")
    func descriptionRedacts() throws {
        let c = try SMTPConfiguration(parsing: "smtps://mailer:hunter2hunter2@mail.example.com")
        #expect(!c.description.contains("hunter2"))
        #expect(c.description.contains("<redacted>"))
    }
}

@Suite("SMTPClient and MailError")
struct SMTPClientTests {
    @Test("addresses that could inject SMTP commands are refused before connecting")
    func invalidAddressesRefused() throws {
        let client = SMTPClient(configuration: try SMTPConfiguration(parsing: "smtp://127.0.0.1:1?starttls=optional"))
        let bad = EmailMessage(from: "noreply@hosterra.example", to: ["x@example.com>\r\nRCPT TO:<y@example.com"], subject: "s", textBody: "b")
        #expect(throws: MailError.invalidAddress(bad.to[0])) { try client.send(bad) }
        let good = EmailMessage(from: "noreply@hosterra.example", to: ["x@example.com"], subject: "s", textBody: "b")
        #expect(throws: MailError.invalidAddress("evil")) { try client.send(good, envelopeFrom: "evil") }
        var none = good
        none.to = []
        #expect(throws: MailError.noRecipients) { try client.send(none) }
    }

    @Test("SMTP 4xx replies are temporary and 5xx permanent; connection problems are temporary")
    func errorClassification() {
        #expect(SMTPClient.mapError(CURLE_SEND_ERROR, responseCode: 451, message: "m").isTemporary)
        #expect(SMTPClient.mapError(CURLE_SEND_ERROR, responseCode: 550, message: "m") == .rejected(smtpCode: 550, message: "m"))
        #expect(!MailError.rejected(smtpCode: 550, message: "m").isTemporary)
        #expect(MailError.connectionFailed("x").isTemporary && MailError.timedOut("x").isTemporary)
        #expect(!MailError.authenticationFailed("x").isTemporary && !MailError.tlsFailed("x").isTemporary)
    }

    @Test("MailTransports picks SMTP when a URL is configured and files otherwise")
    func transportSelection() throws {
        #expect(try MailTransports.make(smtpURL: "smtp://mail.example.com", outboxDirectory: "/tmp/x") is SMTPClient)
        #expect(try MailTransports.make(smtpURL: nil, outboxDirectory: "/tmp/x") is FileMailTransport)
        #expect(throws: MailError.self) { try MailTransports.make(smtpURL: "ftp://x", outboxDirectory: "/tmp/x") }
    }
}

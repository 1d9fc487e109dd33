import Foundation
import Testing
@testable import Portal

@Suite("FileMailTransport")
struct FileMailTransportTests {
    @Test("each message becomes a 0600 .eml file in a newly created directory")
    func writesEmlFiles() throws {
        let dir = NSTemporaryDirectory() + "outbox-" + SecureRandom.token(bytes: 8) + "/nested"
        defer { try? FileManager.default.removeItem(atPath: (dir as NSString).deletingLastPathComponent) }
        let transport = FileMailTransport(directory: dir)
        let message = EmailMessage(from: "noreply@hosterra.example", to: ["jane@example.com"],
                                   subject: "Willkommen", textBody: "Hallo", htmlBody: "<p>Hallo</p>")
        let path = try transport.write(message)
        try transport.send(message)
        #expect(path.hasSuffix(".eml"))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(files.filter { $0.hasSuffix(".eml") }.count == 2)
        #expect(!files.contains { $0.hasSuffix(".tmp") })
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let content = try String(contentsOfFile: path, encoding: .utf8)
        #expect(content.contains("Subject: Willkommen\r\n"))
        #expect(content.contains("Message-ID: \(message.messageID)\r\n"))
    }

    @Test("a message without recipients is refused")
    func noRecipients() {
        let transport = FileMailTransport(directory: NSTemporaryDirectory() + "unused-" + SecureRandom.token(bytes: 6))
        #expect(throws: MailError.noRecipients) {
            try transport.send(EmailMessage(from: "a@b.example", to: [], subject: "s", textBody: "t"))
        }
    }
}

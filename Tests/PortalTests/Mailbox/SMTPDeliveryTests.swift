import Foundation
import HTTPServer
import Testing
@testable import Portal
#if canImport(Glibc)
import Glibc
#endif

/// A real SMTP server for the length of one test: Debian's aiosmtpd writing into a Maildir.
/// (`/usr/bin/python3` on purpose: `python3` on PATH may be an interpreter without aiosmtpd.)
final class LocalSMTPServer {
    let port: Int
    let maildir: String
    private let process: Process

    init() throws {
        maildir = NSTemporaryDirectory() + "hosterra-maildir-" + UUID().uuidString
        port = try Self.freePort()
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        guard Self.waitUntilAccepting(port: port, timeout: 15) else {
            stop()
            throw SMTPServerError.notListening(port)
        }
    }

    deinit { stop() }

    func stop() {
        if process.isRunning {
            // aiosmtpd ignores SIGTERM; its Maildir writes are atomic, so a hard kill loses nothing.
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: maildir)
    }

    /// The raw messages delivered so far.
    func messages() throws -> [String] {
        let directory = maildir + "/new"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return try names.sorted().map { try String(contentsOfFile: directory + "/" + $0, encoding: .utf8) }
    }

    enum SMTPServerError: Error { case noPort, notListening(Int) }

    /// A port the kernel just handed out (bound to port 0, then released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw SMTPServerError.noPort }
        defer { close(fd) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else { throw SMTPServerError.noPort }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw SMTPServerError.noPort }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func waitUntilAccepting(port: Int, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = loopback(port: port)
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if connected == 0 { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }
}

/// Decodes the text/plain part of a raw message (quoted-printable or base64).
func plainTextPart(of raw: String) -> String? {
    let message = raw.replacingOccurrences(of: "\r\n", with: "\n")
    guard let start = message.range(of: "Content-Type: text/plain", options: .caseInsensitive) else { return nil }
    let rest = message[start.lowerBound...]
    guard let headerEnd = rest.range(of: "\n\n") else { return nil }
    let headers = rest[..<headerEnd.lowerBound].lowercased()
    var body = String(rest[headerEnd.upperBound...])
    if let boundary = body.range(of: "\n--") { body = String(body[..<boundary.lowerBound]) }
    if headers.contains("content-transfer-encoding: base64") {
        let data = Data(base64Encoded: body.filter { !$0.isWhitespace }) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
    if headers.contains("content-transfer-encoding: quoted-printable") {
        return decodeQuotedPrintable(body)
    }
    return body
}

func decodeQuotedPrintable(_ text: String) -> String {
    let bytes = Array(text.replacingOccurrences(of: "=\n", with: "").utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
        if bytes[index] == UInt8(ascii: "="), index + 2 < bytes.count,
           let value = UInt8(String(decoding: bytes[index + 1...index + 2], as: UTF8.self), radix: 16) {
            out.append(value)
            index += 3
        } else {
            out.append(bytes[index])
            index += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}

@Suite("Delivery to a real SMTP server", .serialized)
struct SMTPDeliveryTests {
    @Test("the verification email reaches a real SMTP server, and its link verifies the new customer")
    func signupEmailThroughSMTP() throws {
        // setup
        let server = try LocalSMTPServer()
        defer { server.stop() }
        // aiosmtpd offers no STARTTLS: TLS stays optional, which the configuration allows on loopback.
        let app = try TestApp { $0.smtpURL = "smtp://127.0.0.1:\(server.port)?starttls=optional" }
        let person = Person.make()
        let browser = app.browser()
        try browser.submit("/signup", form: [("name", person.name), ("email", person.email), ("password", person.password)], from: "/signup")
        let queued = try #require(try app.emails(to: person.email).first)
        // MUT
        let report = app.app.background.outbox.deliverDue()
        // validate
        #expect(report == OutboxWorker.Report(delivered: 1))
        let messages = try server.messages()
        try #require(messages.count == 1)
        let raw = messages[0]
        #expect(raw.contains("Message-ID: <\(queued.publicId)@hosterra.example>"))
        #expect(raw.contains("To: \(person.email)"))
        let text = try #require(plainTextPart(of: raw))
        let link = try #require(TestApp.links(in: text).first { $0.contains("/verify-email?token=") })
        let target = TestApp.target(of: link)
        let page = try browser.get(target)
        #expect(page.status == .ok)
        let token = try #require(target.components(separatedBy: "token=").last?.removingPercentEncoding)
        let confirmed = try browser.submit("/verify-email", form: [("token", token)], from: target)
        #expect(confirmed.status == .seeOther)
        let user = try #require(try app.database.read { db in try UserStore.user(email: person.email, db) })
        #expect(user.isVerified)
        let row = try #require(try app.email(publicID: queued.publicId))
        #expect(row.status == "sent")
        #expect(row.attempts == 1)
    }

    @Test("when the SMTP server is unreachable the email stays pending with the connection error and an attempt counted")
    func serverDownThenUp() throws {
        // setup
        let port = try LocalSMTPServer.freePort()
        let app = try TestApp { $0.smtpURL = "smtp://127.0.0.1:\(port)?starttls=optional&timeout=5" }
        let person = Person.make()
        try person.signUpAndLogIn(app, verify: false)
        let queued = try #require(try app.emails(to: person.email).first)
        // MUT
        let down = app.app.background.outbox.deliverDue()
        // validate
        #expect(down == OutboxWorker.Report(retrying: 1))
        let row = try #require(try app.email(publicID: queued.publicId))
        #expect(row.status == "pending")
        #expect(row.attempts == 1)
        #expect(row.lastError.contains("connect"))
    }
}

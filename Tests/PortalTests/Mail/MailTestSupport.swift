import Foundation
@testable import Portal
#if canImport(Glibc)
import Glibc
#endif

/// Decoding helpers for checking rendered and received messages.
enum MailDecoding {
    /// Decodes quoted-printable text (soft breaks removed, =XX decoded).
    static func quotedPrintable(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        var bytes: [UInt8] = []
        let input = Array(normalized.utf8)
        var i = 0
        while i < input.count {
            if input[i] == UInt8(ascii: "=") {
                if i + 1 < input.count, input[i + 1] == UInt8(ascii: "\n") { i += 2; continue }
                if i + 2 < input.count, let v = UInt8(String(decoding: input[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                    bytes.append(v); i += 3; continue
                }
            }
            bytes.append(input[i]); i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes a header value made of RFC 2047 B-words (UTF-8) and plain text.
    static func encodedWords(_ value: String) -> String {
        let unfolded = value.replacingOccurrences(of: "\r\n ", with: " ").replacingOccurrences(of: "\n ", with: " ")
        var out = ""
        for token in unfolded.split(separator: " ", omittingEmptySubsequences: false) {
            if token.hasPrefix("=?UTF-8?B?") && token.hasSuffix("?=") {
                let b64 = token.dropFirst(10).dropLast(2)
                out += String(decoding: Data(base64Encoded: String(b64)) ?? Data(), as: UTF8.self)
            } else {
                if !out.isEmpty { out += " " }
                out += token
            }
        }
        return out
    }

    /// Unfolded headers (name lowercased → value) and the raw body, LF line endings.
    static func split(_ raw: String) -> (headers: [String: String], body: String) {
        let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = text.components(separatedBy: "\n\n")
        var headers: [String: String] = [:]
        var lastName: String?
        for line in (parts.first ?? "").split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(" ") || line.hasPrefix("\t"), let name = lastName {
                headers[name, default: ""] += "\n" + line
            } else if let colon = line.firstIndex(of: ":") {
                let name = line[..<colon].lowercased()
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                lastName = name
            }
        }
        return (headers, parts.dropFirst().joined(separator: "\n\n"))
    }

    /// Body parts of a multipart body: (content-type, decoded text).
    static func parts(body: String, boundary: String) -> [(type: String, text: String)] {
        body.components(separatedBy: "--\(boundary)").dropFirst().compactMap { chunk in
            guard !chunk.hasPrefix("--") else { return nil }
            let (headers, content) = split(String(chunk.drop { $0 == "\n" || $0 == "\r" }))
            let decoded = headers["content-transfer-encoding"] == "quoted-printable" ? quotedPrintable(content) : content
            return (headers["content-type"] ?? "", decoded)
        }
    }

    /// The boundary parameter of a Content-Type value.
    static func boundary(_ contentType: String) -> String? {
        guard let range = contentType.range(of: "boundary=\"") else { return nil }
        return String(contentType[range.upperBound...].prefix { $0 != "\"" })
    }
}

/// A local port nobody listens on right now (bind to port 0, read it, close).
func freeLocalPort() -> Int? {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
}

/// Whether something accepts TCP connections on 127.0.0.1:`port`.
func acceptsConnections(port: Int) -> Bool {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = UInt16(port).bigEndian
    return withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
    }
}

/// Debian's aiosmtpd (`/usr/bin/python3 -m aiosmtpd`) storing mail in a Maildir.
final class TestSMTPServer {
    let port: Int
    let maildir: String
    private let process: Process

    private init(port: Int, maildir: String, process: Process) {
        self.port = port
        self.maildir = maildir
        self.process = process
    }

    /// Starts the server on a free port and waits (up to 15 s) until it accepts connections.
    static func start() throws -> TestSMTPServer {
        guard let port = freeLocalPort() else { throw MailError.connectionFailed("no free port") }
        let maildir = NSTemporaryDirectory() + "maildir-" + SecureRandom.token(bytes: 8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-m", "aiosmtpd", "-n", "-l", "127.0.0.1:\(port)", "-c", "aiosmtpd.handlers.Mailbox", maildir]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let server = TestSMTPServer(port: port, maildir: maildir, process: process)
        let deadline = Date().addingTimeInterval(15)
        while !acceptsConnections(port: port) {
            guard Date() < deadline, process.isRunning else {
                server.stop()
                throw MailError.connectionFailed("aiosmtpd did not start on port \(port)")
            }
            usleep(50_000)
        }
        return server
    }

    /// Raw messages delivered so far (Maildir `new/`).
    func deliveredMessages() -> [String] {
        let dir = maildir + "/new"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.sorted().compactMap { try? String(contentsOfFile: dir + "/" + $0, encoding: .utf8) }
    }

    /// Stops the server this helper started (SIGINT, which aiosmtpd handles; SIGKILL to
    /// the same pid if it is still running after 3 s) and removes the Maildir.
    func stop() {
        if process.isRunning {
            process.interrupt()
            let deadline = Date().addingTimeInterval(3)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                while process.isRunning { usleep(20_000) }
            }
        }
        try? FileManager.default.removeItem(atPath: maildir)
    }
}

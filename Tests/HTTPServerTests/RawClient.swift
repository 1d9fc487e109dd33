#if canImport(Glibc)
import Glibc
#endif
import Foundation
@testable import HTTPServer

/// A minimal blocking socket client so tests control every byte sent.
final class RawClient {
    struct Failure: Error, CustomStringConvertible { let description: String }

    struct Reply {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    let fd: Int32
    private var buffer: [UInt8] = []

    init(port: UInt16, timeout: Double = 30) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket failed") }
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = port.bigEndian
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard rc == 0 else {
            let e = errno
            Glibc.close(fd)
            throw Failure(description: "connect failed: \(String(cString: strerror(e)))")
        }
        setTimeout(timeout)
    }

    deinit { Glibc.close(fd) }

    func setTimeout(_ seconds: Double) {
        var tv = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Sends bytes; returns false when the peer already closed.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads more bytes into the buffer; false on close, error or timeout.
    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
        if n <= 0 { return false }
        buffer += chunk[0..<n]
        return true
    }

    /// True when the server closes the connection (EOF or reset) before the timeout, after
    /// draining anything still unread.
    func waitForClose() -> Bool {
        while true {
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
            if n == 0 { return true }
            if n < 0 { return errno == ECONNRESET || errno == EPIPE }
        }
    }

    private func readLine() throws -> String {
        while true {
            if let i = MultipartParser.find([13, 10], in: buffer, from: 0) {
                let line = String(decoding: buffer[0..<i], as: UTF8.self)
                buffer.removeFirst(i + 2)
                return line
            }
            guard fill() else { throw Failure(description: "connection closed while reading a line") }
        }
    }

    private func readExactly(_ n: Int) throws -> [UInt8] {
        while buffer.count < n {
            guard fill() else { throw Failure(description: "connection closed with \(buffer.count)/\(n) body bytes") }
        }
        let out = Array(buffer[0..<n])
        buffer.removeFirst(n)
        return out
    }

    /// Reads one response (Content-Length, chunked, or until close). Skips 100 Continue.
    func readReply(head: Bool = false) throws -> Reply {
        while true {
            let statusLine = try readLine()
            let parts = statusLine.split(separator: " ")
            guard parts.count >= 2, let status = Int(parts[1]) else { throw Failure(description: "bad status line: \(statusLine)") }
            var headers = HTTPHeaders()
            while true {
                let line = try readLine()
                if line.isEmpty { break }
                if let colon = line.firstIndex(of: ":") {
                    headers.add(String(line[..<colon]), String(line[line.index(after: colon)...].drop(while: { $0 == " " })))
                }
            }
            if status == 100 { continue }
            if head || status == 204 || status == 304 { return Reply(status: status, headers: headers, body: []) }
            var body: [UInt8] = []
            if let length = headers["Content-Length"].flatMap({ Int($0) }) {
                body = try readExactly(length)
            } else if headers["Transfer-Encoding"]?.lowercased() == "chunked" {
                while true {
                    let sizeLine = try readLine()
                    guard let size = Int(sizeLine.split(separator: ";")[0], radix: 16) else { throw Failure(description: "bad chunk size") }
                    if size == 0 {
                        while try !readLine().isEmpty {}
                        break
                    }
                    body += try readExactly(size)
                    _ = try readLine()
                }
            } else {
                while fill() {}
                body = buffer
                buffer = []
            }
            return Reply(status: status, headers: headers, body: body)
        }
    }

    /// One request on a fresh connection.
    static func request(port: UInt16, _ raw: String, body: [UInt8] = []) throws -> Reply {
        let client = try RawClient(port: port)
        client.send(Array(raw.utf8) + body)
        return try client.readReply(head: raw.hasPrefix("HEAD "))
    }
}

import Foundation
@testable import HTTPServer

/// Starts a server on a free port for the duration of `body`.
func withServer<T>(_ responder: @escaping Responder,
                   _ body: (HTTPServer, UInt16) throws -> T) throws -> T {
    try withServer(ServerConfiguration(port: 0, threads: 2), responder, body)
}

/// Starts a server with `configuration` (port forced to 0) for the duration of `body`.
func withServer<T>(_ configuration: ServerConfiguration,
                   _ responder: @escaping Responder,
                   _ body: (HTTPServer, UInt16) throws -> T) throws -> T {
    var config = configuration
    config.port = 0
    let server = HTTPServer(configuration: config, responder: responder)
    try server.start()
    defer { server.shutdown(gracePeriodSeconds: 1) }
    return try body(server, server.port)
}

/// Echoes what the server parsed, one `key: value` per line, for assertions.
let echoResponder: Responder = { request in
    if request.path == "/fail" { throw HTTPError(.badRequest) }
    if request.path == "/stream" {
        return .stream(BodyStream.chunks((0..<5).map { Array("chunk \($0)\n".utf8) }), contentType: "text/plain")
    }
    if let error = request.bodyError {
        switch error {
        case .tooLarge: return .text("too large", status: .payloadTooLarge)
        case .malformed(let reason): return .text("malformed: \(reason)", status: .badRequest)
        }
    }
    var lines = [
        "method: \(request.method.rawValue)",
        "path: \(request.path)",
        "target: \(request.rawTarget)",
        "query: \(request.query)",
        "form: \(request.form)",
        "cookies: \(request.cookies.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))",
        "remote: \(request.remoteAddress)",
        "body: \(String(decoding: request.body, as: UTF8.self))",
    ]
    for file in request.files {
        lines.append("file: \(file.fieldName) \(file.filename) \(file.contentType) \(file.size)")
    }
    return .text(lines.joined(separator: "\n"))
}

/// A normal request still works (used after bad inputs).
func serverAnswers(_ port: UInt16) -> Bool {
    guard let reply = try? RawClient.request(port: port, "GET /ok HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n") else { return false }
    return reply.status == 200
}

/// Lines of an echo reply as a dictionary (first occurrence wins).
func echoFields(_ text: String) -> [String: String] {
    var out: [String: String] = [:]
    for line in text.split(separator: "\n") {
        guard let r = line.range(of: ": ") else { continue }
        let k = String(line[..<r.lowerBound])
        if out[k] == nil { out[k] = String(line[r.upperBound...]) }
    }
    return out
}

/// A thread-safe box for values set inside responders.
final class Box<T: Sendable>: @unchecked Sendable { // safe: every access holds `lock`
    private let lock = NSLock()
    private var value: T
    init(_ value: T) { self.value = value }
    func get() -> T { lock.withLock { value } }
    func set(_ v: T) { lock.withLock { value = v } }
}

/// Counts calls; safe across threads through `Box`'s lock.
final class Counter: Sendable {
    private let box = Box(0)
    func next() -> Int {
        let v = box.get()
        box.set(v + 1)
        return v
    }
}

/// Polls `condition` for up to `seconds`.
/// Polls until `condition` holds; the bound only matters when it never does (a loaded CI machine
/// is slow, not wrong), so it is generous.
func eventually(_ seconds: Double = 30, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        usleep(10_000)
    }
    return condition()
}

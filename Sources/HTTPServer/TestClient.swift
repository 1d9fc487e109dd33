import Foundation

/// An in-process client: builds each `Request` exactly as the server would (same target, cookie,
/// query and body parsing, including size limits, multipart temp files and `bodyError`), calls the
/// responder and reads streamed bodies to the end. No sockets involved.
///
///     let client = TestClient(app.responder)
///     let r = try client.get("/account")
///     #expect(r.status == .seeOther)
public struct TestClient: Sendable {
    public let responder: Responder
    public let remoteAddress: String
    /// Limits and upload directory, as the server would apply them.
    public let configuration: ServerConfiguration

    public init(_ responder: @escaping Responder, remoteAddress: String = "127.0.0.1",
                configuration: ServerConfiguration = ServerConfiguration()) {
        self.responder = responder
        self.remoteAddress = remoteAddress
        self.configuration = configuration
    }

    /// Sends a request. `target` is a path with an optional query, encoded as on the wire
    /// (`/search?q=a+b`). Errors thrown by the responder propagate.
    public func send(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [],
                     body: [UInt8] = []) throws -> TestResponse {
        var requestHeaders = HTTPHeaders(headers)
        if !body.isEmpty && !requestHeaders.contains("Content-Length") && !requestHeaders.contains("Transfer-Encoding") {
            requestHeaders["Content-Length"] = String(body.count)
        }
        if Request.headerSize(method: method.rawValue, rawTarget: target, headers: requestHeaders) > configuration.maxHeaderBytes {
            // The server answers this itself without calling the responder.
            return TestResponse(status: .requestHeaderFieldsTooLarge, headers: ["Connection": "close"],
                                body: Array("Request Header Fields Too Large".utf8))
        }
        let contentLength = requestHeaders["Content-Length"].flatMap { Int($0) }
        var reader = BodyReader(contentType: requestHeaders["Content-Type"], contentLength: contentLength,
                                configuration: configuration)
        defer { reader.removeTemporaryFiles() }
        if !reader.rejectedUpFront {
            // Feed in slices like a socket would, so multipart parsing crosses chunk edges.
            var offset = 0
            while offset < body.count {
                let end = min(body.count, offset + 16 * 1024)
                if !reader.feed(Array(body[offset..<end])) { break }
                offset = end
            }
        }
        let result = reader.finish()
        let request = Request.assemble(method: method, rawTarget: target, headers: requestHeaders,
                                       remoteAddress: remoteAddress, body: result)
        let response = try responder(request)
        var bytes: [UInt8] = []
        switch response.body {
        case .bytes(let b): bytes = b
        case .stream(let stream):
            while let chunk = try stream.next() { bytes += chunk }
        }
        var responseHeaders = response.headers
        if case .tooLarge? = result.error { responseHeaders["Connection"] = "close" }
        if method == .HEAD { bytes = [] } // the server never sends a body for HEAD
        return TestResponse(status: response.status, headers: responseHeaders, body: bytes)
    }

    /// A GET request.
    public func get(_ target: String, headers: [(String, String)] = []) throws -> TestResponse {
        try send(.GET, target, headers: headers)
    }

    /// A POST of an urlencoded form.
    public func post(_ target: String, form: [(String, String)], headers: [(String, String)] = []) throws -> TestResponse {
        try send(.POST, target, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers,
                 body: Array(QueryEncoding.encode(form).utf8))
    }

    /// A request with a JSON body encoded by `JSONEncoder` (ISO 8601 dates).
    public func postJSON<T: Encodable>(_ target: String, _ value: T, method: HTTPMethod = .POST,
                                       headers: [(String, String)] = []) throws -> TestResponse {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return try send(method, target, headers: [("Content-Type", "application/json")] + headers, body: Array(data))
    }

    /// A multipart/form-data POST with text fields and files (`(field, filename, contentType, bytes)`).
    public func postMultipart(_ target: String, fields: [(String, String)] = [],
                              files: [(field: String, filename: String, contentType: String, content: [UInt8])] = [],
                              headers: [(String, String)] = []) throws -> TestResponse {
        let boundary = "TestBoundary\(UInt64.random(in: 0...UInt64.max))"
        let body = TestClient.multipartBody(boundary: boundary, fields: fields, files: files)
        return try send(.POST, target,
                        headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")] + headers, body: body)
    }

    /// Encodes a multipart/form-data body.
    public static func multipartBody(boundary: String, fields: [(String, String)],
                                     files: [(field: String, filename: String, contentType: String, content: [UInt8])]) -> [UInt8] {
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        for file in files {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\"\r\nContent-Type: \(file.contentType)\r\n\r\n".utf8)
            body += file.content
            body += Array("\r\n".utf8)
        }
        body += Array("--\(boundary)--\r\n".utf8)
        return body
    }
}

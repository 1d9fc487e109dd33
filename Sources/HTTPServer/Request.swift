/// An HTTP request as handed to the responder, with the body already read and parsed.
public struct Request: Sendable {
    public var method: HTTPMethod
    /// The percent-decoded path without the query string (e.g. `/files/a b`).
    public var path: String
    /// The request target exactly as received (e.g. `/files/a%20b?x=1`).
    public var rawTarget: String
    /// Decoded query string parameters.
    public var query: FormData
    public var headers: HTTPHeaders
    /// Cookies from the `Cookie` header.
    public var cookies: [String: String]
    /// The client's IP address as text.
    public var remoteAddress: String
    /// The raw body for urlencoded, JSON and other bodies; empty for multipart (see `form` and `files`).
    public var body: [UInt8]
    /// Fields of an urlencoded or multipart body; empty for other content types.
    public var form: FormData
    /// File parts of a multipart body, stored in temporary files deleted when the request completes.
    public var files: [UploadedFile]
    /// Set when the body was too large or could not be parsed; `body`, `form` and `files` are then incomplete.
    public var bodyError: BodyError?
    /// Values attached by middleware.
    public var extensions: Extensions

    /// The memberwise initializer used by the transport and the test client.
    public init(method: HTTPMethod, path: String, rawTarget: String, query: FormData, headers: HTTPHeaders,
                cookies: [String: String], remoteAddress: String, body: [UInt8], form: FormData,
                files: [UploadedFile], bodyError: BodyError?, extensions: Extensions = Extensions()) {
        self.method = method
        self.path = path
        self.rawTarget = rawTarget
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.remoteAddress = remoteAddress
        self.body = body
        self.form = form
        self.files = files
        self.bodyError = bodyError
        self.extensions = extensions
    }

    /// A request for unit tests. Cookies come from the `Cookie` header and an urlencoded body is
    /// parsed into `form` (use `TestClient` for multipart and size limits).
    public init(method: HTTPMethod, path: String, query: FormData = FormData(), headers: HTTPHeaders = HTTPHeaders(),
                body: [UInt8] = [], remoteAddress: String = "127.0.0.1") {
        var target = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { PathEncoding.segment(String($0)) }.joined(separator: "/")
        if !query.isEmpty { target += "?" + QueryEncoding.encode(query.fields.map { ($0.name, $0.value) }) }
        var form = FormData()
        var bodyError: BodyError?
        if let type = headers["Content-Type"], ContentType.isURLEncoded(type) {
            do { form = try QueryEncoding.parse(body) } catch { bodyError = error }
        }
        self.init(method: method, path: path, rawTarget: target, query: query, headers: headers,
                  cookies: Request.parseCookies(headers), remoteAddress: remoteAddress, body: body,
                  form: form, files: [], bodyError: bodyError)
    }

    /// Splits a request target into the decoded path and the parsed query.
    static func splitTarget(_ target: String) -> (path: String, query: FormData) {
        if let q = target.utf8.firstIndex(of: UInt8(ascii: "?")) {
            let rawPath = target[..<q]
            let rawQuery = target[target.index(after: q)...]
            return (PercentDecoding.decodeLenient(rawPath, plusAsSpace: false), QueryEncoding.parseLenient(rawQuery))
        }
        return (PercentDecoding.decodeLenient(target[...], plusAsSpace: false), FormData())
    }

    static func parseCookies(_ headers: HTTPHeaders) -> [String: String] {
        let values = headers.values("Cookie")
        if values.isEmpty { return [:] }
        return Cookie.parseCookieHeader(values.joined(separator: "; "))
    }

    /// The raw (still percent-encoded) path part of `rawTarget`.
    public var rawPath: Substring {
        if let q = rawTarget.firstIndex(of: "?") { return rawTarget[..<q] }
        return rawTarget[...]
    }

    /// The value of a header (first occurrence).
    public func header(_ name: String) -> String? { headers[name] }
}

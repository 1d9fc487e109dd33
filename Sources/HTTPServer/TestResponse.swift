/// A response collected by `TestClient`, with a streamed body read to the end.
public struct TestResponse: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(status: HTTPStatus, headers: HTTPHeaders, body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The body decoded as UTF-8 (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }

    /// Cookies set by the response: name → value (a deleted cookie has an empty value).
    public var cookies: [String: String] {
        var result: [String: String] = [:]
        for header in headers.values("Set-Cookie") {
            if let c = TestResponse.parseSetCookie(header) { result[c.name] = c.value }
        }
        return result
    }

    /// Parses the name, value and whether a `Set-Cookie` header deletes the cookie.
    static func parseSetCookie(_ header: String) -> (name: String, value: String, deletes: Bool)? {
        let parts = header.split(separator: ";")
        guard let first = parts.first, let eq = first.firstIndex(of: "=") else { return nil }
        let name = String(ASCII.trim(first[..<eq]))
        let value = String(ASCII.trim(first[first.index(after: eq)...]))
        var deletes = false
        for attribute in parts.dropFirst() {
            let a = ASCII.lowercased(String(ASCII.trim(attribute)))
            if a.hasPrefix("max-age="), let n = Int(a.dropFirst(8)), n <= 0 { deletes = true }
            if a.hasPrefix("expires=") && a.contains("1970") { deletes = true }
        }
        return (name, value, deletes)
    }

    /// The `Location` header.
    public var location: String? { headers["Location"] }
}

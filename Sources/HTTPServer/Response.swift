import Foundation

/// An HTTP response: status, headers and a body.
public struct Response: Sendable {
    public var status: HTTPStatus
    public var headers: HTTPHeaders
    public var body: ResponseBody

    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: ResponseBody = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// An HTML page from UTF-8 bytes.
    public static func html(_ bytes: [UInt8], status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/html; charset=utf-8"], body: .bytes(bytes))
    }

    /// An HTML page.
    public static func html(_ html: String, status: HTTPStatus = .ok) -> Response {
        .html(Array(html.utf8), status: status)
    }

    /// A plain-text response.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: .bytes(Array(text.utf8)))
    }

    /// A JSON response encoded with `JSONEncoder` (sorted keys, ISO 8601 dates).
    /// Encoding failure is a programming error in the app; it yields a 500 with a JSON error body
    /// rather than a throw, so call sites stay simple.
    public static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value) else {
            return .bytes(Array(#"{"error":"The response could not be encoded."}"#.utf8),
                          contentType: "application/json; charset=utf-8", status: .internalServerError)
        }
        return .bytes(Array(data), contentType: "application/json; charset=utf-8", status: status)
    }

    /// Raw bytes with a content type.
    public static func bytes(_ bytes: [UInt8], contentType: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": contentType], body: .bytes(bytes))
    }

    /// A streamed body (CSV exports, server-sent events). Sent with chunked encoding.
    public static func stream(_ stream: BodyStream, contentType: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": contentType], body: .stream(stream))
    }

    /// A redirect; 303 by default (the right answer to a POST).
    public static func redirect(to location: String, status: HTTPStatus = .seeOther) -> Response {
        Response(status: status, headers: ["Location": location], body: .bytes([]))
    }

    /// A response without a body.
    public static func empty(status: HTTPStatus = .noContent) -> Response {
        Response(status: status, body: .bytes([]))
    }

    /// Adds a `Set-Cookie` header.
    public mutating func setCookie(_ cookie: Cookie) {
        headers.add("Set-Cookie", cookie.headerValue)
    }

    /// The body bytes when it is not streamed.
    public var bodyBytes: [UInt8]? {
        if case .bytes(let b) = body { return b }
        return nil
    }
}

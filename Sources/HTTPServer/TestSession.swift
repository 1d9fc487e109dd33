import Foundation
import Synchronization

/// A `TestClient` with a cookie jar: cookies set by responses are sent with later requests
/// (deleted when a response expires them). Redirects are not followed; check `location` instead.
///
///     let session = TestSession(client)
///     _ = try session.post("/login", form: [("email", "a@b.c"), ("password", "pw")])
///     #expect(try session.get("/account").status == .ok)
public final class TestSession: Sendable {
    public let client: TestClient
    private let jar = Mutex<[String: String]>([:])

    public init(_ client: TestClient) {
        self.client = client
    }

    /// The cookies the session currently holds.
    public var cookies: [String: String] { jar.withLock { $0 } }

    /// Sets or removes (nil) a cookie by hand.
    public func setCookie(_ name: String, _ value: String?) {
        jar.withLock { $0[name] = value }
    }

    /// Sends a request with the jar's cookies (merged with any `Cookie` header given) and stores
    /// the cookies the response sets.
    public func send(_ method: HTTPMethod, _ target: String, headers: [(String, String)] = [],
                     body: [UInt8] = []) throws -> TestResponse {
        var headers = headers
        let cookieHeader = jar.withLock { jar in
            jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        }
        if !cookieHeader.isEmpty { headers.append(("Cookie", cookieHeader)) }
        let response = try client.send(method, target, headers: headers, body: body)
        jar.withLock { jar in
            for header in response.headers.values("Set-Cookie") {
                guard let c = TestResponse.parseSetCookie(header) else { continue }
                jar[c.name] = c.deletes ? nil : c.value
            }
        }
        return response
    }

    public func get(_ target: String, headers: [(String, String)] = []) throws -> TestResponse {
        try send(.GET, target, headers: headers)
    }

    public func post(_ target: String, form: [(String, String)], headers: [(String, String)] = []) throws -> TestResponse {
        try send(.POST, target, headers: [("Content-Type", "application/x-www-form-urlencoded")] + headers,
                 body: Array(QueryEncoding.encode(form).utf8))
    }

    public func postJSON<T: Encodable>(_ target: String, _ value: T, method: HTTPMethod = .POST,
                                       headers: [(String, String)] = []) throws -> TestResponse {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        return try send(method, target, headers: [("Content-Type", "application/json")] + headers, body: Array(data))
    }
}

/// An error that maps to an HTTP response. `message` is safe to show to users.
public struct HTTPError: Error, Sendable, CustomStringConvertible {
    public var status: HTTPStatus
    /// A user-facing message; defaults to the status reason phrase.
    public var message: String
    /// Extra headers for the error response (e.g. `Allow`, `Retry-After`, `WWW-Authenticate`).
    public var headers: HTTPHeaders

    public init(_ status: HTTPStatus, _ message: String? = nil, headers: HTTPHeaders = HTTPHeaders()) {
        self.status = status
        self.message = message ?? status.reason
        self.headers = headers
    }

    public var description: String { "HTTPError(\(status.code)): \(message)" }
}

/// Why the transport could not hand over a request body. Set on `Request.bodyError` so the
/// application can render a proper page instead of the connection failing silently.
public enum BodyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The body (or a single multipart text field) exceeded `limit` bytes; the body was not read
    /// (or not kept) and the connection is closed after the response.
    case tooLarge(limit: Int)
    /// The body could not be parsed: bad multipart framing, invalid UTF-8 or bad percent-encoding in a form.
    case malformed(String)

    public var description: String {
        switch self {
        case .tooLarge(let limit): return "request body larger than \(limit) bytes"
        case .malformed(let reason): return "malformed request body: \(reason)"
        }
    }
}

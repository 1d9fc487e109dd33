/// The request methods the server accepts. Requests with other methods never reach the responder
/// (the transport answers 501 Not Implemented itself).
public enum HTTPMethod: String, Sendable, CaseIterable {
    case GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS
}

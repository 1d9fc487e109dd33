/// Why a server could not start.
public enum ServerError: Error, Sendable, CustomStringConvertible {
    case alreadyStarted
    case invalidHost(String)
    case bindFailed(host: String, port: UInt16, reason: String)
    case startFailed(String)

    public var description: String {
        switch self {
        case .alreadyStarted: return "the server was already started"
        case .invalidHost(let h): return "invalid IPv4 address to bind: \(h)"
        case .bindFailed(let h, let p, let reason): return "cannot listen on \(h):\(p): \(reason)"
        case .startFailed(let reason): return "libmicrohttpd failed to start: \(reason)"
        }
    }
}

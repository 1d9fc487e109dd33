/// Errors from mail transports. `isTemporary` tells whether retrying later may succeed.
public enum MailError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The SMTP URL or options are unusable.
    case invalidConfiguration(String)
    /// An address is malformed (or could inject SMTP commands).
    case invalidAddress(String)
    /// The message has no recipients.
    case noRecipients
    /// DNS resolution or TCP connection failed (temporary).
    case connectionFailed(String)
    /// The server did not answer in time (temporary).
    case timedOut(String)
    /// TLS could not be established or the certificate was refused (permanent until fixed).
    case tlsFailed(String)
    /// The server refused the credentials (permanent until fixed).
    case authenticationFailed(String)
    /// The server answered with an SMTP error; 4xx codes are temporary, 5xx permanent.
    case rejected(smtpCode: Int, message: String)
    /// Another libcurl failure (treated as temporary).
    case transport(curlCode: Int, message: String)
    /// Writing an `.eml` file failed.
    case storageFailed(path: String, message: String)

    /// Whether the same message may be delivered by retrying later.
    public var isTemporary: Bool {
        switch self {
        case .connectionFailed, .timedOut, .transport: return true
        case .rejected(let code, _): return (400..<500).contains(code)
        case .storageFailed: return true
        case .invalidConfiguration, .invalidAddress, .noRecipients, .tlsFailed, .authenticationFailed: return false
        }
    }

    /// A log-friendly description (never contains credentials).
    public var description: String {
        switch self {
        case .invalidConfiguration(let m): return "Invalid SMTP configuration: \(m)"
        case .invalidAddress(let a): return "Invalid e-mail address: \(a)"
        case .noRecipients: return "The message has no recipients"
        case .connectionFailed(let m): return "Could not connect to the SMTP server: \(m)"
        case .timedOut(let m): return "The SMTP server timed out: \(m)"
        case .tlsFailed(let m): return "TLS with the SMTP server failed: \(m)"
        case .authenticationFailed(let m): return "SMTP authentication failed: \(m)"
        case .rejected(let code, let m): return "The SMTP server rejected the message (\(code)): \(m)"
        case .transport(let code, let m): return "SMTP transfer failed (curl \(code)): \(m)"
        case .storageFailed(let path, let m): return "Could not write mail file \(path): \(m)"
        }
    }
}

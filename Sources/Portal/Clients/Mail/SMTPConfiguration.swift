import Foundation

/// Where and how to deliver mail over SMTP.
///
/// Parsed from a URL:
///
///     smtp://[user[:password]@]host[:port][?starttls=required|optional][&timeout=S][&helo=DOMAIN][&cafile=PATH]
///     smtps://[user[:password]@]host[:port][?timeout=S][&helo=DOMAIN][&cafile=PATH]
///
/// - `smtp://` (default port 25; use 587 for submission) upgrades with STARTTLS.
///   `starttls=required` (the default) refuses to continue without TLS;
///   `starttls=optional` uses TLS when offered and plain text otherwise (only for a
///   local relay or test server; with credentials it is allowed only on loopback hosts).
/// - `smtps://` (default port 465) uses TLS from the first byte.
/// - User and password are percent-decoded (`%40` for `@`, `%3A` for `:`).
/// - `timeout` is the total time for one message in seconds (default 30).
/// - `helo` is the domain sent with EHLO (default: libcurl's choice).
/// - `cafile` is a PEM bundle of trusted CAs (default: the system store).
/// Certificates are always verified.
public struct SMTPConfiguration: Sendable, Equatable, CustomStringConvertible {
    /// `smtp://host:port` or `smtps://host:port`, without credentials or path.
    public var url: String
    /// SMTP AUTH user name.
    public var username: String?
    /// SMTP AUTH password.
    public var password: String?
    /// For `smtp://`: `true` = STARTTLS required, `false` = opportunistic. `smtps://` is always TLS.
    public var requireTLS: Bool
    /// Total time allowed for one message; the connect phase gets at most 10 s of it.
    public var timeoutSeconds: Int
    /// Domain for EHLO.
    public var heloDomain: String?
    /// PEM file with trusted CA certificates.
    public var caFile: String?

    /// Creates a configuration directly. Prefer `init(parsing:)` for deployment settings.
    public init(
        url: String, username: String? = nil, password: String? = nil, requireTLS: Bool = true,
        timeoutSeconds: Int = 30, heloDomain: String? = nil, caFile: String? = nil
    ) {
        self.url = url
        self.username = username
        self.password = password
        self.requireTLS = requireTLS
        self.timeoutSeconds = timeoutSeconds
        self.heloDomain = heloDomain
        self.caFile = caFile
    }

    /// Parses the URL format described on the type.
    /// - Throws: `MailError.invalidConfiguration`.
    public init(parsing text: String) throws {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "smtp" || scheme == "smtps"
        else { throw MailError.invalidConfiguration("expected smtp://… or smtps://…") }
        guard var host = components.host, !host.isEmpty else { throw MailError.invalidConfiguration("missing host") }
        if host.contains(":") && !host.hasPrefix("[") { host = "[\(host)]" }
        guard host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f && $0 != UInt8(ascii: "/") }) else {
            throw MailError.invalidConfiguration("invalid host")
        }
        let port = components.port ?? (scheme == "smtps" ? 465 : 25)
        guard (1...65535).contains(port) else { throw MailError.invalidConfiguration("invalid port") }
        guard components.path.isEmpty || components.path == "/" else {
            throw MailError.invalidConfiguration("unexpected path; use ?helo=DOMAIN")
        }

        var requireTLS = true
        var timeout = 30
        var helo: String?
        var caFile: String?
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name.lowercased() {
            case "starttls":
                switch value.lowercased() {
                case "required": requireTLS = true
                case "optional": requireTLS = false
                default: throw MailError.invalidConfiguration("starttls must be required or optional")
                }
            case "timeout":
                guard let seconds = Int(value), (1...600).contains(seconds) else {
                    throw MailError.invalidConfiguration("timeout must be 1…600 seconds")
                }
                timeout = seconds
            case "helo":
                guard !value.isEmpty, value.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7f && $0 != UInt8(ascii: "/") }) else {
                    throw MailError.invalidConfiguration("invalid helo domain")
                }
                helo = value
            case "cafile":
                caFile = value
            default:
                throw MailError.invalidConfiguration("unknown option \(item.name)")
            }
        }
        if scheme == "smtps" { requireTLS = true }

        let user = components.user.flatMap { $0.isEmpty ? nil : $0 }
        let password = components.password
        if user != nil && !requireTLS && !Self.isLoopback(host) {
            throw MailError.invalidConfiguration("credentials need TLS: use starttls=required or smtps://")
        }
        self.init(url: "\(scheme)://\(host):\(port)", username: user, password: password,
                  requireTLS: requireTLS, timeoutSeconds: timeout, heloDomain: helo, caFile: caFile)
    }

    /// Whether the configuration uses implicit TLS (`smtps://`).
    public var isImplicitTLS: Bool { url.hasPrefix("smtps://") }

    /// The URL handed to libcurl: its path is the EHLO domain.
    var curlURL: String { url + "/" + (heloDomain ?? "") }

    /// The configuration with the password redacted, for logs.
    public var description: String {
        let user = username.map { " user=\($0)" } ?? ""
        let secret = password == nil ? "" : " password=<redacted>"
        return "SMTPConfiguration(\(url)\(user)\(secret) requireTLS=\(requireTLS) timeout=\(timeoutSeconds)s)"
    }

    static func isLoopback(_ host: String) -> Bool {
        let h = host.lowercased()
        return h == "localhost" || h == "[::1]" || h.hasPrefix("127.")
    }
}

import Foundation

/// Everything the application needs to start, read from HOSTERRA_* environment variables and
/// command-line flags (flags win). The README's configuration table mirrors `AppConfiguration.options`.
public struct AppConfiguration: Sendable, Equatable {
    public var host = "127.0.0.1"
    public var port: UInt16 = 8080
    public var dataDirectory = "./data"
    /// `sqlite:PATH` (default `sqlite:<data>/hosterra.sqlite3`) or `postgres://…` (libpq URL).
    public var databaseURL: String?
    /// The URL customers use; links in emails are built from it, never from the Host header.
    public var publicURL = "http://127.0.0.1:8080"
    public var threads = max(2, ProcessInfo.processInfo.activeProcessorCount)
    public var maxBodyBytes = 1 << 20
    /// Multipart bodies are read before routing: no page takes uploads yet, so they get the body limit.
    public var maxUploadBytes = 1 << 20
    public var connectionTimeoutSeconds = 30
    public var maxConnectionsPerAddress = 64
    public var accessLog = true
    /// Base64 of 32 bytes; when absent the key is generated into `<data>/secret.key` on first start.
    public var secretKey: String?
    public var smtpURL: String?
    public var mailFrom = "Hosterra <no-reply@hosterra.example>"
    public var sessionIdleMinutes = 30
    public var sessionAbsoluteHours = 12
    /// Addresses of reverse proxies (nginx) whose `X-Forwarded-For` names the real client.
    public var trustedProxies: [String] = []
    /// How long a claimed job stays with its instance before another may take it over.
    public var jobLeaseSeconds = 120

    public init() {}

    /// Whether the panel is served over TLS (then cookies get `Secure` and the `__Host-` prefix, and HSTS is sent).
    public var isHTTPS: Bool { publicURL.lowercased().hasPrefix("https://") }

    public var resolvedDatabaseURL: String {
        databaseURL ?? "sqlite:\(dataDirectory)/hosterra.sqlite3"
    }

    /// One row per setting: environment variable, flag, default, meaning.
    public struct Option: Sendable {
        public let environment: String
        public let flag: String
        public let defaultValue: String
        public let summary: String
        let apply: @Sendable (inout AppConfiguration, String) throws -> Void
    }

    public static let options: [Option] = [
        Option(environment: "HOSTERRA_HOST", flag: "--host", defaultValue: "127.0.0.1", summary: "Address to listen on.") { $0.host = $1 },
        Option(environment: "HOSTERRA_PORT", flag: "--port", defaultValue: "8080", summary: "TCP port to listen on.") {
            $0.port = try parse($1, as: UInt16.self, name: "port")
        },
        Option(environment: "HOSTERRA_DATA_DIR", flag: "--data-dir", defaultValue: "./data", summary: "Directory for the SQLite database, the secret key and outgoing .eml files.") { $0.dataDirectory = $1 },
        Option(environment: "HOSTERRA_DATABASE_URL", flag: "--database-url", defaultValue: "sqlite:<data-dir>/hosterra.sqlite3", summary: "Database to use: `sqlite:PATH` or `postgres://USER:PASSWORD@HOST:PORT/DB`.") { $0.databaseURL = $1 },
        Option(environment: "HOSTERRA_PUBLIC_URL", flag: "--public-url", defaultValue: "http://127.0.0.1:8080", summary: "URL customers reach the panel at; https turns on HSTS, Secure and __Host- cookies.") {
            guard $1.hasPrefix("http://") || $1.hasPrefix("https://") else {
                throw ConfigurationError.invalid("public URL must start with http:// or https://, got \($1)")
            }
            $0.publicURL = $1.hasSuffix("/") ? String($1.dropLast()) : $1
        },
        Option(environment: "HOSTERRA_THREADS", flag: "--threads", defaultValue: "cores (min 2)", summary: "HTTP worker threads.") {
            $0.threads = try parse($1, as: Int.self, name: "threads", range: 1...256)
        },
        Option(environment: "HOSTERRA_MAX_BODY_BYTES", flag: "--max-body-bytes", defaultValue: "1048576", summary: "Largest accepted request body (413 above).") {
            $0.maxBodyBytes = try parse($1, as: Int.self, name: "max body bytes", range: 1024...(1 << 30))
        },
        Option(environment: "HOSTERRA_MAX_UPLOAD_BYTES", flag: "--max-upload-bytes", defaultValue: "1048576", summary: "Largest accepted multipart body (raise it when a page takes file uploads).") {
            $0.maxUploadBytes = try parse($1, as: Int.self, name: "max upload bytes", range: 1024...(1 << 32))
        },
        Option(environment: "HOSTERRA_CONNECTION_TIMEOUT", flag: "--connection-timeout", defaultValue: "30", summary: "Seconds before an idle or slow connection is closed.") {
            $0.connectionTimeoutSeconds = try parse($1, as: Int.self, name: "connection timeout", range: 1...3600)
        },
        Option(environment: "HOSTERRA_MAX_CONNECTIONS_PER_ADDRESS", flag: "--max-connections-per-address", defaultValue: "64", summary: "Concurrent connections allowed from one client address (not applied behind trusted proxies: limit per client there).") {
            $0.maxConnectionsPerAddress = try parse($1, as: Int.self, name: "connections per address", range: 1...100_000)
        },
        Option(environment: "HOSTERRA_ACCESS_LOG", flag: "--access-log", defaultValue: "on", summary: "`on` or `off`: one structured line per request on standard output.") {
            $0.accessLog = try parseBool($1, name: "access log")
        },
        Option(environment: "HOSTERRA_SECRET_KEY", flag: "--secret-key", defaultValue: "generated into <data-dir>/secret.key", summary: "Base64 of 32 random bytes; every instance of one deployment must share it.") { $0.secretKey = $1 },
        Option(environment: "HOSTERRA_SMTP_URL", flag: "--smtp-url", defaultValue: "none (emails kept as .eml files)", summary: "SMTP server, e.g. `smtp://user:pass@mail:587?starttls=required` or `smtps://…`.") { $0.smtpURL = $1 },
        Option(environment: "HOSTERRA_MAIL_FROM", flag: "--mail-from", defaultValue: "Hosterra <no-reply@hosterra.example>", summary: "Sender of every email.") { $0.mailFrom = $1 },
        Option(environment: "HOSTERRA_SESSION_IDLE_MINUTES", flag: "--session-idle-minutes", defaultValue: "30", summary: "A session ends after this much inactivity.") {
            $0.sessionIdleMinutes = try parse($1, as: Int.self, name: "session idle minutes", range: 1...1440)
        },
        Option(environment: "HOSTERRA_SESSION_ABSOLUTE_HOURS", flag: "--session-absolute-hours", defaultValue: "12", summary: "A session ends this long after login, whatever the activity.") {
            $0.sessionAbsoluteHours = try parse($1, as: Int.self, name: "session absolute hours", range: 1...720)
        },
        Option(environment: "HOSTERRA_TRUSTED_PROXIES", flag: "--trusted-proxies", defaultValue: "none", summary: "Comma-separated addresses of reverse proxies whose X-Forwarded-For gives the client address (throttling, logs, security activity).") {
            $0.trustedProxies = $1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        },
        Option(environment: "HOSTERRA_JOB_LEASE_SECONDS", flag: "--job-lease-seconds", defaultValue: "120", summary: "A background job not finished this long after an instance claimed it (the instance died) is taken over by another.") {
            $0.jobLeaseSeconds = try parse($1, as: Int.self, name: "job lease seconds", range: 5...86_400)
        },
    ]

    /// Reads the environment first, then the flags (`--name value` or `--name=value`).
    /// Returns the arguments it did not recognise so that the caller can reject them.
    public static func load(environment: [String: String], arguments: [String]) throws -> (AppConfiguration, rest: [String]) {
        var config = AppConfiguration()
        for option in options {
            if let value = environment[option.environment], !value.isEmpty {
                try option.apply(&config, value)
            }
        }
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let (name, inline) = splitFlag(argument)
            if let option = options.first(where: { $0.flag == name }) {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard index + 1 < arguments.count else {
                        throw ConfigurationError.invalid("\(name) needs a value")
                    }
                    index += 1
                    value = arguments[index]
                }
                try option.apply(&config, value)
            } else {
                rest.append(argument)
            }
            index += 1
        }
        return (config, rest)
    }

    private static func splitFlag(_ argument: String) -> (String, String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func parse<T: FixedWidthInteger>(_ text: String, as: T.Type, name: String, range: ClosedRange<T>? = nil) throws -> T {
        guard let value = T(text.trimmingCharacters(in: .whitespaces)) else {
            throw ConfigurationError.invalid("\(name) must be a whole number, got \(text)")
        }
        if let range, !range.contains(value) {
            throw ConfigurationError.invalid("\(name) must be between \(range.lowerBound) and \(range.upperBound), got \(text)")
        }
        return value
    }

    private static func parseBool(_ text: String, name: String) throws -> Bool {
        switch text.lowercased() {
        case "on", "true", "yes", "1": return true
        case "off", "false", "no", "0": return false
        default: throw ConfigurationError.invalid("\(name) must be on or off, got \(text)")
        }
    }
}

public enum ConfigurationError: Error, CustomStringConvertible, Equatable {
    case invalid(String)
    public var description: String {
        switch self {
        case .invalid(let message): return "configuration: \(message)"
        }
    }
}

import Foundation

/// Helpers for `postgres://` URLs: libpq parameters and a log-safe form.
public enum PostgreSQLURL {
    /// Whether `url` names a PostgreSQL database.
    public static func isPostgreSQL(_ url: String) -> Bool {
        url.hasPrefix("postgres://") || url.hasPrefix("postgresql://")
    }

    /// The URL with any password (user info or `password=` query
    /// parameter) replaced by `***`, for logs and errors.
    public static func redacted(_ url: String) -> String {
        var url = redactedUserInfo(url)
        if let query = url.firstIndex(of: "?") {
            let parts = url[url.index(after: query)...].split(separator: "&", omittingEmptySubsequences: false).map { part in
                part.lowercased().hasPrefix("password=") ? "password=***" : String(part)
            }
            url = String(url[...query]) + parts.joined(separator: "&")
        }
        return url
    }

    private static func redactedUserInfo(_ url: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        // The last '@' ends the user info (a password may itself contain '@').
        guard let at = authority.lastIndex(of: "@") else { return url }
        let userInfo = authority[..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<scheme.upperBound]) + userInfo[..<colon] + ":***" + url[at...]
    }

    /// The same server with another database name (e.g. a maintenance
    /// connection to `postgres`, or a per-test database).
    public static func replacingDatabase(in url: String, with name: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        let query = rest.firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let beforeQuery = rest.firstIndex(of: "?").map { rest[..<$0] } ?? rest
        let authority = beforeQuery.firstIndex(of: "/").map { beforeQuery[..<$0] } ?? beforeQuery
        return String(url[..<scheme.upperBound]) + authority + "/" + name + query
    }

    /// libpq keyword/value pairs: our defaults first, then the URL as
    /// `dbname` (expanded by libpq), so anything the URL sets wins.
    static func parameters(url: String, connectTimeoutSeconds: Int) -> [(String, String)] {
        [
            ("connect_timeout", String(max(1, connectTimeoutSeconds))),
            ("application_name", "hosterra"),
            ("client_encoding", "UTF8"),
            // Notice a vanished server (host crash, network cut) in about a
            // minute instead of the kernel's two hours.
            ("keepalives", "1"),
            ("keepalives_idle", "30"),
            ("keepalives_interval", "10"),
            ("keepalives_count", "3"),
            ("dbname", url),
        ]
    }
}

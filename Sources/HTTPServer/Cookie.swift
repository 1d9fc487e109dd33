/// A cookie to set with `Response.setCookie`. Defaults are the safe ones: HttpOnly, SameSite=Lax, Path=/.
public struct Cookie: Sendable, Equatable {
    /// The SameSite attribute.
    public enum SameSite: String, Sendable {
        case strict = "Strict", lax = "Lax", none = "None"
    }

    public var name: String
    public var value: String
    public var path: String
    /// Lifetime in seconds; nil makes a session cookie, 0 deletes it.
    public var maxAge: Int?
    public var httpOnly: Bool
    /// Send only over HTTPS. Browsers require it with `SameSite=None`.
    public var secure: Bool
    public var sameSite: SameSite

    public init(name: String, value: String, path: String = "/", maxAge: Int? = nil,
                httpOnly: Bool = true, secure: Bool = false, sameSite: SameSite = .lax) {
        self.name = name
        self.value = value
        self.path = path
        self.maxAge = maxAge
        self.httpOnly = httpOnly
        self.secure = secure
        self.sameSite = sameSite
    }

    /// A cookie that makes the browser delete `name` (must match the original path and secure flag).
    public static func expired(name: String, path: String = "/", secure: Bool = false) -> Cookie {
        Cookie(name: name, value: "", path: path, maxAge: 0, secure: secure)
    }

    /// The `Set-Cookie` header value. The value is sent as given: use cookie-safe values
    /// (base64url, hex, or percent-encoded).
    public var headerValue: String {
        var s = "\(name)=\(value); Path=\(path)"
        if let maxAge {
            s += "; Max-Age=\(max(0, maxAge))"
            // Expires for old clients; only the deletion case needs no clock.
            if maxAge <= 0 { s += "; Expires=Thu, 01 Jan 1970 00:00:00 GMT" }
        }
        if httpOnly { s += "; HttpOnly" }
        if secure { s += "; Secure" }
        s += "; SameSite=\(sameSite.rawValue)"
        return s
    }

    /// Parses a `Cookie` request header into name → value (the first occurrence of a name wins,
    /// surrounding double quotes are removed).
    public static func parseCookieHeader(_ header: String) -> [String: String] {
        var result: [String: String] = [:]
        for part in header.split(separator: ";") {
            let p = ASCII.trim(part)
            guard let eq = p.firstIndex(of: "=") else { continue }
            let name = String(ASCII.trim(p[..<eq]))
            guard !name.isEmpty, result[name] == nil else { continue }
            var value = ASCII.trim(p[p.index(after: eq)...])
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = value.dropFirst().dropLast()
            }
            result[name] = String(value)
        }
        return result
    }
}

import HTTPServer

/// Security headers on every response, error pages included.
struct SecurityHeadersMiddleware: Middleware {
    let https: Bool

    static let contentSecurityPolicy = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, next: Responder) throws -> Response {
        var response = try next(request)
        // A handler may set a stricter, purpose-made policy (a stored email shown in a sandboxed frame);
        // everything else gets the panel's.
        if response.headers["Content-Security-Policy"] == nil {
            response.headers["Content-Security-Policy"] = Self.contentSecurityPolicy
        }
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        if response.headers["X-Frame-Options"] == nil {
            response.headers["X-Frame-Options"] = "DENY"
        }
        response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
        if https {
            response.headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains"
            // Every cookie is Secure behind https, whichever feature set it (one-time messages included).
            let cookies = response.headers.values("Set-Cookie")
            if cookies.contains(where: { !$0.contains("; Secure") }) {
                response.headers.remove("Set-Cookie")
                for cookie in cookies {
                    response.headers.add("Set-Cookie", cookie.contains("; Secure") ? cookie : cookie + "; Secure")
                }
            }
        }
        if response.headers["Cache-Control"] == nil {
            // Pages show private data: never let a shared cache or the back button keep them.
            response.headers["Cache-Control"] = "no-store"
        }
        return response
    }
}

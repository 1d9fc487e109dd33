import HTTPServer

/// /login/2fa and /account/security: two-factor authentication, recovery codes, sessions, activity.
struct SecurityController: Sendable {
    let services: Services

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        default: throw HTTPError(.notFound)
        }
    }
}

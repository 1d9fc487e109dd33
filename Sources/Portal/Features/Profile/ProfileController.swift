import HTTPServer

/// /account (details and communication preferences), the login email change and /account/password.
struct ProfileController: Sendable {
    let services: Services

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        default: throw HTTPError(.notFound)
        }
    }
}

import HTTPServer

/// Handles users, invitations, switching accounts and leaving one.
struct UsersController: Sendable {
    let services: Services

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        default: throw HTTPError(.notFound)
        }
    }
}

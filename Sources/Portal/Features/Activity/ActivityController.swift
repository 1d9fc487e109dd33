import HTTPServer

/// Handles the account's audit log.
struct ActivityController: Sendable {
    let services: Services

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        default: throw HTTPError(.notFound)
        }
    }
}

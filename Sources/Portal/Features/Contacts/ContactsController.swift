import HTTPServer

/// Handles domain contacts.
struct ContactsController: Sendable {
    let services: Services

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        default: throw HTTPError(.notFound)
        }
    }
}

import HTTPServer

/// /account/emails (email history) and /notifications.
struct MailboxController: Sendable {
    let services: Services

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        default: throw HTTPError(.notFound)
        }
    }
}

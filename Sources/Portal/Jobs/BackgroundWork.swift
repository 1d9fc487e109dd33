/// Work that runs beside the HTTP server (email delivery, periodic cleanup), started by `serve`
/// and stopped before the database closes.
final class BackgroundWork: Sendable {
    let services: Services

    init(services: Services) { self.services = services }

    func start() {}

    func stop() {}
}

import Synchronization

/// State shared by all connections of one running server; passed to the C callbacks as `cls`.
final class ServerCore: Sendable {
    let responder: Responder
    let configuration: ServerConfiguration
    /// Requests whose headers have arrived and whose response has not finished yet.
    let activeRequests = Atomic<Int>(0)
    /// Live `ConnectionContext` objects; lets tests prove nothing leaks.
    let liveContexts = Atomic<Int>(0)

    init(responder: @escaping Responder, configuration: ServerConfiguration) {
        self.responder = responder
        self.configuration = configuration
    }
}

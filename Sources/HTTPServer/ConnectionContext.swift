/// Per-request state kept in MHD's `*con_cls` (created in the URI-log callback, released in the
/// request-completed callback). MHD drives one request from a single thread at a time, so this
/// class needs no lock and is never shared across threads concurrently.
final class ConnectionContext {
    /// The request target exactly as received (MHD passes only the decoded path to the handler).
    let rawTarget: String
    var started = false
    var countedActive = false
    var method = HTTPMethod.GET
    var headers = HTTPHeaders()
    var reader: BodyReader?

    init(rawTarget: String) {
        self.rawTarget = rawTarget
    }
}

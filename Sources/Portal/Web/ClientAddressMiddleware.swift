import HTTPServer

/// Behind a trusted reverse proxy, the client is the last address in `X-Forwarded-For` that is not
/// itself a trusted proxy; from anyone else the header is ignored, so a client cannot choose its address.
struct ClientAddressMiddleware: Middleware {
    let trustedProxies: Set<String>

    func respond(to request: Request, next: Responder) throws -> Response {
        guard !trustedProxies.isEmpty, trustedProxies.contains(request.remoteAddress),
              let forwarded = request.headers["X-Forwarded-For"]
        else { return try next(request) }
        var request = request
        let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let client = hops.last(where: { !trustedProxies.contains($0) }), client.utf8.count <= 64,
           client.utf8.allSatisfy({ $0 == 46 || $0 == 58 || (48...57).contains($0) || (65...70).contains($0) || (97...102).contains($0) }) {
            request.remoteAddress = client
        }
        return try next(request)
    }
}

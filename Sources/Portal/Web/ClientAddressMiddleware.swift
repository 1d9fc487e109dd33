import HTTPServer
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Behind a trusted reverse proxy, the client is the last address in `X-Forwarded-For` that is not
/// itself a trusted proxy; from anyone else the header is ignored, so a client cannot choose its address.
/// Only a plain IPv4 or IPv6 address is taken: a proxy that appends a port ("192.0.2.7:51234") would
/// otherwise give every connection its own throttling key; such a value leaves the proxy's address.
struct ClientAddressMiddleware: Middleware {
    let trustedProxies: Set<String>

    func respond(to request: Request, next: Responder) throws -> Response {
        guard !trustedProxies.isEmpty, trustedProxies.contains(request.remoteAddress),
              let forwarded = request.headers["X-Forwarded-For"]
        else { return try next(request) }
        var request = request
        let hops = forwarded.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if let client = hops.last(where: { !trustedProxies.contains($0) }), client.utf8.count <= 64, Self.isIPAddress(client) {
            request.remoteAddress = client
        }
        return try next(request)
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return inet_pton(AF_INET, text, &v4) == 1 || inet_pton(AF_INET6, text, &v6) == 1
    }
}

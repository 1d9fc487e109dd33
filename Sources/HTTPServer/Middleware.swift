/// Turns a request into a response. Runs synchronously on a server worker thread.
public typealias Responder = @Sendable (Request) throws -> Response

/// Wraps a responder: may change the request, short-circuit, or change the response.
public protocol Middleware: Sendable {
    func respond(to request: Request, next: Responder) throws -> Response
}

/// Composes middlewares around `handler`; the first in the array is the outermost.
public func chain(_ middlewares: [any Middleware], to handler: @escaping Responder) -> Responder {
    var responder = handler
    for middleware in middlewares.reversed() {
        let next = responder
        responder = { request in try middleware.respond(to: request, next: next) }
    }
    return responder
}

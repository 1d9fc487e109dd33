import Foundation
import HTTPServer

/// One structured line per request (method, route, status, duration, request id) and the
/// request counters and latency histogram of /metrics.
struct AccessLogMiddleware: Middleware {
    let logger: Logger
    let metrics: Metrics
    let enabled: Bool

    func respond(to request: Request, next: Responder) throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        metrics.requestStarted()
        defer { metrics.requestFinished() }
        let response: Response
        do {
            response = try next(request)
        } catch {
            // ErrorPageMiddleware sits inside and answers everything; this only guards the log line.
            record(request, status: 500, start: start)
            throw error
        }
        record(request, status: response.status.code, start: start)
        return response
    }

    private func record(_ request: Request, status: Int, start: UInt64) {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let routeName = request.context.routeName
        metrics.observe(route: routeName, method: request.method.rawValue, status: status, seconds: seconds)
        guard enabled else { return }
        logger.info("request", [
            "method": .string(request.method.rawValue),
            "path": .string(request.path),
            "route": .string(routeName),
            "status": .int(status),
            "duration_ms": .double(seconds * 1000),
            "request_id": .string(request.context.requestID),
            "client": .string(request.remoteAddress),
        ])
    }
}

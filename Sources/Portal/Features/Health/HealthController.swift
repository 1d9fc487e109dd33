import Database
import HTTPServer

/// /healthz, /readyz and /metrics: for load balancers and monitoring.
struct HealthController: Sendable {
    let database: any Database
    let metrics: Metrics

    /// The process is alive and answering.
    func healthz() -> Response {
        .text("ok\n")
    }

    /// The process can serve customers: the database answers.
    func readyz() -> Response {
        do {
            try database.ping()
            return .text("ready\n")
        } catch {
            var response = Response.text("database unreachable\n", status: .serviceUnavailable)
            response.headers["Retry-After"] = "5"
            return response
        }
    }

    func metricsPage() -> Response {
        var response = Response.text(metrics.render(database: database.statistics()))
        response.headers["Content-Type"] = "text/plain; version=0.0.4; charset=utf-8"
        return response
    }
}

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
        var response = Response.text(metrics.render(database: database.statistics(), extra: outboxLines() + jobLines()))
        response.headers["Content-Type"] = "text/plain; version=0.0.4; charset=utf-8"
        return response
    }

    /// Emails in the outbox by status: a growing `pending` or any `failed` means mail is not getting out.
    /// Left out when the database does not answer, so that /metrics itself still does.
    func outboxLines() -> [String] {
        guard let counts = try? database.read({ db in try OutboxStore.counts(db) }) else { return [] }
        var lines = [
            "# HELP hosterra_outbox_emails Emails in the outbox, by delivery status.",
            "# TYPE hosterra_outbox_emails gauge",
        ]
        for status in [OutboxStatus.pending, .sent, .kept, .failed] {
            lines.append("hosterra_outbox_emails{status=\"\(status.rawValue)\"} \(counts[status.rawValue] ?? 0)")
        }
        return lines
    }

    /// Jobs in the shared queue by status: `dead` jobs failed their last attempt and need a look.
    func jobLines() -> [String] {
        guard let counts = try? database.read({ db in try JobStore.counts(db) }) else { return [] }
        var lines = [
            "# HELP hosterra_jobs Jobs in the shared queue, by status.",
            "# TYPE hosterra_jobs gauge",
        ]
        for status in JobStore.Status.allCases {
            lines.append("hosterra_jobs{status=\"\(status.rawValue)\"} \(counts[status.rawValue] ?? 0)")
        }
        return lines
    }
}

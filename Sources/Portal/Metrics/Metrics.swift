import Database
import Foundation
import Synchronization

/// Request counters and the latency histogram behind /metrics, in Prometheus text format.
public final class Metrics: Sendable {
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

    struct CounterKey: Hashable { let route: String; let method: String; let status: Int }
    struct Histogram {
        var counts = [UInt64](repeating: 0, count: Metrics.buckets.count)
        var sum = 0.0
        var total: UInt64 = 0
    }
    struct State {
        var requests: [CounterKey: UInt64] = [:]
        var latency: [String: Histogram] = [:]
        var inFlight = 0
    }

    private let state = Mutex(State())
    private let startTime = Date()

    public init() {}

    func requestStarted() { state.withLock { $0.inFlight += 1 } }
    func requestFinished() { state.withLock { $0.inFlight -= 1 } }

    func observe(route: String, method: String, status: Int, seconds: Double) {
        let bucket = Metrics.buckets.firstIndex { seconds <= $0 }
        state.withLock { state in
            state.requests[CounterKey(route: route, method: method, status: status), default: 0] += 1
            var histogram = state.latency[route] ?? Histogram()
            if let bucket { histogram.counts[bucket] += 1 }
            histogram.sum += seconds
            histogram.total += 1
            state.latency[route] = histogram
        }
    }

    /// The exposition text; `extra` lines (job queue, outbox…) are appended by their owners.
    func render(database: DatabaseStatistics?, extra: [String] = []) -> String {
        let snapshot = state.withLock { $0 }
        var out = ""
        out += "# HELP hosterra_http_requests_total HTTP requests answered, by route, method and status.\n"
        out += "# TYPE hosterra_http_requests_total counter\n"
        for (key, count) in snapshot.requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            out += "hosterra_http_requests_total{route=\"\(key.route)\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)\n"
        }
        out += "# HELP hosterra_http_request_duration_seconds Time to answer a request, by route.\n"
        out += "# TYPE hosterra_http_request_duration_seconds histogram\n"
        for (route, histogram) in snapshot.latency.sorted(by: { $0.key < $1.key }) {
            var cumulative: UInt64 = 0
            for (index, bound) in Metrics.buckets.enumerated() {
                cumulative += histogram.counts[index]
                out += "hosterra_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "hosterra_http_request_duration_seconds_bucket{route=\"\(route)\",le=\"+Inf\"} \(histogram.total)\n"
            out += "hosterra_http_request_duration_seconds_sum{route=\"\(route)\"} \(histogram.sum)\n"
            out += "hosterra_http_request_duration_seconds_count{route=\"\(route)\"} \(histogram.total)\n"
        }
        out += "# HELP hosterra_http_requests_in_flight Requests being answered now.\n"
        out += "# TYPE hosterra_http_requests_in_flight gauge\n"
        out += "hosterra_http_requests_in_flight \(snapshot.inFlight)\n"
        if let database {
            out += "# HELP hosterra_db_queries_total Statements run.\n# TYPE hosterra_db_queries_total counter\n"
            out += "hosterra_db_queries_total \(database.queries)\n"
            out += "# HELP hosterra_db_query_errors_total Statements that failed.\n# TYPE hosterra_db_query_errors_total counter\n"
            out += "hosterra_db_query_errors_total \(database.failedQueries)\n"
            out += "# HELP hosterra_db_transactions_total Write transactions committed.\n# TYPE hosterra_db_transactions_total counter\n"
            out += "hosterra_db_transactions_total \(database.transactions)\n"
            out += "# HELP hosterra_db_rollbacks_total Write transactions rolled back.\n# TYPE hosterra_db_rollbacks_total counter\n"
            out += "hosterra_db_rollbacks_total \(database.rollbacks)\n"
            out += "# HELP hosterra_db_writer_wait_seconds_total Time spent waiting for the writer.\n# TYPE hosterra_db_writer_wait_seconds_total counter\n"
            out += "hosterra_db_writer_wait_seconds_total \(Double(database.writerWaitNanoseconds) / 1e9)\n"
            out += "# HELP hosterra_db_statement_cache_hits_total Prepared statements reused.\n# TYPE hosterra_db_statement_cache_hits_total counter\n"
            out += "hosterra_db_statement_cache_hits_total \(database.statementCacheHits)\n"
            out += "# HELP hosterra_db_statement_cache_misses_total Statements prepared anew.\n# TYPE hosterra_db_statement_cache_misses_total counter\n"
            out += "hosterra_db_statement_cache_misses_total \(database.statementCacheMisses)\n"
        }
        for line in extra { out += line + "\n" }
        out += "# HELP process_resident_memory_bytes Resident memory.\n# TYPE process_resident_memory_bytes gauge\n"
        out += "process_resident_memory_bytes \(Self.residentMemoryBytes())\n"
        out += "# HELP process_start_time_seconds Start time since the epoch.\n# TYPE process_start_time_seconds gauge\n"
        out += "process_start_time_seconds \(Int(startTime.timeIntervalSince1970))\n"
        return out
    }

    static func residentMemoryBytes() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

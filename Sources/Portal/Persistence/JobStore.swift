import Database
import Foundation

/// The job queue shared by every instance: rows in `jobs`, claimed with a lease so that an
/// instance that dies mid-job hands it back when the lease runs out.
enum JobStore {
    enum Status: String, Sendable, CaseIterable {
        case queued, running, done, dead
    }

    struct Claimed: Sendable, Decodable {
        let id: Int64
        let kind: String
        let payload: String
        /// Attempts including this one.
        let attempts: Int
        let maxAttempts: Int
        let runAt: Date
    }

    /// Adds a job; call it inside the transaction that causes the job, so both commit or neither.
    static func enqueue(kind: String, payload: String, runAt: Date, maxAttempts: Int, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            INSERT INTO jobs (kind, payload, status, max_attempts, run_at, created_at)
            VALUES (\(kind), \(payload), \(Status.queued.rawValue), \(maxAttempts), \(runAt), \(now))
            """)
    }

    /// Takes up to `limit` due jobs (queued and due, or running with an expired lease) for `runner`
    /// until `leaseUntil`. On PostgreSQL concurrent claimers skip each other's rows.
    static func claim(runner: String, limit: Int, kinds: [String]?, now: Date, leaseUntil: Date, _ db: DatabaseConnection) throws -> [Claimed] {
        var kindFilter = SQL.empty
        if let kinds { kindFilter = "AND kind IN \(list: kinds)" }
        // RETURNING gives rows in update order, not the subquery's: sort so the oldest runs first.
        return try db.query(Claimed.self, """
            UPDATE jobs SET status = 'running', locked_by = \(runner), locked_until = \(leaseUntil), attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM jobs
                WHERE ((status = 'queued' AND run_at <= \(now)) OR (status = 'running' AND locked_until <= \(now))) \(sql: kindFilter)
                ORDER BY run_at, id LIMIT \(limit) \(raw: db.dialect.skipLocked))
            RETURNING id, kind, payload, attempts, max_attempts, run_at
            """).sorted { ($0.runAt, $0.id) < ($1.runAt, $1.id) }
    }

    /// Marks a claimed job done; false when the lease was lost to another runner meanwhile.
    @discardableResult
    static func complete(id: Int64, runner: String, now: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("""
            UPDATE jobs SET status = 'done', finished_at = \(now), locked_by = '', locked_until = NULL, last_error = ''
            WHERE id = \(id) AND locked_by = \(runner) AND status = 'running'
            """) == 1
    }

    /// Puts a failed job back in the queue for `retryAt`, or marks it dead when there is no retry.
    static func fail(id: Int64, runner: String, error: String, retryAt: Date?, now: Date, _ db: DatabaseConnection) throws {
        if let retryAt {
            try db.execute("""
                UPDATE jobs SET status = 'queued', run_at = \(retryAt), locked_by = '', locked_until = NULL, last_error = \(error)
                WHERE id = \(id) AND locked_by = \(runner)
                """)
        } else {
            try db.execute("""
                UPDATE jobs SET status = 'dead', finished_at = \(now), locked_by = '', locked_until = NULL, last_error = \(error)
                WHERE id = \(id) AND locked_by = \(runner)
                """)
        }
    }

    /// Empties a job's payload when it still holds `payload`: true for exactly one caller. A handler
    /// whose effect must happen once calls it in the transaction of that effect, so a rerun of the job
    /// (its runner died before recording it done) finds the payload gone; the row then keeps nothing
    /// personal either.
    static func takePayload(id: Int64, payload: String, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("UPDATE jobs SET payload = '' WHERE id = \(id) AND payload = \(payload) AND payload <> ''") == 1
    }

    static func counts(_ db: DatabaseConnection) throws -> [String: Int] {
        var result: [String: Int] = [:]
        for row in try db.query("SELECT status, COUNT(*) AS n FROM jobs GROUP BY status") {
            result[try row.get("status", as: String.self)] = try row.get("n", as: Int.self)
        }
        return result
    }

    /// Finished jobs are history only; they are removed after a while.
    static func deleteFinished(before: Date, _ db: DatabaseConnection) throws -> Int {
        try db.execute("DELETE FROM jobs WHERE status = 'done' AND finished_at <= \(before)")
    }

    // MARK: Schedules

    /// Registers a periodic task (once; later calls keep its next run).
    static func ensureSchedule(name: String, firstRun: Date, _ db: DatabaseConnection) throws {
        try db.execute("INSERT INTO schedules (name, next_run_at) VALUES (\(name), \(firstRun)) ON CONFLICT (name) DO NOTHING")
    }

    /// Takes this period's run of a task: true for exactly one caller across all instances.
    static func claimScheduledRun(name: String, runner: String, now: Date, next: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("""
            UPDATE schedules SET next_run_at = \(next), last_run_at = \(now), last_runner = \(runner)
            WHERE name = \(name) AND next_run_at <= \(now)
            """) == 1
    }
}

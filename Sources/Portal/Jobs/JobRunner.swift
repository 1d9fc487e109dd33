import Database
import Foundation
import Synchronization

/// What a job handler decided.
struct JobResult: Sendable {
    enum Outcome: Sendable {
        case done
        case retry(at: Date)
        case giveUp
    }

    let outcome: Outcome
    var error = ""
    /// Written in the same transaction that marks the job done or failed, so the job's effect and
    /// its bookkeeping commit together (an email is marked sent exactly when its job is done).
    var record: (@Sendable (DatabaseConnection) throws -> Void)?
}

/// Runs one kind of job. Handlers must be idempotent: a job whose runner died after doing the work
/// but before recording it runs again once its lease expires.
protocol JobHandler: Sendable {
    var kind: String { get }
    func run(_ job: JobStore.Claimed) -> JobResult
}

/// Claims due jobs from the shared queue and runs them. Every instance runs one; claims never
/// overlap (leases, and SKIP LOCKED on PostgreSQL), so each job runs once per attempt.
final class JobRunner: Sendable {
    static let batchSize = 20
    /// A job not finished within its lease is handed to another runner (default; configurable).
    static let defaultLease: TimeInterval = 120

    struct Report: Sendable, Equatable {
        var done = 0
        var retrying = 0
        var dead = 0
        var lost = 0
    }

    let database: any Database
    let clock: Clock
    let logger: Logger
    /// Identifies this process in `jobs.locked_by`.
    let runnerID: String
    let lease: TimeInterval
    private let handlers: [String: any JobHandler]
    /// One pass at a time in this process.
    private let passLock = Mutex(())

    init(database: any Database, clock: Clock, logger: Logger, handlers: [any JobHandler], runnerID: String = JobRunner.makeRunnerID(),
         lease: TimeInterval = JobRunner.defaultLease) {
        self.database = database
        self.lease = lease
        self.clock = clock
        self.logger = logger
        self.runnerID = runnerID
        var byKind: [String: any JobHandler] = [:]
        for handler in handlers { byKind[handler.kind] = handler }
        self.handlers = byKind
    }

    static func makeRunnerID() -> String {
        (ProcessInfo.processInfo.hostName) + ":" + String(ProcessInfo.processInfo.processIdentifier) + ":" + SecureRandom.token(bytes: 6)
    }

    /// Runs every due job of the given kinds (all registered kinds by default), batch after batch.
    /// Never throws: database trouble is logged and the jobs are tried again on the next pass.
    @discardableResult
    func runDue(kinds: [String]? = nil) -> Report {
        passLock.withLock { _ in
            var report = Report()
            let wanted = kinds ?? Array(handlers.keys)
            while true {
                let now = clock.now()
                let claimed: [JobStore.Claimed]
                do {
                    claimed = try database.write { db in
                        try JobStore.claim(runner: runnerID, limit: Self.batchSize, kinds: wanted, now: now,
                                           leaseUntil: now.addingTimeInterval(lease), db)
                    }
                } catch {
                    logger.error("job claim failed", ["error": .string("\(error)")])
                    return report
                }
                for job in claimed {
                    if !run(job, report: &report) { return report }
                }
                if claimed.count < Self.batchSize { return report }
            }
        }
    }

    /// Runs one job and records the result; false when the result could not be written.
    private func run(_ job: JobStore.Claimed, report: inout Report) -> Bool {
        var result: JobResult
        if let handler = handlers[job.kind] {
            result = handler.run(job)
        } else {
            result = JobResult(outcome: .giveUp, error: "no handler for job kind \(job.kind)")
        }
        if case .retry = result.outcome, job.attempts >= job.maxAttempts {
            result = JobResult(outcome: .giveUp, error: result.error, record: result.record)
        }
        let now = clock.now()
        do {
            let kept = try database.write { db -> Bool in
                switch result.outcome {
                case .done:
                    try result.record?(db)
                    return try JobStore.complete(id: job.id, runner: runnerID, now: now, db)
                case .retry(let at):
                    try result.record?(db)
                    try JobStore.fail(id: job.id, runner: runnerID, error: result.error, retryAt: at, now: now, db)
                    return true
                case .giveUp:
                    try result.record?(db)
                    try JobStore.fail(id: job.id, runner: runnerID, error: result.error, retryAt: nil, now: now, db)
                    return true
                }
            }
            switch result.outcome {
            case .done: if kept { report.done += 1 } else { report.lost += 1 }
            case .retry: report.retrying += 1
            case .giveUp:
                report.dead += 1
                logger.error("job dead", ["kind": .string(job.kind), "job": .int(Int(job.id)), "attempts": .int(job.attempts), "error": .string(result.error)])
            }
            return true
        } catch {
            logger.error("job result not recorded; it runs again after its lease", ["kind": .string(job.kind), "job": .int(Int(job.id)), "error": .string("\(error)")])
            return false
        }
    }
}

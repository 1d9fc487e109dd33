import Database
import Foundation
import Synchronization
import Testing
@testable import Portal

/// A handler that records what it ran and answers as told.
final class RecordingHandler: JobHandler {
    let kind: String
    private let ran = Mutex<[String]>([])
    private let answer: @Sendable (JobStore.Claimed) -> JobResult

    init(kind: String = "test.job", answer: @escaping @Sendable (JobStore.Claimed) -> JobResult = { _ in JobResult(outcome: .done) }) {
        self.kind = kind
        self.answer = answer
    }

    var payloads: [String] { ran.withLock { $0 } }

    func run(_ job: JobStore.Claimed) -> JobResult {
        ran.withLock { $0.append(job.payload) }
        return answer(job)
    }
}

@Suite("Job queue and scheduled tasks")
struct JobQueueTests {
    func enqueue(_ app: TestApp, kind: String = "test.job", _ payloads: [String], maxAttempts: Int = 3) throws {
        let now = app.time.current
        try app.database.write { db in
            for payload in payloads {
                try JobStore.enqueue(kind: kind, payload: payload, runAt: now, maxAttempts: maxAttempts, now: now, db)
            }
        }
    }

    func statuses(_ app: TestApp) throws -> [String: Int] {
        try app.database.read { db in try JobStore.counts(db) }
    }

    @Test("a job enqueued in a transaction that rolls back never exists, and neither does its email")
    func enqueueIsTransactional() throws {
        let app = try TestApp()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try app.database.write { db in
                try OutboxStore.enqueue(to: "x@example.com", userID: nil, accountID: nil, category: .billing, subject: "s", text: "t", html: "h",
                                        now: app.time.current, db)
                throw Boom()
            }
        }
        #expect(try statuses(app).isEmpty)
        #expect(try app.emails().isEmpty)
    }

    @Test("concurrent runners never run one job twice")
    func exclusiveClaims() throws {
        // setup
        let app = try TestApp()
        try enqueue(app, (0..<200).map { "job-\($0)" })
        let handler = RecordingHandler()
        let runners = (0..<4).map { index in
            JobRunner(database: app.database, clock: app.app.clock, logger: app.app.logger, handlers: [handler], runnerID: "runner-\(index)")
        }
        // MUT
        DispatchQueue.concurrentPerform(iterations: runners.count) { index in
            runners[index].runDue()
        }
        // validate
        #expect(handler.payloads.count == 200)
        #expect(Set(handler.payloads).count == 200)
        #expect(try statuses(app) == ["done": 200])
    }

    @Test("a job whose runner died is taken over after its lease, and an email already sent is not sent again")
    func leaseExpiry() throws {
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app, verify: false)
        let transport = FakeTransport()
        let worker = OutboxWorker(services: app.app.services, transport: transport)
        // A runner claims the verification email's job and dies before recording anything.
        let claimed = try app.database.write { db in
            try JobStore.claim(runner: "dead-runner", limit: 10, kinds: [OutboxWorker.kind], now: app.time.current,
                               leaseUntil: app.time.current.addingTimeInterval(JobRunner.defaultLease), db)
        }
        #expect(claimed.count == 1)
        #expect(worker.deliverDue() == OutboxWorker.Report(), "the job is leased to another runner")
        app.time.advance(by: JobRunner.defaultLease + 1)
        #expect(worker.deliverDue() == OutboxWorker.Report(delivered: 1))
        #expect(transport.sent.count == 1)
        // The same job claimed again after the email went out: the handler sees it sent and sends nothing.
        try app.database.write { db in try db.execute("UPDATE jobs SET status = 'queued', run_at = \(app.time.current)") }
        #expect(worker.deliverDue() == OutboxWorker.Report(delivered: 1))
        #expect(transport.sent.count == 1)
    }

    @Test("a failing job is retried at the time its handler asks, then dead after its last attempt, visible in /metrics")
    func retriesThenDead() throws {
        let app = try TestApp()
        try enqueue(app, ["flaky"], maxAttempts: 2)
        let handler = RecordingHandler { _ in JobResult(outcome: .retry(at: Date(timeIntervalSince1970: 0)), error: "broken") }
        let runner = JobRunner(database: app.database, clock: app.app.clock, logger: app.app.logger, handlers: [handler])
        // One attempt per pass: a retry waits for the next pass even when it is already due.
        #expect(runner.runDue() == JobRunner.Report(retrying: 1))
        #expect(try statuses(app) == ["queued": 1])
        #expect(runner.runDue() == JobRunner.Report(dead: 1))
        #expect(try statuses(app) == ["dead": 1])
        let metrics = try app.client.get("/metrics").text
        #expect(metrics.contains("hosterra_jobs{status=\"dead\"} 1"))
        let error = try app.database.read { db in try db.queryFirst(String.self, "SELECT last_error FROM jobs") }
        #expect(error == "broken")
    }

    @Test("a job of an unknown kind is dead, not lost")
    func unknownKind() throws {
        let app = try TestApp()
        try enqueue(app, kind: "from.the.future", ["x"])
        let runner = JobRunner(database: app.database, clock: app.app.clock, logger: app.app.logger, handlers: [RecordingHandler()], runnerID: "r")
        runner.runDue(kinds: ["from.the.future"])
        #expect(try statuses(app) == ["dead": 1])
    }

    @Test("a periodic task runs once per period whichever instance asks")
    func scheduledOncePerPeriod() throws {
        let app = try TestApp()
        let runs = Mutex(0)
        let task = Scheduler.Task(name: "cleanup", period: 3600) { runs.withLock { $0 += 1 } }
        let schedulers = (0..<3).map { index in
            Scheduler(database: app.database, clock: app.app.clock, logger: app.app.logger, runnerID: "instance-\(index)", tasks: [task])
        }
        for scheduler in schedulers { scheduler.tick() }
        #expect(runs.withLock { $0 } == 1)
        app.time.advance(by: 1800)
        for scheduler in schedulers { scheduler.tick() }
        #expect(runs.withLock { $0 } == 1)
        app.time.advance(by: 1801)
        for scheduler in schedulers.reversed() { scheduler.tick() }
        #expect(runs.withLock { $0 } == 2)
        let last = try app.database.read { db in try db.queryFirst(String.self, "SELECT last_runner FROM schedules WHERE name = 'cleanup'") }
        #expect(last == "instance-2")
    }
}

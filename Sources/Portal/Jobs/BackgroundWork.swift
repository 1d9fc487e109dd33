import Dispatch
import Foundation
import Synchronization

/// Work that runs beside the HTTP server, started by `serve` and stopped before the database closes.
/// One thread runs the shared job queue (email delivery, password-reset requests…) every half second
/// and the periodic tasks (maintenance, hourly) when this instance wins their period.
final class BackgroundWork: Sendable {
    static let pollInterval: TimeInterval = 0.5
    /// How long `stop()` waits for a pass in progress (an SMTP dialogue may be under way).
    static let stopTimeout: TimeInterval = 15

    let services: Services
    let outbox: OutboxWorker
    let maintenance: Maintenance
    let jobs: JobRunner
    let scheduler: Scheduler

    private struct State {
        var running = false
        var stopping = false
    }
    private let state = Mutex(State())
    /// Signalled to wake the thread early (stop requested).
    private let wake = DispatchSemaphore(value: 0)
    /// Signalled by the thread when its loop has ended.
    private let finished = DispatchSemaphore(value: 0)

    init(services: Services) {
        self.services = services
        let outbox = OutboxWorker.live(services: services)
        let maintenance = Maintenance(services: services)
        self.outbox = outbox
        self.maintenance = maintenance
        jobs = JobRunner(database: services.database, clock: services.clock, logger: services.logger,
                         handlers: [outbox, PasswordResetJob(identity: services.identity)], runnerID: outbox.runnerID,
                         lease: TimeInterval(services.configuration.jobLeaseSeconds))
        scheduler = Scheduler(database: services.database, clock: services.clock, logger: services.logger, runnerID: outbox.runnerID, tasks: [
            Scheduler.Task(name: "maintenance", period: Maintenance.interval) { try maintenance.run() },
        ])
    }

    /// Starts the thread; calling it again while it runs does nothing.
    func start() {
        let shouldStart = state.withLock { state -> Bool in
            guard !state.running else { return false }
            state.running = true
            state.stopping = false
            return true
        }
        guard shouldStart else { return }
        let thread = Thread { [self] in self.loop() }
        thread.name = "hosterra-background"
        thread.start()
    }

    /// Asks the thread to stop and waits (at most `stopTimeout`) until it has; safe to call when not
    /// started. Returns false only when the thread was still busy when the wait ran out.
    @discardableResult
    func stop() -> Bool {
        let wasRunning = state.withLock { state -> Bool in
            guard state.running, !state.stopping else { return false }
            state.stopping = true
            return true
        }
        guard wasRunning else { return true }
        wake.signal()
        let ended = finished.wait(timeout: .now() + Self.stopTimeout) == .success
        if !ended {
            services.logger.warning("background work still busy at shutdown; pending emails are retried on the next start")
        }
        state.withLock { $0.running = false }
        return ended
    }

    private var stopRequested: Bool { state.withLock { $0.stopping } }

    private func loop() {
        defer { finished.signal() }
        while !stopRequested {
            scheduler.tick()
            jobs.runDue()
            if stopRequested { break }
            _ = wake.wait(timeout: .now() + Self.pollInterval)
        }
    }
}

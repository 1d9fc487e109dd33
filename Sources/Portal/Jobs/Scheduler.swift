import Database
import Foundation

/// Periodic tasks that run once per period across all instances: each instance's background thread
/// asks on every tick, and the `schedules` row lets exactly one of them take each period's run.
final class Scheduler: Sendable {
    struct Task: Sendable {
        let name: String
        let period: TimeInterval
        let run: @Sendable () throws -> Void
    }

    let database: any Database
    let clock: Clock
    let logger: Logger
    let runnerID: String
    let tasks: [Task]

    init(database: any Database, clock: Clock, logger: Logger, runnerID: String, tasks: [Task]) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.runnerID = runnerID
        self.tasks = tasks
    }

    /// Runs the tasks whose period has come and that no other instance has taken; returns their names.
    @discardableResult
    func tick() -> [String] {
        var ran: [String] = []
        for task in tasks {
            let now = clock.now()
            do {
                let mine = try database.write { db -> Bool in
                    try JobStore.ensureSchedule(name: task.name, firstRun: now, db)
                    return try JobStore.claimScheduledRun(name: task.name, runner: runnerID, now: now,
                                                          next: now.addingTimeInterval(task.period), db)
                }
                guard mine else { continue }
                try task.run()
                ran.append(task.name)
            } catch {
                logger.error("scheduled task failed", ["task": .string(task.name), "error": .string("\(error)")])
            }
        }
        return ran
    }
}

import Database
import Foundation

/// Periodic cleanup: rows that only grow and are useless once old. Runs once at start and then
/// hourly on the background thread.
struct Maintenance: Sendable {
    static let interval: TimeInterval = 3600
    /// Expired tokens are kept a week, so that a late click still says "expired" rather than "invalid".
    static let tokenRetention: TimeInterval = 7 * 24 * 3600
    /// Throttling looks back at most an hour; a day of attempts is plenty for investigations.
    static let loginAttemptRetention: TimeInterval = 24 * 3600
    /// Sign-up and reset-request counts matter for `IdentityService.requestWindow` only; an hour is ample.
    static let requestThrottleRetention: TimeInterval = 3600
    /// Ended sessions stay a day, so that someone coming back to an idle tab is told their session
    /// ended (the row is what tells) instead of landing on a bare login page. They can no longer be used.
    static let endedSessionRetention: TimeInterval = 24 * 3600
    /// Finished jobs are kept a week for investigations; failed (dead) ones stay until looked at.
    static let finishedJobRetention: TimeInterval = 7 * 24 * 3600

    struct Report: Sendable, Equatable {
        var sessions = 0
        var tokens = 0
        var loginAttempts = 0
        var requestThrottles = 0
        var jobs = 0
    }

    let database: any Database
    let clock: Clock
    let logger: Logger
    let sessionIdle: TimeInterval

    init(services: Services) {
        database = services.database
        clock = services.clock
        logger = services.logger
        sessionIdle = TimeInterval(services.configuration.sessionIdleMinutes * 60)
    }

    @discardableResult
    func run() throws -> Report {
        let now = clock.now()
        let report = try database.write { db in
            Report(
                sessions: try SessionStore.deleteExpired(
                    now: now.addingTimeInterval(-Self.endedSessionRetention),
                    idleCutoff: now.addingTimeInterval(-sessionIdle - Self.endedSessionRetention), db),
                tokens: try TokenStore.deleteExpired(before: now.addingTimeInterval(-Self.tokenRetention), db),
                loginAttempts: try LoginAttemptStore.deleteOlder(than: now.addingTimeInterval(-Self.loginAttemptRetention), db),
                requestThrottles: try ThrottleStore.deleteOlder(than: now.addingTimeInterval(-Self.requestThrottleRetention), db),
                jobs: try JobStore.deleteFinished(before: now.addingTimeInterval(-Self.finishedJobRetention), db))
        }
        if report != Report() {
            logger.info("maintenance", ["sessions_deleted": .int(report.sessions), "tokens_deleted": .int(report.tokens),
                                        "login_attempts_deleted": .int(report.loginAttempts),
                                        "request_throttles_deleted": .int(report.requestThrottles), "jobs_deleted": .int(report.jobs)])
        }
        return report
    }
}

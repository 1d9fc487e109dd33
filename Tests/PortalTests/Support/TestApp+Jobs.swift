import Foundation
@testable import Portal

extension TestApp {
    /// Runs the due password-reset jobs, as the background thread would; emails they queue stay in
    /// the outbox, undelivered.
    @discardableResult
    func runResetJobs() -> JobRunner.Report {
        app.background.jobs.runDue(kinds: [PasswordResetJob.kind])
    }
}

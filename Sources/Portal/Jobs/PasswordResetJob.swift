import Foundation

/// The second half of a forgot-password request, run on the job queue: the request only counts
/// itself and queues this job with the email typed, the same work for any email, so its timing
/// tells nothing; whether the email has a login is found out here. An unknown email is a normal
/// "nothing to do", never a failure.
struct PasswordResetJob: JobHandler {
    static let kind = "password.reset"
    var kind: String { Self.kind }
    static let maxAttempts = 5
    static let retryDelay: TimeInterval = 30

    let identity: IdentityService

    /// Idempotent: the email leaves the job in the transaction that queues the reset email, so a
    /// rerun (empty payload, or emptied meanwhile) does nothing. The error kept and logged for a failed
    /// attempt never names the address: database errors carry no row values.
    func run(_ job: JobStore.Claimed) -> JobResult {
        guard !job.payload.isEmpty else { return JobResult(outcome: .done) }
        do {
            _ = try identity.sendPasswordReset(jobID: job.id, email: job.payload)
            return JobResult(outcome: .done)
        } catch {
            guard job.attempts < job.maxAttempts else {
                // The last attempt: the job dies, and takes no address with it into the dead jobs.
                let (id, payload) = (job.id, job.payload)
                return JobResult(outcome: .giveUp, error: OutboxWorker.describe(error),
                                 record: { db in _ = try JobStore.takePayload(id: id, payload: payload, db) })
            }
            return JobResult(outcome: .retry(at: identity.clock.now().addingTimeInterval(Self.retryDelay)), error: OutboxWorker.describe(error))
        }
    }
}

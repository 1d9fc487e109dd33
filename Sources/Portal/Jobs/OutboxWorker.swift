import Database
import Foundation

/// Delivers the outbox: takes the emails that are due, hands each to the mail transport and
/// records the outcome. It runs on the background thread (never inside a request), so a slow or
/// broken mail server delays emails but never a page. Emails are never deleted here: a failure
/// schedules a retry with exponential backoff, and after the last attempt the email stays in the
/// history as `failed`.
final class OutboxWorker: JobHandler {
    static let kind = "email.deliver"
    var kind: String { Self.kind }
    static let maxAttempts = 8
    static let baseRetryDelay: TimeInterval = 30
    static let maxRetryDelay: TimeInterval = 6 * 3600
    /// Longest error text kept on the row (it is shown in the email history).
    static let maxErrorLength = 300

    /// What one `deliverDue()` pass did.
    struct Report: Sendable, Equatable {
        var delivered = 0
        var retrying = 0
        var failed = 0
        var total: Int { delivered + retrying + failed }
    }

    let database: any Database
    let clock: Clock
    let logger: Logger
    let mailFrom: String
    /// Nil when the configured SMTP URL is unusable: emails then wait, pending, until it is fixed.
    let transport: (any MailTransport)?
    /// `sent` for a real mail server, `kept` when the transport only writes .eml files.
    let deliveredStatus: OutboxStatus
    /// This process's name in the job queue's leases.
    let runnerID = JobRunner.makeRunnerID()

    init(database: any Database, clock: Clock, logger: Logger, mailFrom: String, transport: (any MailTransport)?, deliveredStatus: OutboxStatus) {
        self.database = database
        self.clock = clock
        self.logger = logger
        self.mailFrom = mailFrom
        self.transport = transport
        self.deliveredStatus = deliveredStatus
    }

    /// A worker with an explicit transport (tests inject fakes here).
    convenience init(services: Services, transport: any MailTransport, deliveredStatus: OutboxStatus = .sent) {
        self.init(database: services.database, clock: services.clock, logger: services.logger,
                  mailFrom: services.configuration.mailFrom, transport: transport, deliveredStatus: deliveredStatus)
    }

    /// The worker the configuration asks for: SMTP when `smtpURL` is set, otherwise .eml files in `<data>/mail`.
    static func live(services: Services) -> OutboxWorker {
        let configuration = services.configuration
        let directory = (configuration.dataDirectory as NSString).appendingPathComponent("mail")
        let smtp = configuration.smtpURL.flatMap { $0.isEmpty ? nil : $0 }
        do {
            let transport = try MailTransports.make(smtpURL: smtp, outboxDirectory: directory)
            return OutboxWorker(services: services, transport: transport, deliveredStatus: smtp == nil ? .kept : .sent)
        } catch {
            services.logger.error("SMTP configuration unusable; emails stay pending until it is fixed", ["error": .string("\(error)")])
            return OutboxWorker(database: services.database, clock: services.clock, logger: services.logger,
                                mailFrom: configuration.mailFrom, transport: nil, deliveredStatus: .sent)
        }
    }

    /// Delivers every email whose job is due now, through the shared job queue; returns what happened.
    /// Never throws: database trouble is logged and the emails are tried again on the next pass.
    @discardableResult
    func deliverDue() -> Report {
        let runner = JobRunner(database: database, clock: clock, logger: logger, handlers: [self], runnerID: runnerID)
        let jobs = runner.runDue(kinds: [Self.kind])
        return Report(delivered: jobs.done, retrying: jobs.retrying, failed: jobs.dead)
    }

    /// One delivery attempt of the email named by the job. Idempotent: an email that is no longer
    /// pending (sent by an earlier attempt whose job bookkeeping was lost) is not sent again.
    func run(_ job: JobStore.Claimed) -> JobResult {
        let now = clock.now()
        guard let transport else {
            return JobResult(outcome: .retry(at: now.addingTimeInterval(Self.baseRetryDelay)), error: "SMTP configuration unusable")
        }
        let email: OutboxStore.Email?
        do {
            email = try database.read { db in try OutboxStore.email(publicID: job.payload, db) }
        } catch {
            return JobResult(outcome: .retry(at: now.addingTimeInterval(Self.baseRetryDelay)), error: Self.describe(error))
        }
        guard let email, email.status == OutboxStatus.pending.rawValue else { return JobResult(outcome: .done) }
        let id = email.id
        let deliveredStatus = self.deliveredStatus
        do {
            try transport.send(message(for: email))
        } catch {
            let description = Self.describe(error)
            let retry = Self.nextAttempt(after: error, attempts: email.attempts, now: now)
            if retry == nil {
                logger.error("email delivery failed for good", ["email": .string(email.publicId), "attempts": .int(email.attempts + 1), "error": .string(description)])
            } else {
                logger.warning("email delivery failed; will retry", ["email": .string(email.publicId), "attempts": .int(email.attempts + 1), "error": .string(description)])
            }
            return JobResult(outcome: retry.map { .retry(at: $0) } ?? .giveUp, error: description) { db in
                try OutboxStore.markFailedAttempt(id: id, error: description, nextAttempt: retry, now: now, db)
            }
        }
        logger.info("email delivered", ["email": .string(email.publicId), "status": .string(deliveredStatus.rawValue)])
        return JobResult(outcome: .done) { db in
            try OutboxStore.markDelivered(id: id, status: deliveredStatus, now: now, db)
        }
    }

    /// The message for an outbox row. The Message-ID derives from the row's public id, so a retry
    /// after an unrecorded success carries the same id and receivers can drop the duplicate.
    func message(for email: OutboxStore.Email) -> EmailMessage {
        let domain = MailAddress(parsing: mailFrom)?.domain ?? "localhost"
        return EmailMessage(
            from: mailFrom, to: [email.toAddress], subject: email.subject, textBody: email.textBody,
            htmlBody: email.htmlBody.isEmpty ? nil : email.htmlBody, date: email.createdAt,
            messageID: "<\(email.publicId)@\(domain)>",
            headers: [EmailHeader("Auto-Submitted", "auto-generated")])
    }

    /// When to try again after `error`, or nil to give up: permanent SMTP errors at once, others
    /// after `maxAttempts`. `attempts` counts the attempts before this one.
    static func nextAttempt(after error: any Error, attempts: Int, now: Date) -> Date? {
        let permanent = (error as? MailError).map { !$0.isTemporary } ?? false
        guard !permanent, attempts + 1 < maxAttempts else { return nil }
        return now.addingTimeInterval(retryDelay(attempts: attempts))
    }

    /// 30 s, 1 min, 2 min, 4 min … capped at 6 hours.
    static func retryDelay(attempts: Int) -> TimeInterval {
        min(maxRetryDelay, baseRetryDelay * pow(2, Double(min(attempts, 20))))
    }

    static func describe(_ error: any Error) -> String {
        String(String(describing: error).prefix(maxErrorLength))
    }
}

import Database
import Foundation
import Synchronization

/// Delivers the outbox: takes the emails that are due, hands each to the mail transport and
/// records the outcome. It runs on the background thread (never inside a request), so a slow or
/// broken mail server delays emails but never a page. Emails are never deleted here: a failure
/// schedules a retry with exponential backoff, and after the last attempt the email stays in the
/// history as `failed`.
final class OutboxWorker: Sendable {
    static let batchSize = 20
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
    /// One pass at a time, so that a test calling `deliverDue()` and the thread never send one email twice.
    private let passLock = Mutex(())

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

    /// Delivers every email that is due now, in batches; returns what happened. Never throws:
    /// database trouble is logged and the emails are tried again on the next pass.
    @discardableResult
    func deliverDue() -> Report {
        guard let transport else { return Report() }
        return passLock.withLock { _ in
            var report = Report()
            while true {
                let batch: [OutboxStore.Email]
                do {
                    batch = try database.read { db in try OutboxStore.due(now: clock.now(), limit: Self.batchSize, db) }
                } catch {
                    logger.error("outbox read failed", ["error": .string("\(error)")])
                    return report
                }
                var recorded = true
                for email in batch where recorded {
                    recorded = deliver(email, through: transport, report: &report)
                }
                // An outcome that could not be recorded leaves its email due: stop here rather than
                // send it again and again within one pass; the next pass retries.
                if !recorded || batch.count < Self.batchSize { return report }
            }
        }
    }

    /// Sends one email and records the outcome; false when the outcome could not be written.
    private func deliver(_ email: OutboxStore.Email, through transport: any MailTransport, report: inout Report) -> Bool {
        let outcome: Result<Void, any Error>
        do {
            try transport.send(message(for: email))
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        let now = clock.now()
        do {
            try database.write { db in
                switch outcome {
                case .success:
                    try OutboxStore.markDelivered(id: email.id, status: deliveredStatus, now: now, db)
                case .failure(let error):
                    let retry = Self.nextAttempt(after: error, attempts: email.attempts, now: now)
                    try OutboxStore.markFailedAttempt(id: email.id, error: Self.describe(error), nextAttempt: retry, now: now, db)
                }
            }
        } catch {
            // The email may have gone out without being marked: it will be sent again, which beats losing it.
            logger.error("outbox update failed", ["email": .string(email.publicId), "error": .string("\(error)")])
            return false
        }
        switch outcome {
        case .success:
            report.delivered += 1
            logger.info("email delivered", ["email": .string(email.publicId), "status": .string(deliveredStatus.rawValue)])
        case .failure(let error):
            if Self.nextAttempt(after: error, attempts: email.attempts, now: now) == nil {
                report.failed += 1
                logger.error("email delivery failed for good", ["email": .string(email.publicId), "attempts": .int(email.attempts + 1), "error": .string(Self.describe(error))])
            } else {
                report.retrying += 1
                logger.warning("email delivery failed; will retry", ["email": .string(email.publicId), "attempts": .int(email.attempts + 1), "error": .string(Self.describe(error))])
            }
        }
        return true
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

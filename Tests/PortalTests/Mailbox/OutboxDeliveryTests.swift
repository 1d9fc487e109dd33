import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Outbox delivery")
struct OutboxDeliveryTests {
    @Test("a due email goes through the transport once, with the configured sender and a stable Message-ID, and is marked sent")
    func deliversOnce() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app, verify: false)
        let queued = try #require(try app.emails(to: person.email).first)
        let transport = FakeTransport()
        let worker = app.worker(transport)
        // MUT
        let first = worker.deliverDue()
        let second = worker.deliverDue()
        // validate
        #expect(first == OutboxWorker.Report(delivered: 1))
        #expect(second.total == 0)
        let message = try #require(transport.sent.first)
        #expect(transport.sent.count == 1)
        #expect(message.to == [person.email])
        #expect(message.from == app.app.configuration.mailFrom)
        #expect(message.subject == queued.subject)
        #expect(message.textBody == queued.textBody)
        #expect(message.htmlBody == queued.htmlBody)
        #expect(message.messageID == "<\(queued.publicId)@hosterra.example>")
        let row = try #require(try app.email(publicID: queued.publicId))
        #expect(row.status == "sent")
        #expect(row.attempts == 1)
        #expect(row.sentAt != nil)
    }

    @Test("one pass delivers everything that is due, batch after batch, oldest first")
    func manyBatches() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app, verify: false)
        let ids = try app.ids(of: person.email)
        for number in 1...45 {
            try app.enqueueEmail(to: person.email, userID: ids.user, accountID: ids.account, subject: "Notice \(number)",
                                 at: app.time.current.addingTimeInterval(Double(number) - 100))
        }
        let transport = FakeTransport()
        // MUT
        let report = app.worker(transport).deliverDue()
        // validate
        #expect(report == OutboxWorker.Report(delivered: 46))
        #expect(transport.sent.count == 46)
        #expect(transport.sent.first?.subject == "Notice 1")
        #expect(transport.sent.dropLast().last?.subject == "Notice 45")
        #expect(try app.emails().allSatisfy { $0.status == "sent" })
    }

    @Test("a temporary failure keeps the email pending with the error, and it is retried only once the backoff has passed")
    func temporaryFailureRetries() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app, verify: false)
        let queued = try #require(try app.emails(to: person.email).first)
        let transport = FakeTransport()
        transport.failing(with: .connectionFailed("connection refused"))
        let worker = app.worker(transport)
        // MUT
        let failed = worker.deliverDue()
        let failedRow = try #require(try app.email(publicID: queued.publicId))
        let tooEarly = worker.deliverDue()
        app.time.advance(by: 29)
        let stillTooEarly = worker.deliverDue()
        transport.failing(with: nil)
        app.time.advance(by: 2)
        let retried = worker.deliverDue()
        // validate
        #expect(failed == OutboxWorker.Report(retrying: 1))
        #expect(failedRow.status == "pending")
        #expect(failedRow.attempts == 1)
        #expect(failedRow.lastError.contains("connection refused"))
        #expect(tooEarly.total == 0)
        #expect(stillTooEarly.total == 0)
        #expect(retried == OutboxWorker.Report(delivered: 1))
        let row = try #require(try app.email(publicID: queued.publicId))
        #expect(row.status == "sent")
        #expect(row.attempts == 2)
        #expect(row.lastError.isEmpty)
        #expect(transport.calls == 2)
    }

    @Test("an email that keeps failing temporarily is marked failed after eight attempts and never tried again")
    func givesUpAfterEightAttempts() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app, verify: false)
        let queued = try #require(try app.emails(to: person.email).first)
        let transport = FakeTransport()
        transport.failing(with: .rejected(smtpCode: 451, message: "try again later"))
        let worker = app.worker(transport)
        // MUT
        var reports: [OutboxWorker.Report] = []
        for _ in 0..<10 {
            reports.append(worker.deliverDue())
            app.time.advance(by: OutboxWorker.maxRetryDelay + 1)
        }
        // validate
        #expect(reports.prefix(7).allSatisfy { $0 == OutboxWorker.Report(retrying: 1) })
        #expect(reports[7] == OutboxWorker.Report(failed: 1))
        #expect(reports.suffix(2).allSatisfy { $0.total == 0 })
        #expect(transport.calls == 8)
        let row = try #require(try app.email(publicID: queued.publicId))
        #expect(row.status == "failed")
        #expect(row.attempts == 8)
        #expect(row.lastError.contains("451"))
    }

    @Test("a permanent SMTP rejection fails the email at once, keeps it with its error, and the history says so without the server's words")
    func permanentFailure() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app, verify: false)
        let queued = try #require(try app.emails(to: person.email).first)
        let transport = FakeTransport()
        transport.failing(with: .rejected(smtpCode: 550, message: "mailbox unavailable"))
        // MUT
        let report = app.worker(transport).deliverDue()
        let history = try browser.get("/account/emails")
        app.time.advance(by: OutboxWorker.maxRetryDelay + 1)
        let later = app.worker(transport).deliverDue()
        // validate
        #expect(report == OutboxWorker.Report(failed: 1))
        #expect(later.total == 0)
        let row = try #require(try app.email(publicID: queued.publicId))
        #expect(row.status == "failed")
        #expect(row.attempts == 1)
        #expect(history.status == .ok)
        #expect(history.text.contains("tag tag-danger\">Failed<"))
        #expect(history.text.contains("It could not be delivered."))
        #expect(!history.text.contains("mailbox unavailable"), "the mail server's message stays out of customers' pages")
        #expect(row.lastError.contains("mailbox unavailable"))
    }

    @Test("retry delays double from 30 seconds and stop growing at 6 hours")
    func backoff() {
        // MUT / validate
        #expect(OutboxWorker.retryDelay(attempts: 0) == 30)
        #expect(OutboxWorker.retryDelay(attempts: 1) == 60)
        #expect(OutboxWorker.retryDelay(attempts: 5) == 960)
        #expect(OutboxWorker.retryDelay(attempts: 12) == 6 * 3600)
        #expect(OutboxWorker.retryDelay(attempts: 1_000) == 6 * 3600)
        let now = Date(timeIntervalSince1970: 0)
        #expect(OutboxWorker.nextAttempt(after: MailError.timedOut("slow"), attempts: 6, now: now) != nil)
        #expect(OutboxWorker.nextAttempt(after: MailError.timedOut("slow"), attempts: 7, now: now) == nil)
        #expect(OutboxWorker.nextAttempt(after: MailError.authenticationFailed("no"), attempts: 0, now: now) == nil)
    }

    @Test("without SMTP each email is written as an .eml file into <data>/mail and shown as kept")
    func keptAsFile() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app, verify: false)
        let queued = try #require(try app.emails(to: person.email).first)
        // MUT
        let report = app.app.background.outbox.deliverDue()
        let history = try browser.get("/account/emails")
        // validate
        #expect(report == OutboxWorker.Report(delivered: 1))
        let directory = app.directory + "/mail"
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".eml") }
        #expect(files.count == 1)
        let file = try String(contentsOfFile: directory + "/" + (files.first ?? ""), encoding: .utf8)
        #expect(file.contains("To: \(person.email)"))
        #expect(file.contains("Message-ID: <\(queued.publicId)@"))
        let row = try #require(try app.email(publicID: queued.publicId))
        #expect(row.status == "kept")
        #expect(history.text.contains("Kept: no SMTP configured"))
    }

    @Test("the background thread delivers on its own and ends its loop when asked")
    func backgroundThread() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app, verify: false)
        // MUT
        app.app.startBackgroundWork()
        app.app.startBackgroundWork() // a second start is harmless
        // Polled with a bound far above the half-second poll interval: a loaded machine only makes it slower.
        var status = ""
        let deadline = Date().addingTimeInterval(60)
        while status != "kept", Date() < deadline {
            Thread.sleep(forTimeInterval: 0.05)
            status = try app.emails(to: person.email).first?.status ?? ""
        }
        let ended = app.app.background.stop()
        let again = app.app.background.stop()
        // validate
        #expect(status == "kept")
        #expect(ended, "the loop ended (false would mean stop gave up after its 15 s bound)")
        #expect(again, "stopping a stopped worker is harmless")
    }

    @Test("/metrics counts the outbox by delivery status")
    func metrics() throws {
        // setup
        let app = try TestApp()
        try Person.make().signUpAndLogIn(app, verify: false)
        try Person.make("Grace Hopper").signUpAndLogIn(app, verify: false)
        let before = try app.client.get("/metrics")
        let transport = FakeTransport()
        transport.failing(with: .invalidAddress("nobody"))
        // MUT
        app.worker(transport).deliverDue()
        let after = try app.client.get("/metrics")
        // validate
        #expect(before.status == .ok)
        #expect(before.text.contains("hosterra_outbox_emails{status=\"pending\"} 2\n"))
        #expect(before.text.contains("hosterra_outbox_emails{status=\"failed\"} 0\n"))
        #expect(after.text.contains("hosterra_outbox_emails{status=\"pending\"} 0\n"))
        #expect(after.text.contains("hosterra_outbox_emails{status=\"failed\"} 2\n"))
        #expect(after.text.contains("# TYPE hosterra_outbox_emails gauge"))
    }
}

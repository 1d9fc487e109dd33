import Database
import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Password-reset requests: the same work on the request path, the email from a job")
struct PasswordResetJobTests {
    static let subject = "Reset your password"

    /// Rows in every table of the schema, by table.
    func rowCounts(_ app: TestApp) throws -> [String: Int] {
        try app.database.read { db in
            let tables: [String]
            switch db.dialect {
            case .sqlite:
                tables = try db.query(String.self, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            case .postgresql:
                tables = try db.query(String.self, """
                    SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
                    """)
            }
            var counts: [String: Int] = [:]
            for table in tables { counts[table] = try db.queryFirst(Int.self, "SELECT COUNT(*) FROM \(identifier: table)") ?? 0 }
            return counts
        }
    }

    /// What changed between two `rowCounts`, tables that did not change left out.
    func delta(_ before: [String: Int], _ after: [String: Int]) -> [String: Int] {
        after.reduce(into: [:]) { result, entry in
            let change = entry.value - (before[entry.key] ?? 0)
            if change != 0 { result[entry.key] = change }
        }
    }

    /// Posts the forgot-password form, its page already loaded, so only the POST's writes are measured.
    @discardableResult
    func forgot(_ app: TestApp, _ email: String, from address: String = "198.51.100.20") throws -> (response: TestResponse, writes: [String: Int]) {
        let browser = app.browser(from: address)
        let token = csrfToken(in: try browser.get("/password/forgot").text) ?? ""
        let before = try rowCounts(app)
        let response = try browser.post("/password/forgot", form: [("_csrf", token), ("email", email)])
        return (response, delta(before, try rowCounts(app)))
    }

    func jobs(_ app: TestApp) throws -> [(status: String, payload: String, error: String)] {
        try app.database.read { db in
            try db.query("SELECT status, payload, last_error FROM jobs WHERE kind = \(PasswordResetJob.kind) ORDER BY id").map {
                (try $0.get("status", as: String.self), try $0.get("payload", as: String.self), try $0.get("last_error", as: String.self))
            }
        }
    }

    @Test("the request writes the same rows for a registered and an unknown email: one throttle row and one job, no token, no email")
    func sameWritesWhateverWasTyped() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        // MUT
        let known = try forgot(app, person.email)
        let unknown = try forgot(app, "ghost-\(UUID())@example.com")
        // validate
        #expect(known.response.status == .seeOther)
        #expect(known.response.status == unknown.response.status)
        #expect(known.response.location == unknown.response.location)
        #expect(known.writes == ["request_throttles": 1, "jobs": 1])
        #expect(unknown.writes == known.writes)
        #expect(try app.emails(to: person.email).filter { $0.subject == Self.subject }.isEmpty, "nothing is sent before the job runs")
    }

    @Test("the job for a registered email, typed in another case, queues exactly one reset email whose link resets the password")
    func knownEmailGetsOneWorkingLink() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        try forgot(app, "  " + person.email.uppercased() + " ")
        // MUT
        let report = app.runResetJobs()
        // validate
        #expect(report == JobRunner.Report(done: 1))
        #expect(try app.emails(to: person.email).filter { $0.subject == Self.subject }.count == 1)
        let link = try #require(try app.link(to: person.email, containing: "/password/reset"))
        let target = TestApp.target(of: link)
        let token = try #require(URLComponents(string: link)?.queryItems?.first { $0.name == "token" }?.value)
        #expect(try app.browser().get(target).status == .ok)
        let done = try app.browser().submit("/password/reset", form: [("token", token), ("password", "a brand new long passphrase 9")], from: target)
        #expect(done.location == "/login")
        let login = try app.browser().submit("/login", form: [("email", person.email), ("password", "a brand new long passphrase 9")], from: "/login")
        #expect(login.status == .seeOther)
        #expect(try jobs(app).map(\.status) == ["done"])
        #expect(try jobs(app).map(\.payload) == [""], "the finished job keeps no address")
    }

    @Test("the job for an unknown email finishes with nothing sent, no token, no dead job and no address left")
    func unknownEmailIsNothingToDo() throws {
        // setup
        let app = try TestApp()
        let ghost = "ghost-\(UUID())@example.com"
        try forgot(app, ghost)
        let before = try rowCounts(app)
        // MUT
        let report = app.runResetJobs()
        // validate
        #expect(report == JobRunner.Report(done: 1))
        #expect(try app.emails().isEmpty)
        #expect(delta(before, try rowCounts(app)).isEmpty, "nothing written but the job's own status")
        #expect(try jobs(app).map(\.status) == ["done"])
        #expect(try jobs(app).map(\.payload) == [""])
        #expect(try app.database.read { db in try JobStore.counts(db) }["dead"] == nil)
    }

    @Test("a job run again after its runner died, even past the sending limit, sends no second email")
    func rerunAfterCrashSendsNothing() throws {
        // setup: a runner claims the job, does the work and dies before recording it.
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        try forgot(app, person.email)
        let claimed = try app.database.write { db in
            try JobStore.claim(runner: "dead-runner", limit: 10, kinds: [PasswordResetJob.kind], now: app.time.current,
                               leaseUntil: app.time.current.addingTimeInterval(JobRunner.defaultLease), db)
        }
        #expect(claimed.count == 1)
        _ = PasswordResetJob(identity: app.app.identity).run(try #require(claimed.first))
        #expect(try app.emails(to: person.email).filter { $0.subject == Self.subject }.count == 1)
        // MUT: the lease runs out after the two-minute sending limit, so only the job's own record stops a second email.
        app.time.advance(by: max(JobRunner.defaultLease, IdentityService.resetEmailInterval) + 1)
        let rerun = app.runResetJobs()
        // validate
        #expect(rerun == JobRunner.Report(done: 1))
        #expect(try app.emails(to: person.email).filter { $0.subject == Self.subject }.count == 1)
        #expect(try app.database.read { db in try db.queryFirst(Int.self, "SELECT COUNT(*) FROM user_tokens WHERE purpose = 'reset_password'") } == 1)
        #expect(try jobs(app).map(\.status) == ["done"])
    }

    @Test("requests for one email send one reset email per two minutes, whichever network asks")
    func sendingLimitAcrossJobs() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        try person.signUpAndLogIn(app)
        let count = { try app.emails(to: person.email).filter { $0.subject == Self.subject }.count }
        // MUT
        try forgot(app, person.email, from: "198.51.100.31")
        try forgot(app, person.email, from: "203.0.113.32")
        let first = app.runResetJobs()
        let withinLimit = try count()
        app.time.advance(by: IdentityService.resetEmailInterval - 1)
        try forgot(app, person.email, from: "203.0.113.33")
        app.runResetJobs()
        let stillWithin = try count()
        app.time.advance(by: 2)
        try forgot(app, person.email, from: "203.0.113.34")
        app.runResetJobs()
        // validate
        #expect(first == JobRunner.Report(done: 2), "the limited request is done too, not retried")
        #expect(withinLimit == 1)
        #expect(stillWithin == 1)
        #expect(try count() == 2)
    }

    @Test("a failing job retries and ends dead without the address in the logs, its error or its payload")
    func failuresNeverLogTheAddress() throws {
        // setup: the job's lookup fails on every attempt.
        let app = try TestApp()
        let ghost = "ghost-\(UUID())@example.com"
        try forgot(app, ghost)
        try app.database.write { db in try db.execute("ALTER TABLE users RENAME TO users_away") }
        // MUT
        var reports: [JobRunner.Report] = []
        for _ in 0..<PasswordResetJob.maxAttempts {
            reports.append(app.runResetJobs())
            app.time.advance(by: PasswordResetJob.retryDelay + 1)
        }
        // validate
        #expect(reports.dropLast().allSatisfy { $0 == JobRunner.Report(retrying: 1) })
        #expect(reports.last == JobRunner.Report(dead: 1))
        let job = try #require(try jobs(app).first)
        #expect(job.status == "dead")
        #expect(job.payload.isEmpty, "a dead job keeps no address")
        #expect(!job.error.isEmpty)
        #expect(!job.error.contains(ghost))
        let lines = app.logs.captured
        #expect(lines.contains { $0.contains("job dead") && $0.contains(PasswordResetJob.kind) })
        #expect(!lines.contains { $0.contains(ghost) })
    }
}

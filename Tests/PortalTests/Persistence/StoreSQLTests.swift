import Database
import Foundation
import Testing
@testable import Portal

/// Every store's SQL once, on whichever engine TestApp uses (SQLite, or PostgreSQL when
/// HOSTERRA_TEST_POSTGRES_URL is set), including the statements the HTTP tests rarely reach:
/// paging with bound LIMIT/OFFSET, counts, upserts, COALESCE on timestamps, cleanup deletes.
@Suite struct StoreSQLTests {
    @Test("every persistence store statement runs and returns what it should")
    func everyStoreStatementRuns() throws {
        // setup
        let app = try TestApp()
        let now = Date(timeIntervalSince1970: 1_800_000_000.250)
        let db = app.database
        // MUT / validate: users, accounts, memberships
        let ids = try db.write { conn in
            try UserStore.createUserWithAccount(email: "store@example.com", name: "Store", passwordHash: "h", verified: false, now: now, conn)
        }
        #expect(throws: DatabaseError.self) {
            try db.write { conn in
                try UserStore.createUserWithAccount(email: "store@example.com", name: "Dup", passwordHash: "h", verified: true, now: now, conn)
            }
        }
        try db.write { conn in
            try UserStore.markVerified(userID: ids.user, now: now, conn)
            try UserStore.markVerified(userID: ids.user, now: now.addingTimeInterval(60), conn) // keeps the first time
            try UserStore.setPassword(userID: ids.user, hash: "h2", now: now, conn)
            try UserStore.lock(userID: ids.user, until: now.addingTimeInterval(300), conn)
            try UserStore.setLastAccount(userID: ids.user, accountID: ids.account, conn)
        }
        let user = try #require(try db.read { try UserStore.user(id: ids.user, $0) })
        #expect(user.email == "store@example.com")
        #expect(try db.read { try UserStore.user(email: "store@example.com", $0) }?.id == ids.user)
        #expect(try db.read { try UserStore.account(id: ids.account, $0) }?.requireDelegateTwoFactor == false)
        try db.write { try $0.execute("UPDATE accounts SET require_delegate_two_factor = 1 WHERE id = \(ids.account)") }
        #expect(try db.read { try UserStore.account(id: ids.account, $0) }?.requireDelegateTwoFactor == true)
        #expect(try db.read { try UserStore.defaultAccount(userID: ids.user, now: now, $0) } == ids.account)
        let verifiedAt = try db.read { try $0.queryFirst(Date.self, "SELECT email_verified_at FROM users WHERE id = \(ids.user)") }
        #expect(verifiedAt == now)

        // sessions
        let sessionID = try db.write { conn in
            try SessionStore.create(tokenHash: "t1", userID: ids.user, accountID: ids.account, stage: .full, now: now,
                                    expiresAt: now.addingTimeInterval(3600), ip: "192.0.2.1", userAgent: "Mozilla/5.0 (X11; Linux) Firefox/120.0", conn)
        }
        let loaded = try #require(try db.read { try SessionStore.load(tokenHash: "t1", $0) })
        #expect(loaded.sessionId == sessionID && loaded.unread == 0)
        #expect(loaded.requireDelegateTwoFactor == true) // read from the column, not defaulted to nil
        try db.write { conn in
            try SessionStore.rotate(sessionID: sessionID, newTokenHash: "t2", stage: .full, accountID: ids.account, now: now, conn)
            try SessionStore.touch(sessionID: sessionID, now: now.addingTimeInterval(1), conn)
        }
        #expect(try db.read { try SessionStore.list(userID: ids.user, $0) }.map(\.id) == [sessionID])
        #expect(try db.write { try SessionStore.deleteAll(userID: ids.user, keeping: sessionID, $0) } == 0)
        #expect(try db.write { try SessionStore.delete(publicID: "nope", userID: ids.user, $0) } == 0)
        #expect(try db.write { try SessionStore.deleteExpired(now: now.addingTimeInterval(7200), idleCutoff: now, $0) } == 1)

        // tokens, login attempts, recovery codes, security events, devices
        try db.write { conn in
            try TokenStore.create(tokenHash: "tok", userID: ids.user, purpose: .resetPassword, now: now, lifetime: 600, conn)
        }
        let token = try #require(try db.read { try TokenStore.find(tokenHash: "tok", purpose: .resetPassword, $0) })
        #expect(try db.write { try TokenStore.consume(id: token.id, now: now, $0) } == true)
        #expect(try db.write { try TokenStore.consume(id: token.id, now: now, $0) } == false)
        try db.write { try TokenStore.revokeAll(userID: ids.user, purpose: .verifyEmail, now: now, $0) }
        #expect(try db.write { try TokenStore.deleteExpired(before: now.addingTimeInterval(601), $0) } == 1)

        try db.write { conn in
            try LoginAttemptStore.record(key: "e", address: "192.0.2.1", succeeded: false, now: now, conn)
            try LoginAttemptStore.record(key: "e", address: "192.0.2.1", succeeded: true, now: now, conn)
            try LoginAttemptStore.record(key: "e", address: "192.0.2.1", succeeded: false, now: now.addingTimeInterval(1), conn)
        }
        let failures = try db.read { try LoginAttemptStore.failures(key: "e", since: now.addingTimeInterval(-10), $0) }
        #expect(failures.count == 1 && failures.latest == now.addingTimeInterval(1))
        let later = try db.write { try LoginAttemptStore.record(key: "e", address: "192.0.2.1", succeeded: false, now: now.addingTimeInterval(2), $0) }
        #expect(try db.read { try LoginAttemptStore.failures(key: "e", since: now.addingTimeInterval(-10), $0) }.count == 2)
        #expect(try db.read { try LoginAttemptStore.failures(key: "e", since: now.addingTimeInterval(-10), through: later - 1, $0) }.count == 1,
                "an attempt still being checked after the one deciding is not counted by it")
        try db.write { try LoginAttemptStore.delete(id: later, $0) }
        #expect(try db.read { try LoginAttemptStore.failures(address: "192.0.2.1", since: now.addingTimeInterval(-10), $0) } == 2)
        #expect(try db.write { try LoginAttemptStore.deleteOlder(than: now, $0) } == 2)

        try db.write { conn in
            try ThrottleStore.record(kind: .signup, key: "192.0.2.1", now: now, conn)
            try ThrottleStore.record(kind: .signup, key: "192.0.2.1", now: now.addingTimeInterval(5), conn)
            try ThrottleStore.record(kind: .passwordReset, key: "192.0.2.1", now: now, conn)
            try ThrottleStore.record(kind: .signup, key: "2001:db8:1:2::/64", now: now, conn)
        }
        let window = try db.read { try ThrottleStore.window(kind: .signup, key: "192.0.2.1", since: now.addingTimeInterval(-10), $0) }
        #expect(window.count == 2 && window.oldest == now)
        #expect(try db.read { try ThrottleStore.window(kind: .signup, key: "192.0.2.1", since: now, $0) }.count == 1)
        #expect(try db.read { try ThrottleStore.window(kind: .signup, key: "192.0.2.9", since: now.addingTimeInterval(-10), $0) }.oldest == nil)
        #expect(try db.write { try ThrottleStore.deleteOlder(than: now, $0) } == 3)

        try db.write { try RecoveryCodeStore.replace(userID: ids.user, hashes: ["a", "b", "c"], $0) }
        #expect(try db.write { try RecoveryCodeStore.use(userID: ids.user, hash: "b", now: now, $0) } == true)
        #expect(try db.write { try RecoveryCodeStore.use(userID: ids.user, hash: "b", now: now, $0) } == false)
        #expect(try db.read { try RecoveryCodeStore.remaining(userID: ids.user, $0) } == 2)

        for i in 0..<3 {
            try db.write { try SecurityEventStore.record(userID: ids.user, kind: .loginSucceeded, ip: "ip", device: "d", now: now.addingTimeInterval(Double(i)), $0) }
        }
        #expect(try db.read { try SecurityEventStore.recent(userID: ids.user, limit: 2, $0) }.count == 2)
        #expect(try db.write { try SecurityEventStore.rememberDevice(userID: ids.user, deviceHash: "dev", now: now, $0) } == false)
        #expect(try db.write { try SecurityEventStore.rememberDevice(userID: ids.user, deviceHash: "dev", now: now, $0) } == true)

        // outbox and notifications, with paging
        for i in 0..<5 {
            try db.write { conn in
                try OutboxStore.enqueue(to: "store@example.com", userID: ids.user, accountID: ids.account, category: .billing,
                                        subject: "s\(i)", text: "t", html: "h", now: now.addingTimeInterval(Double(i)), conn)
                try NotificationStore.add(userID: ids.user, severity: .info, message: "m\(i)", link: "/", now: now.addingTimeInterval(Double(i)), conn)
            }
        }
        let claimed = try db.write { conn in
            try JobStore.claim(runner: "store-test", limit: 3, kinds: [OutboxWorker.kind], now: now.addingTimeInterval(10),
                               leaseUntil: now.addingTimeInterval(100), conn)
        }
        #expect(claimed.map(\.attempts) == [1, 1, 1])
        let due = try db.read { conn in try claimed.compactMap { try OutboxStore.email(publicID: $0.payload, conn) } }
        #expect(due.map(\.subject) == ["s0", "s1", "s2"])
        try db.write { conn in
            try OutboxStore.markDelivered(id: due[0].id, status: .sent, now: now, conn)
            try OutboxStore.markFailedAttempt(id: due[1].id, error: "timeout", nextAttempt: now.addingTimeInterval(60), now: now, conn)
            try OutboxStore.markFailedAttempt(id: due[2].id, error: "refused", nextAttempt: nil, now: now, conn)
        }
        #expect(try db.read { try OutboxStore.page(accountID: ids.account, offset: 1, limit: 2, $0) }.map(\.subject) == ["s3", "s2"])
        #expect(try db.read { try OutboxStore.count(accountID: ids.account, $0) } == 5)
        #expect(try db.read { try OutboxStore.counts($0) } == ["sent": 1, "failed": 1, "pending": 3])
        #expect(try db.read { try OutboxStore.find(publicID: due[0].publicId, accountID: ids.account, $0) }?.attempts == 1)
        let page = try db.read { try NotificationStore.list(userID: ids.user, offset: 2, limit: 2, $0) }
        #expect(page.map(\.message) == ["m2", "m1"])
        #expect(try db.read { try NotificationStore.count(userID: ids.user, $0) } == 5)
        #expect(try db.write { try NotificationStore.markAllRead(userID: ids.user, now: now, $0) } == 5)
    }

    @Test("the outbox sending limit and the request throttles are looked up by index, not by scanning the table")
    func lookupsUseIndexes() throws {
        // setup
        let app = try TestApp()
        let since = Date()
        // MUT
        let plans: [String]
        if app.postgres == nil {
            plans = try app.database.read { db in
                try [
                    db.query("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM outbox_emails WHERE to_address = \("a@example.com") AND subject = \("s") AND created_at > \(since)"),
                    db.query("EXPLAIN QUERY PLAN SELECT COUNT(*) FROM request_throttles WHERE kind = \("signup") AND key = \("k") AND created_at > \(since)"),
                ].map { rows in try rows.map { try $0.get("detail", as: String.self) }.joined(separator: "; ") }
            }
        } else {
            // PostgreSQL plans small tables as scans whatever the indexes: check the indexes themselves.
            plans = try app.database.read { db in
                try ["outbox_recipient", "request_throttles_key"].map { name in
                    try db.queryFirst(String.self, "SELECT indexdef FROM pg_indexes WHERE indexname = \(name)") ?? ""
                }
            }
        }
        // validate
        #expect(plans[0].contains("INDEX outbox_recipient"), "\(plans[0])")
        #expect(plans[1].contains("INDEX request_throttles_key"), "\(plans[1])")
    }
}

import Foundation
import Testing
@testable import Database

@Suite struct ConcurrencyTests {
    @Test func readersSeeConsistentSnapshotsWhileWriterCommits() throws {
        try withTemporaryDatabase(readers: 3) { db, _ in
            try db.write { try $0.executeScript(ConcurrencyWorkload.ledgerSchema(db.dialect)) }
            let failures = Locked<[String]>([])
            let seenCounts = Locked<Set<Int>>([])
            let writes = 200
            let writer: @Sendable () -> Void = {
                for i in 0..<writes {
                    ConcurrencyWorkload.writeLedger(batch: i, to: db, failures: failures)
                }
            }
            let reader: @Sendable () -> Void = {
                var lastCount = 0
                for _ in 0..<200 {
                    if let count = ConcurrencyWorkload.readAndCheckLedger(db, lastCount: lastCount, failures: failures) {
                        lastCount = count
                        seenCounts.withLock { _ = $0.insert(count) }
                    }
                }
            }
            let finished = runOnThreadsAndWait([writer, reader, reader, reader, reader])
            #expect(finished)
            #expect(failures.withLock { $0 } == [])

            let total = try db.read { try $0.queryFirst(Int.self, "SELECT sum(balance) FROM accounts") }
            let items = try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM items") }
            #expect(total == 100)
            // Readers read while the writer ran (how many intermediate states they catch depends on scheduling).
            #expect(seenCounts.withLock { $0.count } >= 1)
            #expect(items == writes * 2)
            let stats = db.statistics()
            #expect(stats.readersInUse == 0)
            #expect(stats.transactions >= UInt64(writes))
            #expect(stats.reads >= 800)
        }
    }

    @Test func concurrentWritersAreSerialized() throws {
        try withTemporaryDatabase(readers: 1) { db, path in
            try db.write { try $0.executeScript(ConcurrencyWorkload.counterSchema(db.dialect)) }
            let failures = Locked<[String]>([])
            let job: @Sendable () -> Void = {
                for _ in 0..<50 {
                    do {
                        try ConcurrencyWorkload.incrementCounter(in: db)
                        // A single reader shared by 3 threads: callers must block, not fail.
                        _ = try db.read { try $0.queryFirst(Int.self, "SELECT v FROM n") }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            #expect(runOnThreadsAndWait([job, job, job]))
            #expect(failures.withLock { $0 } == [])
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT v FROM n") } == 150)
        }
    }

    @Test func closeWaitsForInFlightWorkAndFailsWaiters() throws {
        try withTemporaryDatabase(readers: 1) { db, path in
            try db.write { try $0.executeScript("CREATE TABLE t (x)") }
            let results = Locked<[String]>([])
            let entered = DispatchSemaphore(value: 0)
            let slow: @Sendable () -> Void = {
                do {
                    try db.write { conn in
                        entered.signal()
                        Thread.sleep(forTimeInterval: 0.1)
                        try conn.execute("INSERT INTO t VALUES (1)")
                        results.withLock { $0.append("body finished") }
                    }
                    results.withLock { $0.append("write committed") }
                } catch {
                    results.withLock { $0.append("write failed: \(error)") }
                }
            }
            let closer: @Sendable () -> Void = {
                entered.wait()
                db.close()
                results.withLock { $0.append("closed") }
            }
            #expect(runOnThreadsAndWait([slow, closer]))
            // close() returned only after the in-flight write released the writer.
            let log = results.withLock { $0 }
            #expect(log.firstIndex(of: "body finished") ?? 99 < log.firstIndex(of: "closed") ?? -1)
            #expect(log.contains("write committed"))
            #expect(throws: DatabaseError.closed) { try db.read { _ in 0 } }
            // ...and the write was committed, not cut off.
            let reopened = try SQLiteDatabase(path: path, readers: 1)
            defer { reopened.close() }
            #expect(try reopened.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM t") } == 1)
        }
    }
}

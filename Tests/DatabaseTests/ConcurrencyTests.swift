import Foundation
import Testing
@testable import Database

/// Runs each closure on its own Thread (real parallelism even on a
/// cooperative pool of 2) and waits for all of them.
private func runOnThreads(_ jobs: [@Sendable () -> Void], timeout: TimeInterval = 20) -> Bool {
    let group = DispatchGroup()
    for job in jobs {
        group.enter()
        let thread = Thread {
            job()
            group.leave()
        }
        thread.start()
    }
    return group.wait(timeout: .now() + timeout) == .success
}

@Suite struct ConcurrencyTests {
    @Test func readersSeeConsistentSnapshotsWhileWriterCommits() throws {
        try withTemporaryDatabase(readers: 3) { db, _ in
            try db.write {
                try $0.executeScript("""
                    CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL);
                    INSERT INTO accounts VALUES (1, 100), (2, 0);
                    CREATE TABLE items (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL);
                    """)
            }
            let failures = Locked<[String]>([])
            let seenCounts = Locked<Set<Int>>([])
            let writes = 200
            let writer: @Sendable () -> Void = {
                for i in 0..<writes {
                    do {
                        try db.write { conn in
                            // Move money and insert a pair of rows: both invariants
                            // are broken between the statements, never after commit.
                            let amount = (i % 7) - 3
                            try conn.execute("UPDATE accounts SET balance = balance - \(amount) WHERE id = 1")
                            try conn.execute("UPDATE accounts SET balance = balance + \(amount) WHERE id = 2")
                            try conn.execute("INSERT INTO items (batch) VALUES (\(i))")
                            try conn.execute("INSERT INTO items (batch) VALUES (\(i))")
                        }
                    } catch {
                        failures.withLock { $0.append("writer: \(error)") }
                    }
                }
            }
            let reader: @Sendable () -> Void = {
                var lastCount = 0
                for _ in 0..<200 {
                    do {
                        try db.read { conn in
                            // Separate statements in one read must agree (one snapshot).
                            let a = try conn.queryFirst(Int.self, "SELECT balance FROM accounts WHERE id = 1") ?? -1
                            let b = try conn.queryFirst(Int.self, "SELECT balance FROM accounts WHERE id = 2") ?? -1
                            let count = try conn.queryFirst(Int.self, "SELECT count(*) FROM items") ?? -1
                            let batches = try conn.queryFirst(Int.self, "SELECT count(DISTINCT batch) FROM items") ?? -1
                            if a + b != 100 { failures.withLock { $0.append("torn balance \(a) + \(b)") } }
                            if count != batches * 2 { failures.withLock { $0.append("torn items \(count)/\(batches)") } }
                            if count < lastCount { failures.withLock { $0.append("went back in time") } }
                            lastCount = count
                            seenCounts.withLock { _ = $0.insert(count) }
                        }
                    } catch {
                        failures.withLock { $0.append("reader: \(error)") }
                    }
                }
            }
            let finished = runOnThreads([writer, reader, reader, reader, reader])
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
            try db.write { try $0.executeScript("CREATE TABLE n (v INTEGER NOT NULL); INSERT INTO n VALUES (0);") }
            let failures = Locked<[String]>([])
            let job: @Sendable () -> Void = {
                for _ in 0..<50 {
                    do {
                        try db.write { conn in
                            // Read-modify-write: lost updates would show if writes interleaved.
                            let v = try conn.queryFirst(Int.self, "SELECT v FROM n") ?? 0
                            try conn.execute("UPDATE n SET v = \(v + 1)")
                        }
                        // A single reader shared by 3 threads: callers must block, not fail.
                        _ = try db.read { try $0.queryFirst(Int.self, "SELECT v FROM n") }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            #expect(runOnThreads([job, job, job]))
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
            #expect(runOnThreads([slow, closer]))
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

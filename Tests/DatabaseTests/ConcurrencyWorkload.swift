import Foundation
@testable import Database

/// What the concurrency tests run on several threads at once: transactions
/// whose invariants break if snapshots tear or writes interleave.
///
/// - The ledger: every write transaction breaks two invariants between its
///   statements and restores them before it commits (two accounts always
///   hold 100 together; items always come in pairs sharing a batch
///   number), so a read that sees either broken saw a torn snapshot.
/// - The counter: read-modify-write increments, which lose updates if two
///   write transactions interleave.
enum ConcurrencyWorkload {
    /// Creates the ledger's two tables, the money in the first account.
    static func ledgerSchema(_ d: SQLDialect) -> String {
        """
        CREATE TABLE accounts (id \(d.bigint) PRIMARY KEY, balance \(d.bigint) NOT NULL);
        INSERT INTO accounts VALUES (1, 100), (2, 0);
        CREATE TABLE items (id \(d.autoIncrementPrimaryKey), batch \(d.bigint) NOT NULL);
        """
    }

    /// Ledger write transaction number `batch`: moves some money between the
    /// accounts and inserts a pair of items. An error lands in `failures`.
    static func writeLedger(batch: Int, to db: any Database, failures: Locked<[String]>) {
        do {
            try db.write { conn in
                let amount = (batch % 7) - 3
                try conn.execute("UPDATE accounts SET balance = balance - \(amount) WHERE id = 1")
                try conn.execute("UPDATE accounts SET balance = balance + \(amount) WHERE id = 2")
                try conn.execute("INSERT INTO items (batch) VALUES (\(batch))")
                try conn.execute("INSERT INTO items (batch) VALUES (\(batch))")
            }
        } catch {
            failures.withLock { $0.append("writer: \(error)") }
        }
    }

    /// One read transaction checking, in separate statements that must agree
    /// (one snapshot), both ledger invariants and that the item count has not
    /// gone back below `lastCount`. Returns the item count it saw, or `nil`
    /// when the read failed; every problem lands in `failures`.
    static func readAndCheckLedger(_ db: any Database, lastCount: Int, failures: Locked<[String]>) -> Int? {
        do {
            return try db.read { conn in
                let a = try conn.queryFirst(Int.self, "SELECT balance FROM accounts WHERE id = 1") ?? -1
                let b = try conn.queryFirst(Int.self, "SELECT balance FROM accounts WHERE id = 2") ?? -1
                let count = try conn.queryFirst(Int.self, "SELECT count(*) FROM items") ?? -1
                let batches = try conn.queryFirst(Int.self, "SELECT count(DISTINCT batch) FROM items") ?? -1
                if a + b != 100 { failures.withLock { $0.append("torn balance \(a) + \(b)") } }
                if count != batches * 2 { failures.withLock { $0.append("torn items \(count)/\(batches)") } }
                if count < lastCount { failures.withLock { $0.append("went back in time") } }
                return count
            }
        } catch {
            failures.withLock { $0.append("reader: \(error)") }
            return nil
        }
    }

    /// Creates the counter table `n`, holding one row `v = 0`.
    static func counterSchema(_ d: SQLDialect) -> String {
        "CREATE TABLE n (v \(d.bigint) NOT NULL); INSERT INTO n VALUES (0);"
    }

    /// Adds one to the counter by reading it and writing it back, so lost
    /// updates would show if write transactions interleaved.
    static func incrementCounter(in db: any Database) throws {
        try db.write { conn in
            let v = try conn.queryFirst(Int.self, "SELECT v FROM n") ?? 0
            try conn.execute("UPDATE n SET v = \(v + 1)")
        }
    }
}

import Foundation
import Testing
@testable import Database

private let schema = """
    CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE, age INTEGER CHECK (age >= 0));
    CREATE TABLE sessions (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE);
    """

@Suite struct TransactionTests {
    @Test func commitAndRollback() throws {
        try withTemporaryDatabase { db, _ in
            try db.write { try $0.executeScript(schema) }
            let changed = try db.write { conn in
                try conn.execute("INSERT INTO users (email) VALUES (\("a@x.io"))")
                    + conn.execute("INSERT INTO users (email) VALUES (\("b@x.io"))")
            }
            #expect(changed == 2)

            #expect(throws: TestFailure("boom")) {
                try db.write { conn in
                    try conn.execute("INSERT INTO users (email) VALUES (\("c@x.io"))")
                    try conn.execute("DELETE FROM users")
                    throw TestFailure("boom")
                }
            }
            let emails = try db.read { try $0.query(String.self, "SELECT email FROM users ORDER BY id") }
            #expect(emails == ["a@x.io", "b@x.io"])
            let stats = db.statistics()
            #expect(stats.transactions >= 2)
            #expect(stats.rollbacks == 1)
        }
    }

    @Test func constraintViolationsAreMapped() throws {
        try withTemporaryDatabase { db, _ in
            try db.write { try $0.executeScript(schema) }
            try db.write { try $0.execute("INSERT INTO users (id, email) VALUES (1, \("a@x.io"))") }

            do {
                try db.write { try $0.execute("INSERT INTO users (email) VALUES (\("a@x.io"))") }
                Issue.record("expected a unique violation")
            } catch let error as DatabaseError {
                #expect(error.constraintKind == .unique)
            }
            do {
                try db.write { try $0.execute("INSERT INTO users (id, email) VALUES (1, \("other@x.io"))") }
                Issue.record("expected a primary key violation")
            } catch let error as DatabaseError {
                #expect(error.constraintKind == .unique)
            }
            // Foreign keys are enforced (PRAGMA foreign_keys=ON on every connection).
            do {
                try db.write { try $0.execute("INSERT INTO sessions (id, user_id) VALUES (1, 999)") }
                Issue.record("expected a foreign key violation")
            } catch let error as DatabaseError {
                #expect(error.constraintKind == .foreignKey)
            }
            do {
                try db.write { try $0.execute("INSERT INTO users (email) VALUES (\(String?.none))") }
                Issue.record("expected a not-null violation")
            } catch let error as DatabaseError {
                #expect(error.constraintKind == .notNull)
            }
            do {
                try db.write { try $0.execute("INSERT INTO users (email, age) VALUES ('z@x.io', -1)") }
                Issue.record("expected a check violation")
            } catch let error as DatabaseError {
                #expect(error.constraintKind == .check)
            }
            // Cascade works too, proving FK enforcement end to end.
            try db.write { conn in
                try conn.execute("INSERT INTO sessions (id, user_id) VALUES (1, 1)")
                try conn.execute("DELETE FROM users WHERE id = 1")
            }
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM sessions") } == 0)
        }
    }

    @Test func sqlErrorsCarryStatementButNotValues() throws {
        try withTemporaryDatabase { db, _ in
            do {
                try db.read { _ = try $0.query("SELECT * FROM missing WHERE secret = \("hunter2")") }
                Issue.record("expected an error")
            } catch let DatabaseError.sql(_, message, statement) {
                #expect(message.contains("no such table"))
                #expect(statement == "SELECT * FROM missing WHERE secret = ?")
            }
            #expect(db.statistics().failedQueries >= 1)
            // Two statements in one SQL value are refused instead of half-run.
            #expect(throws: DatabaseError.self) {
                try db.write { try $0.execute("CREATE TABLE a (x); CREATE TABLE b (x)") }
            }
            // Placeholder count mismatch (a '?' smuggled into raw text).
            #expect(throws: DatabaseError.self) {
                try db.read { try $0.query("SELECT \(raw: "?")") }
            }
        }
    }

    @Test func nestedWritesUseSavepointsAndReadsSeeOwnWrites() throws {
        try withTemporaryDatabase { db, _ in
            try db.write { try $0.executeScript(schema) }
            try db.write { conn in
                try conn.execute("INSERT INTO users (email) VALUES ('outer@x.io')")
                // A read inside the write runs on the writer and sees the uncommitted row.
                let seen = try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM users") }
                #expect(seen == 1)
                try db.write { try $0.execute("INSERT INTO users (email) VALUES ('inner-ok@x.io')") }
                try? db.write { conn in
                    try conn.execute("INSERT INTO users (email) VALUES ('inner-bad@x.io')")
                    throw TestFailure()
                }
            }
            let emails = try db.read { _ in
                // nested read reuses the same reader
                try db.read { try $0.query(String.self, "SELECT email FROM users ORDER BY id") }
            }
            #expect(emails == ["outer@x.io", "inner-ok@x.io"])
        }
    }

    @Test func returningAndUpsert() throws {
        try withTemporaryDatabase { db, _ in
            try db.write {
                try $0.executeScript("""
                    CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
                    """)
            }
            for _ in 0..<3 {
                let value = try db.write { conn in
                    try conn.queryFirst(Int.self, """
                        INSERT INTO counters (name, value) VALUES (\("hits"), 1)
                        ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value
                        RETURNING value
                        """)
                }
                #expect(value != nil)
            }
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT value FROM counters") } == 3)
            // Rows changed counts for UPDATE; 0 for SELECT.
            #expect(try db.write { try $0.execute("UPDATE counters SET value = 0") } == 1)
            #expect(try db.write { try $0.execute("SELECT * FROM counters") } == 0)
        }
    }

    @Test func readersAreReadOnly() throws {
        try withTemporaryDatabase { db, _ in
            try db.write { try $0.executeScript("CREATE TABLE t (x)") }
            #expect(throws: DatabaseError.self) {
                try db.read { try $0.execute("INSERT INTO t VALUES (1)") }
            }
        }
    }

    @Test func statementCachePingAndClose() throws {
        try withTemporaryDatabase(readers: 1) { db, path in
            try db.ping()
            let before = db.statistics()
            for i in 0..<5 {
                _ = try db.read { try $0.query("SELECT \(i) AS n") }
            }
            let after = db.statistics()
            #expect(after.statementCacheHits >= before.statementCacheHits + 4)
            #expect(after.readerConnections == 1)
            #expect(after.readersInUse == 0)
            #expect(after.queries > before.queries)
            #expect(FileManager.default.fileExists(atPath: path))

            db.close()
            db.close() // idempotent
            #expect(throws: DatabaseError.closed) { try db.read { _ in 1 } }
            #expect(throws: DatabaseError.closed) { try db.write { _ in 1 } }
            #expect(throws: DatabaseError.closed) { try db.ping() }
            #expect(db.statistics().readerConnections == 0)
        }
    }

    @Test func inMemoryDatabaseUsesWriterForReads() throws {
        let db = try SQLiteDatabase(path: ":memory:")
        defer { db.close() }
        try db.write { try $0.executeScript("CREATE TABLE t (x); INSERT INTO t VALUES (1);") }
        #expect(try db.read { try $0.queryFirst(Int.self, "SELECT x FROM t") } == 1)
        try db.ping()
    }
}

@Suite("SQLite online backup")
struct SQLiteBackupTests {
    @Test("a backup taken while the database is open holds every committed row and opens on its own")
    func backupWhileOpen() throws {
        let directory = NSTemporaryDirectory() + "hosterra-backup-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = try SQLiteDatabase(path: directory + "/live.sqlite3")
        try db.write { try $0.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)") }
        for index in 0..<500 {
            try db.write { try $0.execute("INSERT INTO t (name) VALUES (\("row \(index)"))") }
        }
        // MUT
        try db.backup(to: directory + "/copy.sqlite3")
        try db.write { try $0.execute("INSERT INTO t (name) VALUES ('after')") }
        db.close()
        // validate
        let copy = try SQLiteDatabase(path: directory + "/copy.sqlite3")
        defer { copy.close() }
        #expect(try copy.read { try $0.queryFirst(Int.self, "SELECT COUNT(*) FROM t") } == 500)
        #expect(!FileManager.default.fileExists(atPath: directory + "/copy.sqlite3.partial"))
    }

    @Test("a backup of a missing database fails with a clear error")
    func missingSource() {
        #expect(throws: DatabaseError.self) {
            try SQLiteDatabase.backup(from: "/nonexistent/\(UUID()).sqlite3", to: NSTemporaryDirectory() + "/x-\(UUID()).sqlite3")
        }
    }
}

@Suite("Single-statement reads")
struct ReadStatementTests {
    @Test("readStatement answers like read, inside a write it sees the uncommitted rows, and after close it throws")
    func behavesLikeRead() throws {
        let directory = NSTemporaryDirectory() + "hosterra-readstatement-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let db = try SQLiteDatabase(path: directory + "/db.sqlite3")
        try db.write { try $0.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)") }
        try db.write { try $0.execute("INSERT INTO t (name) VALUES ('a')") }
        #expect(try db.readStatement { try $0.queryFirst(Int.self, "SELECT COUNT(*) FROM t") } == 1)
        let inside = try db.write { conn -> Int? in
            try conn.execute("INSERT INTO t (name) VALUES ('b')")
            return try db.readStatement { try $0.queryFirst(Int.self, "SELECT COUNT(*) FROM t") }
        }
        #expect(inside == 2)
        #expect(db.statistics().readersInUse == 0)
        db.close()
        #expect(throws: DatabaseError.closed) { try db.readStatement { try $0.queryFirst(Int.self, "SELECT 1") } }
    }
}

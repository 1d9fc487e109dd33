import Foundation
import Testing
@testable import Database

/// What only PostgreSQL has to get right: several instances on one database,
/// lost connections, native column types. Each test gets its own database.
@Suite(.enabled(if: PostgreSQLTestServer.isAvailable, PostgreSQLTestServer.skipReason))
struct PostgreSQLTests {
    @Test("instances migrating a fresh database at the same time apply each migration exactly once")
    func concurrentMigrationsApplyOnce() throws {
        try PostgreSQLTestServer.withFreshDatabase { url in
            // setup: without the write lock, so only the migration lock keeps them apart.
            let migrations = [
                Migration(version: 1, name: "first", sql: """
                    CREATE TABLE runs (version BIGINT NOT NULL);
                    INSERT INTO runs VALUES (1);
                    SELECT pg_sleep(0.2);
                    """),
                Migration(version: 2, name: "second", sql: "CREATE TABLE things (id BIGINT); INSERT INTO runs VALUES (2);"),
                Migration(version: 3, name: "third", sql: "INSERT INTO runs VALUES (3);"),
            ]
            let instances = try (0..<4).map { _ in try PostgreSQLDatabase(url: url, poolSize: 2, serializeWrites: false) }
            defer { instances.forEach { $0.close() } }
            let applied = Locked<[[Int]]>([])
            let failures = Locked<[String]>([])
            let start = DispatchSemaphore(value: 0)
            // MUT
            let jobs: [@Sendable () -> Void] = instances.map { db in
                {
                    start.wait()
                    do {
                        let versions = try Migrator(migrations).migrate(db)
                        applied.withLock { $0.append(versions) }
                    } catch {
                        failures.withLock { $0.append("\(error)") }
                    }
                }
            }
            for _ in jobs { start.signal() }
            #expect(runOnThreadsAndWait(jobs))
            // validate
            #expect(failures.withLock { $0 } == [])
            #expect(applied.withLock { $0.flatMap { $0 }.sorted() } == [1, 2, 3])
            let runs = try instances[0].read { try $0.query(Int.self, "SELECT version FROM runs ORDER BY version") }
            #expect(runs == [1, 2, 3])
            #expect(try Migrator(migrations).appliedVersions(instances[1]) == [1, 2, 3])
        }
    }

    @Test("read-modify-write bodies lose no updates across instances sharing a database")
    func writesAreSerializedAcrossInstances() throws {
        try PostgreSQLTestServer.withFreshDatabase { url in
            // setup
            let a = try PostgreSQLDatabase(url: url, poolSize: 2)
            let b = try PostgreSQLDatabase(url: url, poolSize: 2)
            defer { a.close(); b.close() }
            try a.write { try $0.executeScript(ConcurrencyWorkload.counterSchema(a.dialect)) }
            let failures = Locked<[String]>([])
            func incrementer(_ db: PostgreSQLDatabase) -> @Sendable () -> Void {
                {
                    for _ in 0..<25 {
                        do {
                            try ConcurrencyWorkload.incrementCounter(in: db)
                        } catch {
                            failures.withLock { $0.append("\(error)") }
                        }
                    }
                }
            }
            // MUT
            #expect(runOnThreadsAndWait([incrementer(a), incrementer(b), incrementer(a), incrementer(b)]))
            // validate
            #expect(failures.withLock { $0 } == [])
            #expect(try b.read { try $0.queryFirst(Int.self, "SELECT v FROM n") } == 100)
        }
    }

    @Test("a connection killed mid-transaction fails fast, commits nothing, and the pool recovers")
    func connectionLossMidTransaction() throws {
        try PostgreSQLTestServer.withTemporaryDatabase(poolSize: 2) { db, url in
            // setup
            try db.write { try $0.executeScript("CREATE TABLE t (x BIGINT NOT NULL)") }
            // MUT
            do {
                try db.write { conn in
                    try conn.execute("INSERT INTO t VALUES (1)")
                    #expect(try PostgreSQLTestServer.terminateBackends(of: url) >= 1)
                    try conn.execute("INSERT INTO t VALUES (2)")
                }
                Issue.record("expected connectionFailed")
            } catch let DatabaseError.connectionFailed(message) {
                // Reported as the lost connection it is, not as a timeout after waiting.
                #expect(message.contains("lost the connection"))
                #expect(!message.lowercased().contains("timeout"))
            }
            // validate
            #expect(db.statistics().writerInUse == false)
            try db.write { try $0.execute("INSERT INTO t VALUES (3)") }
            #expect(try db.read { try $0.query(Int.self, "SELECT x FROM t ORDER BY x") } == [3])
            try db.ping()
        }
    }

    @Test("idle pooled connections dropped by the server are replaced without an error")
    func idleConnectionsAreReplaced() throws {
        try PostgreSQLTestServer.withTemporaryDatabase(poolSize: 3) { db, url in
            // setup: open several pooled connections.
            try db.write { try $0.executeScript("CREATE TABLE t (x BIGINT)") }
            let warm: @Sendable () -> Void = { _ = try? db.read { _ in Thread.sleep(forTimeInterval: 0.1) } }
            #expect(runOnThreadsAndWait([warm, warm, warm]))
            #expect(db.statistics().readerConnections >= 3)
            // MUT
            #expect(try PostgreSQLTestServer.terminateBackends(of: url) >= 3)
            Thread.sleep(forTimeInterval: 0.1) // let the FATAL messages arrive
            // validate
            for i in 0..<5 {
                try db.write { try $0.execute("INSERT INTO t VALUES (\(i))") }
                #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM t") } == i + 1)
            }
        }
    }

    @Test("a server that refuses connections gives connectionFailed with its reason, then service resumes")
    func serverDownAndBackUp() throws {
        try PostgreSQLTestServer.withTemporaryDatabase(poolSize: 2) { db, url in
            // setup
            let name = PostgreSQLTestServer.databaseName(url)
            try db.ping()
            // MUT: what a stopped server looks like to the pool: every connection dropped, none accepted.
            try PostgreSQLTestServer.admin("ALTER DATABASE \(name) ALLOW_CONNECTIONS false")
            #expect(try PostgreSQLTestServer.terminateBackends(of: url) >= 1)
            var failure: DatabaseError?
            do { try db.ping() } catch let error as DatabaseError { failure = error }
            try PostgreSQLTestServer.admin("ALTER DATABASE \(name) ALLOW_CONNECTIONS true")
            // validate
            if case .connectionFailed(let message)? = failure {
                // The server's refusal, passed on at once (not a timeout after retrying).
                #expect(message.contains(name))
                #expect(!message.lowercased().contains("timeout"))
            } else {
                Issue.record("expected connectionFailed, got \(String(describing: failure))")
            }
            try db.ping()
            #expect(try db.write { try $0.queryFirst(Int.self, "SELECT 40 + 2") } == 42)
        }
    }

    @Test("bad URLs and unreachable servers fail with connectionFailed and never show the password")
    func connectionErrorsHideThePassword() throws {
        // MUT
        do {
            _ = try PostgreSQLDatabase(url: "postgres://app:s3cr3t-pw@127.0.0.1:1/app?connect_timeout=2", poolSize: 1)
            Issue.record("expected connectionFailed")
        } catch let DatabaseError.connectionFailed(message) {
            // validate
            #expect(!message.contains("s3cr3t-pw"))
            #expect(message.contains("app:***@127.0.0.1:1"))
            #expect(message.contains("refused"), "a closed port is refused at once, not waited on")
        }
        #expect(throws: DatabaseError.self) { try PostgreSQLDatabase(url: "mysql://x@y/z") }
        #expect(PostgreSQLURL.redacted("postgresql://u:p@ss@h:5/db?sslmode=require&password=x") ==
                "postgresql://u:***@h:5/db?sslmode=require&password=***")
        #expect(PostgreSQLURL.redacted("postgres://u@h/db") == "postgres://u@h/db")
        #expect(PostgreSQLURL.replacingDatabase(in: "postgres://u:p@h:5/db?x=1", with: "other") == "postgres://u:p@h:5/other?x=1")
        #expect(PostgreSQLURL.replacingDatabase(in: "postgres://h", with: "d") == "postgres://h/d")
    }

    @Test("a write whose body swallowed a failed statement reports it instead of committing")
    func swallowedErrorsDoNotCommit() throws {
        try PostgreSQLTestServer.withTemporaryDatabase { db, _ in
            // setup
            try db.write { try $0.executeScript("CREATE TABLE t (x BIGINT PRIMARY KEY)") }
            try db.write { try $0.execute("INSERT INTO t VALUES (1)") }
            // MUT
            do {
                try db.write { conn in
                    try conn.execute("INSERT INTO t VALUES (2)")
                    _ = try? conn.execute("INSERT INTO t VALUES (1)")
                }
                Issue.record("expected an error")
            } catch let DatabaseError.sql(_, message, _) {
                // validate
                #expect(message.contains("nested write"))
            }
            #expect(try db.read { try $0.query(Int.self, "SELECT x FROM t") } == [1])
            #expect(db.statistics().rollbacks >= 1)
        }
    }

    @Test("native column types decode by OID; parameters take their type from context")
    func nativeTypes() throws {
        try PostgreSQLTestServer.withTemporaryDatabase { db, _ in
            // MUT
            let row = try db.read {
                try $0.queryFirst("""
                    SELECT true AS t, false AS f, 1::int2 AS i2, 2::int4 AS i4, 3::int8 AS i8, 1.5::float4 AS r,
                           2.25::float8 AS d, 10.5::numeric AS n, 12::numeric AS whole, '\\x00ff'::bytea AS b,
                           'abc'::varchar AS v, NULL AS nothing, 'NaN'::float8 AS nan, '{1,2}'::int[] AS arr
                    """)
            }
            // validate
            let values = try #require(row).values
            #expect(Array(values[0..<12]) == [
                .integer(1), .integer(0), .integer(1), .integer(2), .integer(3), .double(1.5),
                .double(2.25), .double(10.5), .integer(12), .blob([0, 255]), .text("abc"), .null,
            ])
            if case .double(let nan) = values[12] { #expect(nan.isNaN) } else { Issue.record("NaN not a double") }
            #expect(values[13] == .text("{1,2}"))
            #expect(try row?.get("t", as: Bool.self) == true)
            // A text parameter compared with a bigint column is read as a number, like a literal.
            try db.write { try $0.executeScript("CREATE TABLE t (id BIGINT, s TEXT); INSERT INTO t VALUES (5, 'five');") }
            #expect(try db.read { try $0.queryFirst(String.self, "SELECT s FROM t WHERE id = \("5")") } == "five")
            #expect(try db.read { try $0.queryFirst(Bool.self, "SELECT CAST(\(String?.none) AS TEXT) IS NULL") } == true)
            // Doubles survive the text round trip bit for bit.
            for d in [0.1 + 0.2, 1e-300, -1.7976931348623157e308, Double.infinity, -0.0] {
                #expect(try db.read { try $0.queryFirst(Double.self, "SELECT \(d)") } == d)
            }
        }
    }

    @Test("text with a NUL character is refused rather than cut short")
    func nulInTextIsRefused() throws {
        try PostgreSQLTestServer.withTemporaryDatabase { db, _ in
            try db.write { try $0.executeScript("CREATE TABLE t (s TEXT)") }
            // MUT / validate
            #expect(throws: DatabaseError.self) {
                try db.write { try $0.execute("INSERT INTO t VALUES (\("before\u{0}after"))") }
            }
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM t") } == 0)
        }
    }

    @Test("cached statements are prepared once and refreshed after a migration changes their columns")
    func statementCacheAndSchemaChanges() throws {
        try PostgreSQLTestServer.withTemporaryDatabase(poolSize: 1) { db, _ in
            // setup
            try db.write { try $0.executeScript("CREATE TABLE t (a BIGINT); INSERT INTO t VALUES (1);") }
            let before = db.statistics()
            // MUT
            for _ in 0..<10 {
                #expect(try db.read { try $0.queryFirst("SELECT * FROM t") }?.columns == ["a"])
            }
            let afterReads = db.statistics()
            try db.write { try $0.executeScript("ALTER TABLE t ADD COLUMN b TEXT NOT NULL DEFAULT 'x'") }
            // validate
            #expect(afterReads.statementCacheMisses == before.statementCacheMisses + 1)
            #expect(afterReads.statementCacheHits >= before.statementCacheHits + 9)
            #expect(try db.read { try $0.queryFirst("SELECT * FROM t") }?.columns == ["a", "b"])
            #expect(try db.write { try $0.queryFirst("SELECT * FROM t") }?.values == [.integer(1), .text("x")])
        }
    }

    @Test("a write started inside a read on the same thread does not wait for itself")
    func writeInsideReadWithOneConnection() throws {
        try PostgreSQLTestServer.withTemporaryDatabase(poolSize: 1) { db, _ in
            try db.write { try $0.executeScript("CREATE TABLE t (x BIGINT)") }
            // MUT
            let seen = try db.read { outer -> [Int?] in
                let before = try outer.queryFirst(Int.self, "SELECT count(*) FROM t")
                try db.write { try $0.execute("INSERT INTO t VALUES (1)") }
                // The read keeps the snapshot its first statement took.
                return [before, try outer.queryFirst(Int.self, "SELECT count(*) FROM t")]
            }
            // validate
            #expect(seen == [0, 0])
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM t") } == 1)
            #expect(db.statistics().readerConnections <= 2)
        }
    }
}

@Suite(.enabled(if: PostgreSQLTestServer.isAvailable, PostgreSQLTestServer.skipReason))
struct PostgreSQLReadStatementTests {
    @Test("readStatement runs one statement outside a transaction, sees uncommitted rows inside a write, and leaves the pool clean")
    func singleStatementReads() throws {
        try PostgreSQLTestServer.withTemporaryDatabase { db, _ in
            try db.write { try $0.executeScript("CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT NOT NULL)") }
            try db.write { try $0.execute("INSERT INTO t (name) VALUES ('a')") }
            #expect(try db.readStatement { try $0.queryFirst(Int.self, "SELECT COUNT(*) FROM t") } == 1)
            let inside = try db.write { conn -> Int? in
                try conn.execute("INSERT INTO t (name) VALUES ('b')")
                return try db.readStatement { try $0.queryFirst(Int.self, "SELECT COUNT(*) FROM t") }
            }
            #expect(inside == 2)
            #expect(throws: DatabaseError.self) { try db.readStatement { try $0.queryFirst(Int.self, "SELECT * FROM missing_table") } }
            #expect(try db.readStatement { try $0.queryFirst(Int.self, "SELECT COUNT(*) FROM t") } == 2, "a failed statement leaves the connection usable")
            #expect(db.statistics().readersInUse == 0)
        }
    }
}

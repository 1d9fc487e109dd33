import Foundation
import Testing
@testable import Database

/// The behaviours application code relies on, run against every available
/// engine with the same SQL (dialect type names only), so SQLite and
/// PostgreSQL cannot drift apart.
@Suite("Shared engine behaviour") struct SharedEngineTests {
    private static func schema(_ d: SQLDialect) -> String {
        """
        CREATE TABLE users (
            id \(d.autoIncrementPrimaryKey),
            email \(d.text) NOT NULL UNIQUE,
            age \(d.bigint) CHECK (age >= 0),
            score \(d.double),
            avatar \(d.blob),
            admin \(d.boolean) NOT NULL DEFAULT 0,
            created_at \(d.timestamp)
        );
        CREATE TABLE sessions (
            id \(d.bigint) PRIMARY KEY,
            user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE
        );
        """
    }

    private struct User: Decodable, Equatable {
        var id: Int64
        var email: String
        var age: Int?
        var score: Double?
        var avatar: [UInt8]?
        var admin: Bool
        var createdAt: Date?
    }

    @Test("bound values round-trip: injection text, unicode, blobs, dates, bools, nulls, extremes",
          arguments: TestEngine.available)
    func boundValuesRoundTrip(engine: TestEngine) throws {
        try engine.withDatabase { db in
            // setup
            try db.write { try $0.executeScript(Self.schema(db.dialect)) }
            let hostile = "'; DROP TABLE users; --"
            let date = Date(timeIntervalSince1970: 1_700_000_000.123)
            let users = [
                User(id: 1, email: hostile, age: nil, score: nil, avatar: nil, admin: false, createdAt: nil),
                User(id: 2, email: "héllo ✓ 世界 🚀 \"quoted\" \\ back", age: Int(Int64.max), score: -0.5,
                     avatar: Array(0...255), admin: true, createdAt: date),
                User(id: 3, email: "", age: 0, score: 1e300, avatar: [], admin: false,
                     createdAt: Date(timeIntervalSince1970: -1.5)),
                User(id: 4, email: "$1 ? :name %s", age: 7, score: 0.1 + 0.2, avatar: [0, 0, 0x5C, 0x78],
                     admin: true, createdAt: Date(timeIntervalSince1970: 0.001)),
            ]
            // MUT
            try db.write { conn in
                for u in users {
                    try conn.execute("""
                        INSERT INTO users (email, age, score, avatar, admin, created_at)
                        VALUES (\(u.email), \(u.age), \(u.score), \(u.avatar), \(u.admin), \(u.createdAt))
                        """)
                }
            }
            // validate
            let back = try db.read { try $0.query(User.self, "SELECT * FROM users ORDER BY id") }
            #expect(back == users)
            let found = try db.read { try $0.queryFirst(Int64.self, "SELECT id FROM users WHERE email = \(hostile)") }
            #expect(found == 1)
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM users") } == 4)
            let admins = try db.read { try $0.query(Int64.self, "SELECT id FROM users WHERE admin = \(true) ORDER BY id") }
            #expect(admins == [2, 4])
            let raw = try db.read { try $0.queryFirst("SELECT created_at, admin, score, avatar FROM users WHERE id = 2") }
            #expect(raw?.values == [.integer(1_700_000_000_123), .integer(1), .double(-0.5), .blob(Array(0...255))])
            // Scalars selected straight from parameters keep their type.
            let echoed = try db.read { try $0.queryFirst("SELECT \(42) AS i, \(2.5) AS d, \("x") AS s, \([UInt8]([1, 2])) AS b") }
            #expect(echoed?.values == [.integer(42), .double(2.5), .text("x"), .blob([1, 2])])
        }
    }

    @Test("constraint violations map to the same error kinds", arguments: TestEngine.available)
    func constraintViolations(engine: TestEngine) throws {
        try engine.withDatabase { db in
            // setup
            try db.write { try $0.executeScript(Self.schema(db.dialect)) }
            let id = try db.write { try $0.queryFirst(Int64.self, "INSERT INTO users (email) VALUES ('a@x.io') RETURNING id") }
            func kind(_ sql: SQL) -> DatabaseError.ConstraintKind? {
                do {
                    try db.write { try $0.execute(sql) }
                    return nil
                } catch {
                    return (error as? DatabaseError)?.constraintKind
                }
            }
            // MUT / validate
            #expect(kind("INSERT INTO users (email) VALUES (\("a@x.io"))") == .unique)
            #expect(kind("INSERT INTO users (id, email) VALUES (\(id), \("b@x.io"))") == .unique)
            #expect(kind("INSERT INTO sessions (id, user_id) VALUES (1, \(999))") == .foreignKey)
            #expect(kind("INSERT INTO users (email) VALUES (\(String?.none))") == .notNull)
            #expect(kind("INSERT INTO users (email, age) VALUES ('c@x.io', \(-1))") == .check)
            // The failed writes left nothing behind, and cascades work.
            try db.write { conn in
                try conn.execute("INSERT INTO sessions (id, user_id) VALUES (1, \(id))")
                try conn.execute("DELETE FROM users WHERE id = \(id)")
            }
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM sessions") } == 0)
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM users") } == 0)
        }
    }

    @Test("a throwing write rolls back and rethrows the original error", arguments: TestEngine.available)
    func rollbackOnThrow(engine: TestEngine) throws {
        try engine.withDatabase { db in
            // setup
            try db.write { try $0.executeScript(Self.schema(db.dialect)) }
            try db.write { try $0.execute("INSERT INTO users (email) VALUES ('keep@x.io')") }
            let before = db.statistics()
            // MUT
            #expect(throws: TestFailure("boom")) {
                try db.write { conn in
                    try conn.execute("INSERT INTO users (email) VALUES ('gone@x.io')")
                    try conn.execute("DELETE FROM users WHERE email = 'keep@x.io'")
                    throw TestFailure("boom")
                }
            }
            // validate
            let emails = try db.read { try $0.query(String.self, "SELECT email FROM users ORDER BY id") }
            #expect(emails == ["keep@x.io"])
            #expect(db.statistics().rollbacks == before.rollbacks + 1)
            #expect(db.statistics().writerInUse == false)
        }
    }

    @Test("nested writes are savepoints; reads inside a write see its changes", arguments: TestEngine.available)
    func savepoints(engine: TestEngine) throws {
        try engine.withDatabase { db in
            // setup
            try db.write { try $0.executeScript(Self.schema(db.dialect)) }
            // MUT
            try db.write { conn in
                try conn.execute("INSERT INTO users (email) VALUES ('outer@x.io')")
                #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM users") } == 1)
                try db.write { try $0.execute("INSERT INTO users (email) VALUES ('inner-ok@x.io')") }
                try? db.write { inner in
                    try inner.execute("INSERT INTO users (email) VALUES ('inner-bad@x.io')")
                    throw TestFailure()
                }
                // The portable way to try a statement that may fail and carry on:
                // a nested write, so PostgreSQL's aborted state ends with the savepoint.
                let duplicate = Result { try db.write { try $0.execute("INSERT INTO users (email) VALUES ('outer@x.io')") } }
                #expect((try? duplicate.get()) == nil)
                try conn.execute("INSERT INTO users (email) VALUES ('after@x.io')")
            }
            // validate
            let emails = try db.read { _ in
                try db.read { try $0.query(String.self, "SELECT email FROM users ORDER BY id") }
            }
            #expect(emails == ["outer@x.io", "inner-ok@x.io", "after@x.io"])
        }
    }

    @Test("RETURNING, upserts, row counts, LIMIT/OFFSET and aggregates", arguments: TestEngine.available)
    func portableSQL(engine: TestEngine) throws {
        try engine.withDatabase { db in
            // setup
            try db.write {
                try $0.executeScript("""
                    CREATE TABLE counters (name \(db.dialect.text) PRIMARY KEY, value \(db.dialect.bigint) NOT NULL);
                    CREATE TABLE items (id \(db.dialect.autoIncrementPrimaryKey), n \(db.dialect.bigint) NOT NULL, at \(db.dialect.timestamp));
                    """)
            }
            // MUT
            var values: [Int?] = []
            for _ in 0..<3 {
                values.append(try db.write { conn in
                    try conn.queryFirst(Int.self, """
                        INSERT INTO counters (name, value) VALUES (\("hits"), \(1))
                        ON CONFLICT (name) DO UPDATE SET value = counters.value + excluded.value
                        RETURNING value
                        """)
                })
            }
            let ignored = try db.write {
                try $0.execute("INSERT INTO counters (name, value) VALUES ('hits', 0) ON CONFLICT (name) DO NOTHING")
            }
            let ids = try db.write { conn in
                try (1...10).map { n in try conn.queryFirst(Int64.self, "INSERT INTO items (n) VALUES (\(n)) RETURNING id") }
            }
            // validate
            #expect(values == [1, 2, 3])
            #expect(ignored == 0)
            #expect(ids.compactMap { $0 }.count == 10)
            #expect(try db.write { try $0.execute("UPDATE items SET n = n + 1 WHERE n > \(5)") } == 5)
            #expect(try db.write { try $0.execute("SELECT * FROM items") } == 0)
            let page = try db.read { try $0.query(Int.self, "SELECT n FROM items ORDER BY id LIMIT \(3) OFFSET \(2)") }
            #expect(page == [3, 4, 5])
            let count = try db.read { try $0.queryFirst(Int.self, "SELECT COUNT(*) FROM items WHERE n > \(0)") }
            #expect(count == 10)
            let total = try db.read { try $0.queryFirst(Int.self, "SELECT SUM(n) FROM items") }
            #expect(total == 60)
            let latest = try db.read { try $0.queryFirst(Int.self, "SELECT COALESCE(MAX(at), 0) FROM items") }
            #expect(latest == 0)
            let missing = try db.read { try $0.queryFirst(Int?.self, "SELECT MAX(n) FROM items WHERE n < 0") }
            #expect(missing == .some(nil))
            let listed = try db.read { try $0.query(Int.self, "SELECT n FROM items WHERE n IN \(list: [2, 3, 99]) ORDER BY n") }
            #expect(listed == [2, 3])
        }
    }

    @Test("reads are read-only and errors name the statement, not the values", arguments: TestEngine.available)
    func readOnlyAndErrors(engine: TestEngine) throws {
        try engine.withDatabase { db in
            // setup
            try db.write { try $0.executeScript("CREATE TABLE t (x \(db.dialect.bigint))") }
            // MUT / validate
            #expect(throws: DatabaseError.self) {
                try db.read { try $0.execute("INSERT INTO t (x) VALUES (1)") }
            }
            do {
                try db.read { _ = try $0.query("SELECT * FROM missing WHERE secret = \("hunter2")") }
                Issue.record("expected an error")
            } catch let DatabaseError.sql(_, message, statement) {
                #expect(statement.contains("missing"))
                #expect(!statement.contains("hunter2") && !message.contains("hunter2"))
            }
            #expect(throws: DatabaseError.self) {
                try db.write { try $0.execute("CREATE TABLE a (x INTEGER); CREATE TABLE b (x INTEGER)") }
            }
            #expect(db.statistics().failedQueries >= 3)
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM t") } == 0)
        }
    }

    @Test("prepared statements are reused, ping works, close is idempotent", arguments: TestEngine.available)
    func cachePingClose(engine: TestEngine) throws {
        try engine.withDatabase(readers: 1) { db in
            // setup
            try db.ping()
            let before = db.statistics()
            // MUT
            for i in 0..<5 {
                _ = try db.read { try $0.query("SELECT \(i) AS n") }
            }
            // validate
            let after = db.statistics()
            #expect(after.statementCacheHits >= before.statementCacheHits + 4)
            #expect(after.statementCacheMisses <= before.statementCacheMisses + 1)
            #expect(after.readersInUse == 0)
            #expect(after.queries > before.queries)
            db.close()
            db.close()
            #expect(throws: DatabaseError.closed) { try db.read { _ in 1 } }
            #expect(throws: DatabaseError.closed) { try db.write { _ in 1 } }
            #expect(throws: DatabaseError.closed) { try db.ping() }
            #expect(db.statistics().readerConnections == 0)
        }
    }

    @Test("readers see one snapshot while a writer commits; writers never lose updates",
          arguments: TestEngine.available)
    func concurrency(engine: TestEngine) throws {
        try engine.withDatabase(readers: 3) { db in
            // setup
            let d = db.dialect
            try db.write {
                try $0.executeScript(ConcurrencyWorkload.ledgerSchema(d) + ConcurrencyWorkload.counterSchema(d))
            }
            let failures = Locked<[String]>([])
            let seenCounts = Locked<Set<Int>>([])
            let writes = 100
            let writerDone = Locked(false)
            let readersStarted = DispatchSemaphore(value: 0)
            let writer: @Sendable () -> Void = {
                defer { writerDone.withLock { $0 = true } }
                // Overlap however the threads get scheduled: start once every reader has read,
                // and pause now and then so readers get to see intermediate states.
                for _ in 0..<3 { readersStarted.wait() }
                for i in 0..<writes {
                    if i % 10 == 5 { Thread.sleep(forTimeInterval: 0.002) }
                    ConcurrencyWorkload.writeLedger(batch: i, to: db, failures: failures)
                }
            }
            let reader: @Sendable () -> Void = {
                var lastCount = 0
                var rounds = 0
                while rounds < 20 || !writerDone.withLock({ $0 }) {
                    rounds += 1
                    if let count = ConcurrencyWorkload.readAndCheckLedger(db, lastCount: lastCount, failures: failures) {
                        lastCount = count
                        seenCounts.withLock { _ = $0.insert(count) }
                    }
                    if rounds == 1 { readersStarted.signal() }
                }
            }
            let incrementer: @Sendable () -> Void = {
                for _ in 0..<30 {
                    do {
                        try ConcurrencyWorkload.incrementCounter(in: db)
                    } catch {
                        failures.withLock { $0.append("incrementer: \(error)") }
                    }
                }
            }
            // MUT
            #expect(runOnThreadsAndWait([writer, reader, reader, reader, incrementer, incrementer]))
            // validate
            #expect(failures.withLock { $0 } == [])
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT sum(balance) FROM accounts") } == 100)
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT count(*) FROM items") } == writes * 2)
            #expect(try db.read { try $0.queryFirst(Int.self, "SELECT v FROM n") } == 60)
            #expect(seenCounts.withLock { $0.count } > 2)
            let stats = db.statistics()
            #expect(stats.readersInUse == 0 && !stats.writerInUse)
            #expect(stats.readerConnections <= 4)
        }
    }

    @Test("the migrator applies a panel-like schema once and rolls a failing migration back whole",
          arguments: TestEngine.available)
    func migrator(engine: TestEngine) throws {
        try engine.withDatabase { db in
            // setup
            let migrator = Migrator(PanelLikeSchema.migrations)
            // MUT
            #expect(try migrator.migrate(db) == [1, 2, 3])
            #expect(try migrator.migrate(db) == [])
            let withBroken = Migrator(PanelLikeSchema.migrations + [PanelLikeSchema.broken])
            do {
                try withBroken.migrate(db)
                Issue.record("expected migrationFailed")
            } catch let DatabaseError.migrationFailed(version, _, underlying) {
                #expect(version == 4)
                #expect(underlying.contains("no_such_table"))
            }
            // validate
            #expect(try migrator.appliedVersions(db) == [1, 2, 3])
            #expect(try db.read { try $0.queryFirst(db.dialect.tableExists("half_done")) } == nil)
            let session = try db.write { conn -> Int64? in
                let account = try conn.queryFirst(Int64.self, """
                    INSERT INTO accounts (public_id, name, created_at) VALUES ('acc_1', 'Acme', \(Date())) RETURNING id
                    """)
                let user = try conn.queryFirst(Int64.self, """
                    INSERT INTO users (public_id, email, last_account_id, created_at)
                    VALUES ('usr_1', 'a@x.io', \(account), \(Date())) RETURNING id
                    """)
                return try conn.queryFirst(Int64.self, "INSERT INTO sessions (token_hash, user_id) VALUES ('h', \(user)) RETURNING id")
            }
            #expect(session != nil)
            let created = try db.read { try $0.queryFirst(Date.self, "SELECT created_at FROM sessions") }
            #expect(abs(try #require(created).timeIntervalSinceNow) < 60)
            let flags = try db.read { try $0.queryFirst("SELECT pref_billing, pref_commercial FROM accounts") }
            #expect(flags?.values == [.integer(1), .integer(0)])
        }
    }
}

/// Migrations shaped like the panel's (identity columns, foreign keys with
/// cascades, 0/1 booleans, millisecond timestamps with a computed default,
/// blobs, composite keys, indexes).
enum PanelLikeSchema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "settings", sql: "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"),
        Migration(version: 2, name: "identity") { d in
            """
            CREATE TABLE accounts (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                pref_billing \(d.boolean) NOT NULL DEFAULT 1,
                pref_commercial \(d.boolean) NOT NULL DEFAULT 0,
                created_at \(d.timestamp) NOT NULL
            );
            CREATE TABLE users (
                id \(d.autoIncrementPrimaryKey),
                public_id TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL UNIQUE,
                totp_secret \(d.blob),
                last_account_id \(d.bigint) REFERENCES accounts(id) ON DELETE SET NULL,
                created_at \(d.timestamp) NOT NULL
            );
            CREATE TABLE known_devices (
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                device_hash TEXT NOT NULL,
                PRIMARY KEY (user_id, device_hash)
            );
            CREATE INDEX users_account ON users (last_account_id);
            """
        },
        Migration(version: 3, name: "sessions") { d in
            """
            CREATE TABLE sessions (
                id \(d.autoIncrementPrimaryKey),
                token_hash TEXT NOT NULL UNIQUE,
                user_id \(d.bigint) NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                created_at \(d.timestamp) NOT NULL DEFAULT (\(d.nowMilliseconds))
            );
            CREATE INDEX sessions_user ON sessions (user_id, created_at);
            """
        },
    ]

    static let broken = Migration(version: 4, name: "broken", sql: """
        CREATE TABLE half_done (x INTEGER);
        INSERT INTO half_done VALUES (1);
        ALTER TABLE no_such_table ADD COLUMN y INTEGER;
        """)
}

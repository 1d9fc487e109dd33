import Foundation
import Testing
@testable import Database

private let m1 = Migration(version: 1, name: "create users") { d in
    """
    CREATE TABLE users (id \(d.autoIncrementPrimaryKey), email \(d.text) NOT NULL UNIQUE, avatar \(d.blob));
    CREATE INDEX users_email ON users (email);
    """
}
private let m2 = Migration(version: 2, name: "create sessions") { d in
    "CREATE TABLE sessions (id \(d.text) PRIMARY KEY, user_id \(d.bigint) NOT NULL REFERENCES users(id), created_at \(d.timestamp) NOT NULL DEFAULT (\(d.nowMilliseconds)));"
}
private let broken = Migration(version: 3, name: "broken", sql: """
    CREATE TABLE half_done (x INTEGER);
    INSERT INTO half_done VALUES (1);
    ALTER TABLE no_such_table ADD COLUMN y INTEGER;
    """)

@Suite struct MigratorTests {
    @Test func appliesInOrderAndIsIdempotent() throws {
        try withTemporaryDatabase { db, _ in
            let migrator = Migrator([m1, m2])
            #expect(try migrator.appliedVersions(db) == [])
            #expect(try migrator.pending(db).map(\.version) == [1, 2])
            #expect(try migrator.migrate(db) == [1, 2])
            #expect(try migrator.appliedVersions(db) == [1, 2])
            #expect(try migrator.pending(db).isEmpty)
            #expect(try migrator.migrate(db) == [])

            let names = try db.read { try $0.query(String.self, "SELECT name FROM schema_migrations ORDER BY version") }
            #expect(names == ["create users", "create sessions"])
            let appliedAt = try db.read { try $0.queryFirst(Date.self, "SELECT applied_at FROM schema_migrations") }
            #expect(abs(try #require(appliedAt).timeIntervalSinceNow) < 60)
            // The default expression yields milliseconds "now".
            try db.write { conn in
                let uid = try conn.queryFirst(Int64.self, "INSERT INTO users (email) VALUES ('a@b.c') RETURNING id")
                try conn.execute("INSERT INTO sessions (id, user_id) VALUES ('s1', \(uid))")
            }
            let created = try db.read { try $0.queryFirst(Date.self, "SELECT created_at FROM sessions") }
            #expect(abs(try #require(created).timeIntervalSinceNow) < 60)
        }
    }

    @Test func failingMigrationIsRolledBackWhole() throws {
        try withTemporaryDatabase { db, _ in
            let migrator = Migrator([m1, m2, broken])
            do {
                try migrator.migrate(db)
                Issue.record("expected migrationFailed")
            } catch let DatabaseError.migrationFailed(version, name, underlying) {
                #expect(version == 3)
                #expect(name == "broken")
                #expect(underlying.contains("no_such_table"))
            }
            #expect(try migrator.appliedVersions(db) == [1, 2])
            let exists = try db.read { try $0.queryFirst(SQLDialect.sqlite.tableExists("half_done")) }
            #expect(exists == nil)
            #expect(try migrator.pending(db).map(\.version) == [3])
        }
    }

    @Test func refusesNewerDatabaseAndInvalidLists() throws {
        try withTemporaryDatabase { db, _ in
            try Migrator([m1, m2]).migrate(db)
            #expect(throws: DatabaseError.schemaNewerThanBinary(applied: 2, known: 1)) {
                try Migrator([m1]).migrate(db)
            }
            #expect(throws: DatabaseError.schemaNewerThanBinary(applied: 2, known: 1)) {
                try Migrator([m1]).pending(db)
            }
            #expect(throws: DatabaseError.self) { try Migrator([m2, m1]).migrate(db) }
            #expect(throws: DatabaseError.self) { try Migrator([m1, m1]).validate() }
            #expect(throws: Never.self) { try Migrator([m1, m2]).validate() }
        }
    }
}

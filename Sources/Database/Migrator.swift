import Foundation

/// Applies `Migration`s in version order and records them in
/// `schema_migrations(version, name, applied_at)`.
///
/// Each migration runs in its own write transaction together with its
/// bookkeeping row, so it is either fully applied and recorded, or not at
/// all. Run it at startup before serving traffic.
public struct Migrator: Sendable {
    /// The known migrations, in the order given.
    public let migrations: [Migration]
    /// Set when the list is invalid; reported by every operation because the
    /// initializer cannot throw (and crashing at startup is not an option).
    private let validationError: DatabaseError?

    /// Name of the bookkeeping table.
    public static let tableName = "schema_migrations"

    /// Creates a migrator. Versions must be positive, unique and strictly
    /// increasing; otherwise every operation throws `migrationFailed`.
    public init(_ migrations: [Migration]) {
        self.migrations = migrations
        var error: DatabaseError?
        var previous = 0
        for m in migrations {
            if m.version <= previous {
                error = .migrationFailed(version: m.version, name: m.name,
                                         underlying: "migration versions must be positive, unique and increasing (after \(previous))")
                break
            }
            previous = m.version
        }
        validationError = error
    }

    /// Throws the validation error, if any.
    public func validate() throws {
        if let validationError { throw validationError }
    }

    /// Versions recorded in the database, ascending (empty for a fresh database).
    public func appliedVersions(_ db: any Database) throws -> [Int] {
        try validate()
        return try db.read { try Self.appliedVersions(on: $0) }
    }

    /// Known migrations not yet applied, in order.
    ///
    /// - Throws: `schemaNewerThanBinary` if the database is ahead of this binary.
    public func pending(_ db: any Database) throws -> [Migration] {
        let applied = try appliedVersions(db)
        try checkNotNewer(applied)
        let done = Set(applied)
        return migrations.filter { !done.contains($0.version) }
    }

    /// Applies all pending migrations in order and returns their versions.
    ///
    /// - Throws: `migrationFailed` (the failing migration is rolled back
    ///   whole; earlier ones stay applied), `schemaNewerThanBinary`.
    @discardableResult
    public func migrate(_ db: any Database) throws -> [Int] {
        try validate()
        return try db.withMigrationLock { try migrateHoldingLock(db) }
    }

    private func migrateHoldingLock(_ db: any Database) throws -> [Int] {
        let dialect = db.dialect
        try db.write { conn in
            try conn.executeScript("""
                CREATE TABLE IF NOT EXISTS \(Self.tableName) (
                    version \(dialect.bigint) PRIMARY KEY,
                    name \(dialect.text) NOT NULL,
                    applied_at \(dialect.timestamp) NOT NULL
                )
                """)
        }
        var appliedNow: [Int] = []
        for migration in try pending(db) {
            do {
                let applied = try db.write { conn -> Bool in
                    // Re-check under the write lock: another process may have
                    // applied it since `pending` looked.
                    let already = try conn.queryFirst(
                        "SELECT 1 FROM \(raw: Self.tableName) WHERE version = \(migration.version)")
                    guard already == nil else { return false }
                    try conn.executeScript(migration.sql(dialect))
                    try conn.execute("""
                        INSERT INTO \(raw: Self.tableName) (version, name, applied_at)
                        VALUES (\(migration.version), \(migration.name), \(Date()))
                        """)
                    return true
                }
                if applied { appliedNow.append(migration.version) }
            } catch DatabaseError.closed {
                throw DatabaseError.closed
            } catch {
                throw DatabaseError.migrationFailed(version: migration.version, name: migration.name,
                                                    underlying: String(describing: error))
            }
        }
        return appliedNow
    }

    private func checkNotNewer(_ applied: [Int]) throws {
        let known = migrations.last?.version ?? 0
        if let newest = applied.last, newest > known {
            throw DatabaseError.schemaNewerThanBinary(applied: newest, known: known)
        }
    }

    private static func appliedVersions(on conn: any DatabaseConnection) throws -> [Int] {
        guard try conn.queryFirst(conn.dialect.tableExists(tableName)) != nil else { return [] }
        return try conn.query(Int.self, "SELECT version FROM \(raw: tableName) ORDER BY version")
    }
}

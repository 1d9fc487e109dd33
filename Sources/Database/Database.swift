/// A connection handed to a `Database.read` / `Database.write` body.
///
/// Connections are not thread-safe and must not escape the closure they
/// were passed to. Everything dialect-specific (placeholders, value
/// conversion, error codes) is handled by the implementation.
public protocol DatabaseConnection: AnyObject {
    /// The dialect of the underlying engine.
    var dialect: SQLDialect { get }

    /// Runs one statement, returning the number of rows changed (0 for
    /// statements that don't modify rows).
    @discardableResult
    func execute(_ sql: SQL) throws -> Int

    /// Runs one statement and returns all result rows. Works for `SELECT`
    /// and for `INSERT/UPDATE/DELETE … RETURNING …` inside `write`.
    func query(_ sql: SQL) throws -> [Row]

    /// The first result row, or `nil`.
    func queryFirst(_ sql: SQL) throws -> Row?

    /// All rows decoded with `Row.decode(_:)`.
    func query<T: Decodable>(_ type: T.Type, _ sql: SQL) throws -> [T]

    /// The first row decoded with `Row.decode(_:)`, or `nil`. A
    /// `SQLDecodable` type reads the first column, so
    /// `queryFirst(Int.self, "SELECT count(*) FROM users")` works.
    func queryFirst<T: Decodable>(_ type: T.Type, _ sql: SQL) throws -> T?

    /// Runs several `;`-separated statements without bindings (migrations).
    /// Must not contain `BEGIN`/`COMMIT`: the caller's `write` owns the
    /// transaction.
    func executeScript(_ text: String) throws
}

extension DatabaseConnection {
    /// Default: the first element of `query`. Implementations may override
    /// to stop stepping early.
    public func queryFirst(_ sql: SQL) throws -> Row? {
        try query(sql).first
    }

    /// Default: `query` + `Row.decode`.
    public func query<T: Decodable>(_ type: T.Type, _ sql: SQL) throws -> [T] {
        try query(sql).map { try $0.decode(T.self) }
    }

    /// Default: `queryFirst` + `Row.decode`.
    public func queryFirst<T: Decodable>(_ type: T.Type, _ sql: SQL) throws -> T? {
        try queryFirst(sql).map { try $0.decode(T.self) }
    }
}

/// A database: one serialized writer plus concurrent readers.
///
/// All methods block the calling thread; bodies should be short and must
/// not perform unrelated slow work while holding the writer.
///
/// Portable SQL that works on every implementation: `INSERT … RETURNING id`
/// (use `query`/`queryFirst` inside `write`), upserts written as
/// `INSERT … ON CONFLICT (col) DO UPDATE SET x = excluded.x` or
/// `ON CONFLICT DO NOTHING`, and the column types from `SQLDialect`.
public protocol Database: AnyObject, Sendable {
    /// The dialect of the underlying engine.
    var dialect: SQLDialect { get }

    /// Runs `body` on a reader connection inside one read transaction, so
    /// every query in it sees the same snapshot. Blocks while all readers
    /// are busy. Called inside `write` on the same thread, it runs on the
    /// writer connection and sees the uncommitted changes; nested inside
    /// another `read` on the same thread it reuses that reader.
    @discardableResult
    func read<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T

    /// Like `read`, for a body that runs exactly ONE statement: a single statement is its own
    /// snapshot, so the driver may skip the explicit transaction (hot paths such as the session lookup).
    /// Bodies running several statements must use `read`.
    func readStatement<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T

    /// Runs `body` in one transaction on the single writer connection:
    /// commits when it returns, rolls back and rethrows the original error
    /// when it throws. A nested `write` on the same thread becomes a
    /// savepoint inside the outer transaction (rolled back alone if the
    /// nested body throws).
    @discardableResult
    func write<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T

    /// Checks that the database answers a trivial query (readiness probes).
    func ping() throws

    /// Counters for metrics.
    func statistics() -> DatabaseStatistics

    /// Closes all connections, waiting for in-flight work on other threads.
    /// Idempotent; later operations throw `DatabaseError.closed`.
    func close()

    /// Runs `body` (a whole migration run) while holding a lock that every
    /// process migrating the same database takes, so instances starting
    /// together apply each migration once. The default just runs `body`:
    /// enough where one writer is serialized by the engine itself (SQLite).
    func withMigrationLock<T>(_ body: () throws -> T) throws -> T
}

extension Database {
    public func withMigrationLock<T>(_ body: () throws -> T) throws -> T {
        try body()
    }
}

extension Database {
    /// Default: `SELECT 1` in a read transaction, the same on every engine.
    public func ping() throws {
        try read { connection in
            guard try connection.queryFirst(Int.self, "SELECT 1") == 1 else {
                throw DatabaseError.connectionFailed("ping returned an unexpected result")
            }
        }
    }

    /// Default: an ordinary read transaction.
    public func readStatement<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        try read(body)
    }
}

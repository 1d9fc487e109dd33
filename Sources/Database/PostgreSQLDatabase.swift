import CLibPQ
import Foundation

/// PostgreSQL implementation of `Database` over libpq, with the same
/// semantics as `SQLiteDatabase` so migrations and repositories are shared.
///
/// - `read` runs in `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`: one
///   snapshot for the whole body, writes refused.
/// - `write` runs in `BEGIN … COMMIT`, rolled back when the body throws. By
///   default every write transaction also takes a transaction-scoped advisory
///   lock, so writes are serialized across *all* instances sharing the
///   database, just as SQLite serializes its single writer: read-modify-write
///   bodies written for SQLite stay free of lost updates. Within a process
///   only one thread at a time goes for that lock, so waiting writers don't
///   tie up pooled connections.
/// - A nested `write` on the same thread is a savepoint; a `read` inside a
///   `write` runs on the writer's connection and sees its changes.
///
/// Connections are opened lazily up to `poolSize` readers plus one writer,
/// checked for liveness when taken from the pool and replaced when the server
/// dropped them (restart, `pg_terminate_backend`), so the pool heals itself.
///
/// One difference from SQLite: after a statement fails inside a transaction,
/// PostgreSQL refuses further statements in it. Code that wants to catch an
/// error and carry on must run the failing statement in a nested `write`
/// (a savepoint), which works on both engines; a body that swallows the error
/// and returns gets `DatabaseError.sql` (SQLSTATE 25P02) instead of a commit.
public final class PostgreSQLDatabase: Database, Sendable {
    /// Always `.postgresql`.
    public let dialect: SQLDialect = .postgresql
    /// The database URL with its password masked; safe to log.
    public let redactedURL: String
    /// Maximum concurrent `read` transactions (one connection each).
    public let poolSize: Int

    /// Advisory lock keys ("hosterra", "hostmigr" in ASCII). Advisory locks
    /// are per database, so other databases on the server are unaffected.
    static let writeLockKey: Int64 = 0x686F_7374_6572_7261
    static let migrationLockKey: Int64 = 0x686F_7374_6D69_6772

    private let parameters: [(String, String)]
    private let statementCacheSize: Int
    private let beginWrite: String
    private let stats = StatisticsRecorder(DatabaseStatistics())
    private let schemaGeneration = Locked<UInt64>(0)
    /// Readers and the writer share its connections, opened on demand.
    private let pool: ConnectionPool<PostgreSQLConnection>
    private typealias Role = ConnectionPool<PostgreSQLConnection>.Role

    /// Connects to the database at `url` (`postgres://` or `postgresql://`,
    /// any libpq URI parameters allowed, e.g. `?sslmode=require`).
    ///
    /// - Parameters:
    ///   - poolSize: concurrent readers (the writer has one more connection).
    ///   - connectTimeoutSeconds: libpq `connect_timeout`, unless the URL sets one.
    ///   - statementCacheSize: prepared statements kept per connection.
    ///   - serializeWrites: take the cross-instance write lock (see above).
    /// - Throws: `DatabaseError.connectionFailed` (one connection is opened
    ///   at once so a wrong URL or password fails at startup). Messages name
    ///   the URL without its password.
    public init(url: String,
                poolSize: Int = ProcessInfo.processInfo.activeProcessorCount,
                connectTimeoutSeconds: Int = 5,
                statementCacheSize: Int = 128,
                serializeWrites: Bool = true) throws {
        redactedURL = PostgreSQLURL.redacted(url)
        guard PostgreSQLURL.isPostgreSQL(url) else {
            throw DatabaseError.connectionFailed("not a postgres:// URL: \(redactedURL)")
        }
        self.poolSize = max(1, poolSize)
        self.statementCacheSize = statementCacheSize
        self.parameters = PostgreSQLURL.parameters(url: url, connectTimeoutSeconds: connectTimeoutSeconds)
        beginWrite = serializeWrites ? "BEGIN; SELECT pg_advisory_xact_lock(\(Self.writeLockKey))" : "BEGIN"
        let first = try Self.connect(parameters: parameters, redactedURL: redactedURL,
                                     statementCacheSize: statementCacheSize, stats: stats,
                                     schemaGeneration: schemaGeneration)
        pool = ConnectionPool(idle: [first], readerLimit: self.poolSize, stats: stats)
    }

    deinit {
        close()
    }

    private func makeConnection() throws -> PostgreSQLConnection {
        try Self.connect(parameters: parameters, redactedURL: redactedURL, statementCacheSize: statementCacheSize,
                         stats: stats, schemaGeneration: schemaGeneration)
    }

    /// Opens a connection; failure messages name the URL without its password.
    private static func connect(parameters: [(String, String)], redactedURL: String, statementCacheSize: Int,
                                stats: StatisticsRecorder, schemaGeneration: Locked<UInt64>) throws -> PostgreSQLConnection {
        do {
            return try PostgreSQLConnection(parameters: parameters, statementCacheSize: statementCacheSize,
                                            stats: stats, schemaGeneration: schemaGeneration)
        } catch DatabaseError.connectionFailed(let message) {
            throw DatabaseError.connectionFailed("\(redactedURL): \(message)")
        }
    }

    // MARK: Reading

    @discardableResult
    public func read<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        // Re-entrant cases run on the connection this thread already holds,
        // inside its transaction; taking another could deadlock.
        let held = try pool.connectionsHeld()
        if let connection = held.writer ?? held.reader {
            return try body(connection)
        }

        var connection = try checkOut(.read)
        defer { pool.checkIn(connection, .read) }
        defer { stats.withLock { $0.reads += 1 } }
        connection = try begin(connection, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", .read)
        let result: T
        do {
            result = try body(connection)
        } catch {
            rollbackQuietly(connection)
            throw error
        }
        if connection.transactionStatus == PQTRANS_INERROR {
            // The body caught a failed statement; nothing to commit in a read.
            rollbackQuietly(connection)
        } else {
            do {
                try connection.command("COMMIT")
            } catch {
                rollbackQuietly(connection)
                throw error
            }
        }
        return result
    }

    /// One statement in autocommit mode: its own snapshot, one round trip instead of three. A broken
    /// connection fails this statement (a 503 for its request) and is discarded at check-in.
    public func readStatement<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        guard let held = try? pool.connectionsHeld(), (held.writer ?? held.reader) == nil else {
            return try read(body)
        }
        let connection = try checkOut(.read)
        defer { pool.checkIn(connection, .read) }
        defer { stats.withLock { $0.reads += 1 } }
        return try body(connection)
    }

    // MARK: Writing

    @discardableResult
    public func write<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        if let writer = try pool.connectionsHeld().writer {
            return try withSavepoint(writer, body)
        }

        var connection = try checkOut(.write)
        defer { pool.checkIn(connection, .write) }
        connection = try begin(connection, beginWrite, .write)
        let result: T
        do {
            result = try body(connection)
            try commit(connection)
        } catch {
            rollbackQuietly(connection)
            stats.withLock { $0.rollbacks += 1 }
            throw error
        }
        stats.withLock { $0.transactions += 1 }
        return result
    }

    /// COMMIT, refusing to report success when PostgreSQL turned it into a
    /// ROLLBACK (it does so silently for a transaction in the failed state).
    private func commit(_ connection: PostgreSQLConnection) throws {
        let abortedMessage = "a statement failed earlier in this transaction and its error was caught, "
            + "so PostgreSQL aborted the transaction and nothing was committed; "
            + "run statements that may fail in a nested write (savepoint)"
        if connection.transactionStatus == PQTRANS_INERROR {
            throw DatabaseError.sql(code: PostgreSQLErrors.code("25P02"), message: abortedMessage, statement: "COMMIT")
        }
        let tag = try connection.command("COMMIT")
        if tag != "COMMIT" {
            throw DatabaseError.sql(code: PostgreSQLErrors.code("25P02"), message: abortedMessage, statement: "COMMIT")
        }
    }

    /// A nested write: a savepoint inside the current transaction, so an
    /// error in the inner body undoes only the inner changes (and clears
    /// PostgreSQL's failed-transaction state).
    private func withSavepoint<T>(_ connection: PostgreSQLConnection, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        connection.savepointDepth += 1
        defer { connection.savepointDepth -= 1 }
        let name = "nested_write_\(connection.savepointDepth)"
        try connection.command("SAVEPOINT \(name)")
        do {
            let result = try body(connection)
            try connection.command("RELEASE SAVEPOINT \(name)")
            return result
        } catch {
            let status = connection.transactionStatus
            if status == PQTRANS_INTRANS || status == PQTRANS_INERROR {
                _ = try? connection.command("ROLLBACK TO SAVEPOINT \(name)")
                _ = try? connection.command("RELEASE SAVEPOINT \(name)")
            }
            throw error
        }
    }

    /// Rolls back if a transaction is open. Errors are ignored: the caller is
    /// already propagating the original error, and a connection left inside a
    /// transaction is discarded on check-in anyway (the server then rolls back).
    private func rollbackQuietly(_ connection: PostgreSQLConnection) {
        let status = connection.transactionStatus
        if status == PQTRANS_INTRANS || status == PQTRANS_INERROR {
            _ = try? connection.command("ROLLBACK")
        }
    }

    // MARK: Pool

    /// Waits for a reader slot or the writer, then lends out an idle live
    /// connection or opens a new one.
    private func checkOut(_ role: Role) throws -> PostgreSQLConnection {
        try pool.checkOut(role) { idle in
            var connection = idle
            if let stale = connection, !stale.isUsable() {
                stale.close()
                connection = nil
            }
            let ready = try connection ?? makeConnection()
            ready.refreshIfSchemaChanged()
            return ready
        }
    }

    /// Starts the transaction. If the connection turns out dead at this
    /// point nothing has run yet, so one fresh connection may retry safely.
    private func begin(_ connection: PostgreSQLConnection, _ text: String, _ role: Role) throws -> PostgreSQLConnection {
        do {
            try connection.command(text)
            return connection
        } catch DatabaseError.connectionFailed {
            connection.close()
            let fresh = try makeConnection()
            pool.register(fresh, role)
            do {
                try fresh.command(text)
            } catch {
                // The caller's defer checks in the old, closed connection,
                // which frees the slot.
                fresh.close()
                throw error
            }
            return fresh
        }
    }

    // MARK: Maintenance

    /// Holds a session-level advisory lock on a dedicated connection for the
    /// whole migration run; closing that connection releases it even if the
    /// process dies mid-way.
    public func withMigrationLock<T>(_ body: () throws -> T) throws -> T {
        if pool.isClosed { throw DatabaseError.closed }
        let connection = try makeConnection()
        defer { connection.close() }
        try connection.command("SELECT pg_advisory_lock(\(Self.migrationLockKey))")
        let result = try body()
        _ = try? connection.command("SELECT pg_advisory_unlock(\(Self.migrationLockKey))")
        return result
    }

    /// Runs `statement` outside any transaction on a short-lived connection,
    /// for the few commands PostgreSQL refuses inside one (`CREATE DATABASE`,
    /// `DROP DATABASE`, `VACUUM`). Operations tooling and tests only: it takes
    /// no parameters, so never build `statement` from input.
    public static func executeOutsideTransaction(url: String, _ statement: String, connectTimeoutSeconds: Int = 5) throws {
        let connection = try connect(parameters: PostgreSQLURL.parameters(url: url, connectTimeoutSeconds: connectTimeoutSeconds),
                                     redactedURL: PostgreSQLURL.redacted(url), statementCacheSize: 1,
                                     stats: StatisticsRecorder(DatabaseStatistics()), schemaGeneration: Locked(0))
        defer { connection.close() }
        try connection.command(statement)
    }

    /// `readerConnections` counts every open pooled connection, the
    /// writer's included (PostgreSQL connections are not role-bound).
    public func statistics() -> DatabaseStatistics {
        pool.statistics()
    }

    /// Closes all connections. Waits for reads and writes running on other
    /// threads to finish; connections held by the calling thread (close()
    /// called from inside a body) are closed when that body returns.
    public func close() {
        pool.close()
    }
}

extension PostgreSQLConnection: PooledConnection {
    /// Not when it lost its server or is somehow still inside a transaction:
    /// such a connection is closed rather than pooled.
    var isReusable: Bool {
        !isClosed && !isBroken && transactionStatus == PQTRANS_IDLE
    }
}

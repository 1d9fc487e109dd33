import CSQLite
import Foundation

/// SQLite implementation of `Database`: one writer connection plus a pool of
/// read-only reader connections over a WAL-mode database file.
///
/// WAL lets readers proceed while the writer commits; each `read` runs in a
/// deferred transaction so it sees one consistent snapshot. Writes are
/// serialized in-process (so `BEGIN IMMEDIATE` rarely waits on SQLite's own
/// lock — only on other processes, up to the busy timeout).
///
/// Pass `":memory:"` (or `readers: 0`) to run reads on the writer connection
/// instead of a pool; useful for tests, since separate connections would
/// not share an in-memory database.
public final class SQLiteDatabase: Database, Sendable {
    /// Always `.sqlite`.
    public let dialect: SQLDialect = .sqlite
    /// The database file path.
    public let path: String

    private let stats = StatisticsRecorder(DatabaseStatistics())
    /// The writer (dedicated) and the read-only readers.
    private let pool: ConnectionPool<SQLiteConnection>
    private let usesReaderPool: Bool

    /// Opens (creating if needed) the database at `path`.
    ///
    /// - Parameters:
    ///   - path: file path; missing parent directories are created.
    ///   - readers: size of the read-only reader pool (0 = reads use the writer).
    ///   - busyTimeoutMilliseconds: how long SQLite waits on locks held by
    ///     other processes before failing with `DatabaseError.busy`.
    ///   - statementCacheSize: prepared statements cached per connection.
    /// - Throws: `DatabaseError.connectionFailed`.
    public init(path: String,
                readers: Int = ProcessInfo.processInfo.activeProcessorCount,
                busyTimeoutMilliseconds: Int = 5000,
                statementCacheSize: Int = 64) throws {
        self.path = path
        let inMemory = path == ":memory:" || path.isEmpty
        usesReaderPool = !inMemory && readers > 0
        if !inMemory && !path.hasPrefix("file:") {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw DatabaseError.connectionFailed("cannot create directory \(directory.path): \(error.localizedDescription)")
            }
        }
        // The writer is opened first: it creates the file and switches it to
        // WAL (a persistent property of the file), which read-only
        // connections cannot do themselves.
        let writer = try SQLiteConnection(path: path, readOnly: false,
                                          busyTimeoutMilliseconds: busyTimeoutMilliseconds,
                                          statementCacheSize: statementCacheSize, stats: stats)
        var readerConnections: [SQLiteConnection] = []
        do {
            if !inMemory {
                let mode = try writer.queryFirst("PRAGMA journal_mode = WAL")?.get(0, as: String.self)
                guard mode?.lowercased() == "wal" else {
                    throw DatabaseError.connectionFailed("\(path): could not enable WAL (journal_mode is \(mode ?? "unknown"))")
                }
            }
            if usesReaderPool {
                for _ in 0..<readers {
                    readerConnections.append(try SQLiteConnection(path: path, readOnly: true,
                                                                  busyTimeoutMilliseconds: busyTimeoutMilliseconds,
                                                                  statementCacheSize: statementCacheSize, stats: stats))
                }
            }
        } catch {
            readerConnections.forEach { $0.close() }
            writer.close()
            throw error
        }
        pool = ConnectionPool(idle: readerConnections, readerLimit: readerConnections.count,
                              dedicatedWriter: writer, stats: stats)
    }

    deinit {
        close()
    }

    // MARK: Reading

    @discardableResult
    public func read<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        // Re-entrant cases run directly on the connection this thread holds,
        // inside its existing transaction; anything else could deadlock.
        let held = try pool.connectionsHeld()
        if let connection = held.writer ?? held.reader {
            return try body(connection)
        }

        guard usesReaderPool else {
            return try withWriter(begin: "BEGIN DEFERRED", isWrite: false, body)
        }
        let connection = try pool.checkOut(.read)
        defer { pool.checkIn(connection, .read) }
        defer { stats.withLock { $0.reads += 1 } }
        try connection.execute("BEGIN DEFERRED")
        let result: T
        do {
            result = try body(connection)
        } catch {
            rollbackQuietly(connection)
            throw error
        }
        do {
            try connection.execute("COMMIT")
        } catch {
            rollbackQuietly(connection)
            throw error
        }
        return result
    }

    /// One statement on a reader in autocommit mode: its own snapshot, without BEGIN and COMMIT.
    public func readStatement<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        guard usesReaderPool, let held = try? pool.connectionsHeld(), (held.writer ?? held.reader) == nil else {
            return try read(body)
        }
        let connection = try pool.checkOut(.read)
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
        return try withWriter(begin: "BEGIN IMMEDIATE", isWrite: true, body)
    }

    /// Acquires the writer, runs `body` in a transaction, releases.
    private func withWriter<T>(begin: SQL, isWrite: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        let connection = try pool.checkOut(.write, waitCountsAs: isWrite ? .write : .read)
        defer { pool.checkIn(connection, .write) }

        try connection.execute(begin)
        let result: T
        do {
            result = try body(connection)
        } catch {
            rollbackQuietly(connection)
            stats.withLock { if isWrite { $0.rollbacks += 1 } else { $0.reads += 1 } }
            throw error
        }
        do {
            try connection.execute("COMMIT")
        } catch {
            rollbackQuietly(connection)
            stats.withLock { if isWrite { $0.rollbacks += 1 } else { $0.reads += 1 } }
            throw error
        }
        stats.withLock { if isWrite { $0.transactions += 1 } else { $0.reads += 1 } }
        return result
    }

    /// A nested write: a savepoint inside the current transaction, so an
    /// error in the inner body undoes only the inner changes.
    private func withSavepoint<T>(_ connection: SQLiteConnection, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        connection.savepointDepth += 1
        defer { connection.savepointDepth -= 1 }
        let name = "nested_write_\(connection.savepointDepth)"
        try connection.execute("SAVEPOINT \(raw: name)")
        do {
            let result = try body(connection)
            try connection.execute("RELEASE \(raw: name)")
            return result
        } catch {
            if connection.inTransaction {
                _ = try? connection.execute("ROLLBACK TO \(raw: name)")
                _ = try? connection.execute("RELEASE \(raw: name)")
            }
            throw error
        }
    }

    /// Rolls back if a transaction is still open. Errors are ignored: the
    /// caller is already propagating the original error, and SQLite may have
    /// rolled back on its own (e.g. after SQLITE_FULL).
    private func rollbackQuietly(_ connection: SQLiteConnection) {
        if connection.inTransaction {
            _ = try? connection.execute("ROLLBACK")
        }
    }

    // MARK: Maintenance

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

extension SQLiteConnection: PooledConnection {
    /// Always: a local file connection cannot be dropped behind the pool's
    /// back, and every body's transaction has ended by check-in.
    var isReusable: Bool { true }
}

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
public final class SQLiteDatabase: Database, @unchecked Sendable {
    // @unchecked Sendable: all mutable state below (`closed`, `writer`,
    // `writerBusy`, `writerOwner`, `idleReaders`, `readerHolders`,
    // `openReaders`) is only accessed while holding `state` (an NSCondition).
    // The connections themselves are only used by the single thread that
    // has checked them out under that lock.

    /// Always `.sqlite`.
    public let dialect: SQLDialect = .sqlite
    /// The database file path.
    public let path: String

    private let state = NSCondition()
    private let stats = StatisticsRecorder(DatabaseStatistics())
    private var closed = false
    private var writer: SQLiteConnection?
    private var writerBusy = false
    private var writerOwner: pthread_t?
    private var idleReaders: [SQLiteConnection] = []
    private var readerHolders: [pthread_t: SQLiteConnection] = [:]
    private var openReaders = 0
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
        var pool: [SQLiteConnection] = []
        do {
            if !inMemory {
                let mode = try writer.queryFirst("PRAGMA journal_mode = WAL")?.get(0, as: String.self)
                guard mode?.lowercased() == "wal" else {
                    throw DatabaseError.connectionFailed("\(path): could not enable WAL (journal_mode is \(mode ?? "unknown"))")
                }
            }
            if usesReaderPool {
                for _ in 0..<readers {
                    pool.append(try SQLiteConnection(path: path, readOnly: true,
                                                     busyTimeoutMilliseconds: busyTimeoutMilliseconds,
                                                     statementCacheSize: statementCacheSize, stats: stats))
                }
            }
        } catch {
            pool.forEach { $0.close() }
            writer.close()
            throw error
        }
        self.writer = writer
        self.idleReaders = pool
        self.openReaders = pool.count
    }

    deinit {
        close()
    }

    // MARK: Reading

    @discardableResult
    public func read<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        let me = pthread_self()
        state.lock()
        if closed {
            state.unlock()
            throw DatabaseError.closed
        }
        // Re-entrant cases run directly on the connection this thread holds,
        // inside its existing transaction; anything else could deadlock.
        if writerBusy, let owner = writerOwner, pthread_equal(owner, me) != 0, let writer {
            state.unlock()
            return try body(writer)
        }
        if let held = readerHolders[me] {
            state.unlock()
            return try body(held)
        }
        state.unlock()

        guard usesReaderPool else {
            return try withWriter(begin: "BEGIN DEFERRED", isWrite: false, body)
        }
        let connection = try checkOutReader(me)
        defer { checkInReader(connection, me) }
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
        let me = pthread_self()
        state.lock()
        let reentrant = closed || !usesReaderPool || readerHolders[me] != nil
            || (writerBusy && writerOwner.map { pthread_equal($0, me) != 0 } ?? false)
        state.unlock()
        if reentrant { return try read(body) }
        let connection = try checkOutReader(me)
        defer { checkInReader(connection, me) }
        defer { stats.withLock { $0.reads += 1 } }
        return try body(connection)
    }

    private func checkOutReader(_ me: pthread_t) throws -> SQLiteConnection {
        let start = DispatchTime.now().uptimeNanoseconds
        state.lock()
        defer { state.unlock() }
        while !closed && idleReaders.isEmpty {
            state.wait()
        }
        guard !closed, let connection = idleReaders.popLast() else {
            throw DatabaseError.closed
        }
        readerHolders[me] = connection
        let waited = DispatchTime.now().uptimeNanoseconds &- start
        stats.withLock { $0.readerWaitNanoseconds &+= waited }
        return connection
    }

    private func checkInReader(_ connection: SQLiteConnection, _ me: pthread_t) {
        state.lock()
        readerHolders[me] = nil
        if closed {
            // close() was called while this reader was lent out.
            connection.close()
            openReaders -= 1
        } else {
            idleReaders.append(connection)
        }
        state.broadcast()
        state.unlock()
    }

    // MARK: Writing

    @discardableResult
    public func write<T>(_ body: (any DatabaseConnection) throws -> T) throws -> T {
        let me = pthread_self()
        state.lock()
        if closed {
            state.unlock()
            throw DatabaseError.closed
        }
        if writerBusy, let owner = writerOwner, pthread_equal(owner, me) != 0, let writer {
            state.unlock()
            return try withSavepoint(writer, body)
        }
        state.unlock()
        return try withWriter(begin: "BEGIN IMMEDIATE", isWrite: true, body)
    }

    /// Acquires the writer, runs `body` in a transaction, releases.
    private func withWriter<T>(begin: SQL, isWrite: Bool, _ body: (any DatabaseConnection) throws -> T) throws -> T {
        let me = pthread_self()
        let start = DispatchTime.now().uptimeNanoseconds
        state.lock()
        while !closed && writerBusy {
            state.wait()
        }
        guard !closed, let connection = writer else {
            state.unlock()
            throw DatabaseError.closed
        }
        writerBusy = true
        writerOwner = me
        state.unlock()
        let waited = DispatchTime.now().uptimeNanoseconds &- start
        stats.withLock {
            if isWrite { $0.writerWaitNanoseconds &+= waited } else { $0.readerWaitNanoseconds &+= waited }
        }
        defer { releaseWriter(connection) }

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

    private func releaseWriter(_ connection: SQLiteConnection) {
        state.lock()
        writerBusy = false
        writerOwner = nil
        if closed {
            // close() ran while this thread held the writer; finish its job.
            connection.close()
            writer = nil
        }
        state.broadcast()
        state.unlock()
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

    public func ping() throws {
        try read { connection in
            guard try connection.queryFirst(Int.self, "SELECT 1") == 1 else {
                throw DatabaseError.connectionFailed("ping returned an unexpected result")
            }
        }
    }

    public func statistics() -> DatabaseStatistics {
        var snapshot = stats.withLock { $0 }
        state.lock()
        snapshot.readerConnections = openReaders
        snapshot.readersInUse = readerHolders.count
        snapshot.writerInUse = writerBusy
        state.unlock()
        return snapshot
    }

    /// Closes all connections. Waits for reads and writes running on other
    /// threads to finish; connections held by the calling thread (close()
    /// called from inside a body) are closed when that body returns.
    public func close() {
        let me = pthread_self()
        state.lock()
        defer { state.unlock() }
        guard !closed else { return }
        closed = true
        for connection in idleReaders { connection.close() }
        openReaders -= idleReaders.count
        idleReaders.removeAll()
        state.broadcast() // wake waiters so they fail with .closed
        func ownsWriter() -> Bool { writerOwner.map { pthread_equal($0, me) != 0 } ?? false }
        func othersReading() -> Bool { readerHolders.keys.contains { pthread_equal($0, me) == 0 } }
        while (writerBusy && !ownsWriter()) || othersReading() {
            state.wait()
        }
        if !writerBusy {
            writer?.close()
            writer = nil
        }
    }
}

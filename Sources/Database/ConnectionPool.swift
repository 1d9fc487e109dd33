import Foundation

/// A connection a `ConnectionPool` can lend out.
protocol PooledConnection: AnyObject {
    /// Closes the connection. Idempotent.
    func close()
    /// Whether a connection handed back may be lent out again; one that is
    /// not is closed instead of pooled.
    var isReusable: Bool { get }
}

/// Lends a database's connections to threads, one thread per connection:
/// up to `readerLimit` readers at once plus one writer. Both drivers keep
/// their pooling, closing and pool statistics here.
///
/// - The writer is either a dedicated connection (SQLite's one read-write
///   connection) or taken from the idle connections readers use too
///   (PostgreSQL, where connections are not role-bound).
/// - When no idle connection is left below the limit, a checkout reserves
///   the slot and its `prepare` step opens a connection, so a pool may start
///   small and grow.
/// - It remembers which thread holds what, so a nested `read` or `write`
///   runs on the connection its thread already holds instead of waiting for
///   another one (which could deadlock).
/// - `close()` fails waiting checkouts, refuses new ones, closes idle
///   connections at once and waits for those lent to other threads; the
///   closing thread's own are closed when it checks them in.
final class ConnectionPool<Connection: PooledConnection>: @unchecked Sendable {
    // @unchecked Sendable: every `var` below is only read or written while
    // holding `state` (an NSCondition). A lent-out connection is used only by
    // the thread that checked it out under that lock.

    enum Role { case read, write }

    private let state = NSCondition()
    private let stats: StatisticsRecorder
    private let readerLimit: Int
    private let hasDedicatedWriter: Bool
    private var closed = false
    private var idle: [Connection]
    /// Pooled connections open, lent out or idle, plus slots reserved while
    /// a connection is being opened; the dedicated writer is not counted.
    private var openConnections: Int
    private var dedicatedWriter: Connection?
    private var readersOut = 0
    private var readerHolders: [pthread_t: Connection] = [:]
    private var writerBusy = false
    private var writerOwner: pthread_t?
    private var writerConnection: Connection?
    private var waiting = 0

    /// - Parameters:
    ///   - idle: connections already open, ready to lend.
    ///   - readerLimit: how many threads may hold a reader at once.
    ///   - dedicatedWriter: the only connection `.write` checkouts get; `nil`
    ///     lets the writer take from `idle` like readers do.
    ///   - stats: where checkouts add the time spent waiting, and the base
    ///     of `statistics()`.
    init(idle: [Connection], readerLimit: Int, dedicatedWriter: Connection? = nil, stats: StatisticsRecorder) {
        self.idle = idle
        self.openConnections = idle.count
        self.readerLimit = readerLimit
        self.dedicatedWriter = dedicatedWriter
        self.hasDedicatedWriter = dedicatedWriter != nil
        self.stats = stats
    }

    /// Whether `close()` has been called.
    var isClosed: Bool {
        state.lock()
        defer { state.unlock() }
        return closed
    }

    /// Threads blocked right now in `checkOut` or `close` (so tests can tell
    /// a thread is waiting without guessing how long that takes).
    var waitingThreads: Int {
        state.lock()
        defer { state.unlock() }
        return waiting
    }

    /// The connections the calling thread already holds, for nested calls.
    /// - Throws: `DatabaseError.closed` once the pool is closed.
    func connectionsHeld() throws -> (writer: Connection?, reader: Connection?) {
        let me = pthread_self()
        state.lock()
        defer { state.unlock() }
        if closed { throw DatabaseError.closed }
        return (holdsWriter(me) ? writerConnection : nil, readerHolders[me])
    }

    // MARK: Lending

    /// Waits for a free slot for `role`, then lends the calling thread a
    /// connection until it calls `checkIn`.
    ///
    /// - Parameters:
    ///   - waitCountsAs: which wait statistic the time spent waiting is added
    ///     to; `role`'s by default (SQLite reads on the writer count as reader waits).
    ///   - prepare: runs unlocked while the slot is held, given the idle
    ///     connection taken (the dedicated writer for `.write` where there is
    ///     one), or `nil` when none was idle and a new one must be opened;
    ///     returns the connection to lend. When it throws, the slot is given
    ///     back and a pooled connection it was given counts as closed. The
    ///     default lends only connections the pool already has: a pool
    ///     opened with `readerLimit` idle connections never runs dry.
    /// - Throws: `DatabaseError.closed`, or what `prepare` throws.
    func checkOut(_ role: Role, waitCountsAs waitRole: Role? = nil,
                  prepare: (Connection?) throws -> Connection = { connection in
                      guard let connection else { throw DatabaseError.closed }
                      return connection
                  }) throws -> Connection {
        let me = pthread_self()
        let start = DispatchTime.now().uptimeNanoseconds
        state.lock()
        while !closed && (role == .read ? readersOut >= readerLimit : writerBusy) {
            waiting += 1
            state.wait()
            waiting -= 1
        }
        guard !closed else {
            state.unlock()
            throw DatabaseError.closed
        }
        let taken: Connection?
        if usesDedicatedWriter(role) {
            taken = dedicatedWriter
        } else {
            taken = idle.popLast()
            if taken == nil { openConnections += 1 } // reserve the slot while connecting unlocked
        }
        switch role {
        case .read:
            readersOut += 1
            readerHolders[me] = taken
        case .write:
            writerBusy = true
            writerOwner = me
            writerConnection = taken
        }
        state.unlock()
        let waited = DispatchTime.now().uptimeNanoseconds &- start
        stats.withLock {
            if (waitRole ?? role) == .write { $0.writerWaitNanoseconds &+= waited } else { $0.readerWaitNanoseconds &+= waited }
        }

        let ready: Connection
        do {
            ready = try prepare(taken)
        } catch {
            state.lock()
            if !usesDedicatedWriter(role) { openConnections -= 1 }
            release(role, me)
            state.broadcast()
            state.unlock()
            throw error
        }
        if ready !== taken { register(ready, role) }
        return ready
    }

    /// Records that the calling thread now holds `connection` for `role`, in
    /// place of the one it checked out (PostgreSQL swaps in a fresh
    /// connection when the one it got turns out dead).
    func register(_ connection: Connection, _ role: Role) {
        let me = pthread_self()
        state.lock()
        switch role {
        case .read: readerHolders[me] = connection
        case .write: writerConnection = connection
        }
        state.unlock()
    }

    /// Gives back the calling thread's slot for `role` and `connection`: idle
    /// again, or closed when the pool is closed or the connection is not
    /// reusable. Wakes the threads waiting for a slot or for `close()`.
    func checkIn(_ connection: Connection, _ role: Role) {
        let me = pthread_self()
        state.lock()
        release(role, me)
        if usesDedicatedWriter(role) {
            if closed {
                // close() ran while this thread held the writer; finish its job.
                connection.close()
                dedicatedWriter = nil
            }
        } else if closed || !connection.isReusable {
            connection.close()
            openConnections -= 1
        } else {
            idle.append(connection)
        }
        state.broadcast()
        state.unlock()
    }

    /// Must hold `state`.
    private func release(_ role: Role, _ me: pthread_t) {
        switch role {
        case .read:
            readersOut -= 1
            readerHolders[me] = nil
        case .write:
            writerBusy = false
            writerOwner = nil
            writerConnection = nil
        }
    }

    /// Must hold `state`.
    private func holdsWriter(_ me: pthread_t) -> Bool {
        writerBusy && (writerOwner.map { pthread_equal($0, me) != 0 } ?? false)
    }

    private func usesDedicatedWriter(_ role: Role) -> Bool {
        role == .write && hasDedicatedWriter
    }

    // MARK: Statistics and closing

    /// `stats` plus the pool's gauges: `readerConnections` counts pooled
    /// connections (not a dedicated writer), `readersInUse` the readers
    /// lent out, `writerInUse` whether the writer is.
    func statistics() -> DatabaseStatistics {
        var snapshot = stats.withLock { $0 }
        state.lock()
        snapshot.readerConnections = openConnections
        snapshot.readersInUse = readersOut
        snapshot.writerInUse = writerBusy
        state.unlock()
        return snapshot
    }

    /// Closes all connections. Waits for those lent to other threads to come
    /// back; those held by the calling thread (close() called from inside a
    /// body) are closed when it checks them in. Idempotent.
    func close() {
        let me = pthread_self()
        state.lock()
        defer { state.unlock() }
        guard !closed else { return }
        closed = true
        for connection in idle { connection.close() }
        openConnections -= idle.count
        idle.removeAll()
        state.broadcast() // wake waiters so they fail with .closed
        func othersReading() -> Bool { readersOut > (readerHolders[me] == nil ? 0 : 1) }
        while (writerBusy && !holdsWriter(me)) || othersReading() {
            waiting += 1
            state.wait()
            waiting -= 1
        }
        if !writerBusy {
            dedicatedWriter?.close()
            dedicatedWriter = nil
        }
    }
}

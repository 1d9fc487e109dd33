import Foundation
import Testing
@testable import Database

/// A connection that only knows whether it was closed, and whether it
/// should be pooled again when handed back.
private final class FakeConnection: PooledConnection, Sendable {
    let id: Int
    private let closed = Locked(false)
    private let reusable = Locked(true)

    init(_ id: Int) { self.id = id }

    func close() { closed.withLock { $0 = true } }
    var isClosed: Bool { closed.withLock { $0 } }
    var isReusable: Bool { reusable.withLock { $0 } }
    func breakConnection() { reusable.withLock { $0 = false } }
}

private typealias Pool = ConnectionPool<FakeConnection>

private func makePool(idle: [FakeConnection], readerLimit: Int, writer: FakeConnection? = nil) -> Pool {
    Pool(idle: idle, readerLimit: readerLimit, dedicatedWriter: writer, stats: StatisticsRecorder(DatabaseStatistics()))
}

/// Polls until `condition` holds. Returns false only after a generous while,
/// so a broken pool fails the test instead of hanging it.
private func eventually(_ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(30)
    while !condition() {
        if Date() > deadline { return false }
        usleep(1_000)
    }
    return true
}

private func isClosedError(_ error: any Error) -> Bool {
    (error as? DatabaseError) == .closed
}

private func describe(_ held: (writer: FakeConnection?, reader: FakeConnection?)) -> String {
    "writer \(held.writer.map { "\($0.id)" } ?? "none"), reader \(held.reader.map { "\($0.id)" } ?? "none")"
}

extension Locked where Value == [String] {
    fileprivate func append(_ line: String) { withLock { $0.append(line) } }
}

/// Runs two threads: a holder checks a connection out for `role`, then lets
/// `other` start and, once `other` is blocked in the pool (checking out or
/// closing), runs `whileOtherWaits` with its connection and checks it in.
/// Errors land in `log`. Returns false if either thread hangs.
private func holdWhileAnotherWaits(_ pool: Pool, _ role: Pool.Role, log: Locked<[String]>,
                                   whileOtherWaits: @escaping @Sendable (FakeConnection) throws -> Void,
                                   other: @escaping @Sendable () throws -> Void) -> Bool {
    let holding = DispatchSemaphore(value: 0)
    let holder: @Sendable () -> Void = {
        do {
            let connection = try pool.checkOut(role)
            holding.signal()
            if !eventually({ pool.waitingThreads == 1 }) { log.append("nobody waited") }
            try whileOtherWaits(connection)
            pool.checkIn(connection, role)
        } catch {
            log.append("holder: \(error)")
            holding.signal()
        }
    }
    let otherThread: @Sendable () -> Void = {
        holding.wait()
        do {
            try other()
        } catch {
            log.append("other: \(error)")
        }
    }
    return runOnThreadsAndWait([holder, otherThread])
}

@Suite("Connection pool") struct ConnectionPoolTests {
    @Test("a reader checkout at the limit waits for a check-in and gets the connection handed back")
    func readerWaitsForCheckIn() {
        // setup
        let only = FakeConnection(1)
        let pool = makePool(idle: [only], readerLimit: 1)
        let log = Locked<[String]>([])
        // MUT
        let finished = holdWhileAnotherWaits(pool, .read, log: log, whileOtherWaits: { connection in
            log.append("returning \(connection.id)")
        }, other: {
            let connection = try pool.checkOut(.read)
            log.append("got \(connection.id)")
            pool.checkIn(connection, .read)
        })
        // validate
        #expect(finished)
        #expect(log.withLock { $0 } == ["returning 1", "got 1"])
        #expect(!only.isClosed)
        let stats = pool.statistics()
        #expect(stats.readerConnections == 1 && stats.readersInUse == 0)
    }

    @Test("the dedicated writer goes to one thread at a time, only its holder finds it, and readers are not held up")
    func writerIsExclusive() {
        // setup
        let pool = makePool(idle: [FakeConnection(1)], readerLimit: 1, writer: FakeConnection(0))
        let log = Locked<[String]>([])
        // MUT
        let finished = holdWhileAnotherWaits(pool, .write, log: log, whileOtherWaits: { connection in
            log.append("first writes on \(connection.id) and holds \(describe(try pool.connectionsHeld()))")
        }, other: {
            log.append("second holds \(describe(try pool.connectionsHeld()))")
            let reader = try pool.checkOut(.read)
            log.append("second reads on \(reader.id)")
            pool.checkIn(reader, .read)
            let connection = try pool.checkOut(.write)
            log.append("second writes on \(connection.id)")
            pool.checkIn(connection, .write)
        })
        // validate
        #expect(finished)
        #expect(log.withLock { $0 } == [
            "second holds writer none, reader none",
            "second reads on 1",
            "first writes on 0 and holds writer 0, reader none",
            "second writes on 0",
        ])
        let stats = pool.statistics()
        #expect(!stats.writerInUse && stats.readersInUse == 0)
        #expect(stats.readerConnections == 1, "the dedicated writer is not a pooled connection")
    }

    @Test("close fails waiting checkouts, refuses new ones, closes what is idle, and the closing thread's own connection at check-in")
    func closeFromAHolder() {
        // setup
        let writer = FakeConnection(0)
        let only = FakeConnection(1)
        let pool = makePool(idle: [only], readerLimit: 1, writer: writer)
        let log = Locked<[String]>([])
        let waiterResult = Locked("not run")
        // MUT
        let finished = holdWhileAnotherWaits(pool, .read, log: log, whileOtherWaits: { connection in
            pool.close()
            log.append("after close: writer closed \(writer.isClosed), mine closed \(connection.isClosed)")
            do {
                _ = try pool.checkOut(.read)
                log.append("checked out after close")
            } catch {
                log.append("checkout after close: \(isClosedError(error) ? "closed" : "\(error)")")
            }
        }, other: {
            do {
                _ = try pool.checkOut(.read)
                waiterResult.withLock { $0 = "got a connection" }
            } catch {
                waiterResult.withLock { $0 = isClosedError(error) ? "closed" : "\(error)" }
            }
        })
        // validate
        #expect(finished)
        #expect(log.withLock { $0 } == [
            "after close: writer closed true, mine closed false",
            "checkout after close: closed",
        ])
        #expect(waiterResult.withLock { $0 } == "closed")
        #expect(only.isClosed, "closed when its holder checked it in")
        #expect(pool.isClosed)
        #expect(throws: DatabaseError.closed) { try pool.connectionsHeld() }
        let stats = pool.statistics()
        #expect(stats.readerConnections == 0 && stats.readersInUse == 0 && !stats.writerInUse)
    }

    @Test("close waits for connections lent to other threads")
    func closeWaitsForOtherThreads() {
        // setup
        let connections = [FakeConnection(1), FakeConnection(2)]
        let pool = makePool(idle: connections, readerLimit: 2)
        let log = Locked<[String]>([])
        // MUT
        let finished = holdWhileAnotherWaits(pool, .read, log: log, whileOtherWaits: { connection in
            let idle = connections.first { $0 !== connection }
            log.append("while close waits: idle closed \(idle?.isClosed ?? false), lent closed \(connection.isClosed)")
        }, other: {
            pool.close()
            log.append("closed")
        })
        // validate
        #expect(finished)
        #expect(log.withLock { $0 } == ["while close waits: idle closed true, lent closed false", "closed"])
        #expect(connections.allSatisfy { $0.isClosed })
        #expect(pool.statistics().readerConnections == 0)
    }

    @Test("a connection handed back unusable is closed, and the next checkout opens a new one in its slot")
    func unusableConnectionIsReplaced() throws {
        // setup
        let first = FakeConnection(1)
        let pool = makePool(idle: [first], readerLimit: 1)
        let lent = try pool.checkOut(.read)
        lent.breakConnection()
        // MUT
        pool.checkIn(lent, .read)
        // validate
        #expect(first.isClosed)
        #expect(pool.statistics().readerConnections == 0)
        var offered: [FakeConnection?] = []
        let next = try pool.checkOut(.read) { idle in
            offered.append(idle)
            return FakeConnection(2)
        }
        #expect(offered.count == 1 && offered[0] == nil, "nothing idle: prepare is asked to open a connection")
        #expect(next.id == 2)
        #expect(try pool.connectionsHeld().reader === next)
        pool.checkIn(next, .read)
        let stats = pool.statistics()
        #expect(stats.readerConnections == 1 && stats.readersInUse == 0)
        #expect(!next.isClosed)
    }

    @Test("a checkout whose connection cannot be opened gives its slot back")
    func failedOpenGivesTheSlotBack() throws {
        // setup
        let pool = makePool(idle: [], readerLimit: 1)
        // MUT
        #expect(throws: TestFailure("refused")) {
            _ = try pool.checkOut(.read) { _ in throw TestFailure("refused") }
        }
        // validate
        let stats = pool.statistics()
        #expect(stats.readerConnections == 0)
        try #require(stats.readersInUse == 0)
        #expect(try pool.connectionsHeld().reader == nil)
        let connection = try pool.checkOut(.read) { _ in FakeConnection(1) }
        #expect(connection.id == 1)
        pool.checkIn(connection, .read)
    }

    @Test("a connection registered in place of the one checked out is the one nested calls find and the pool keeps")
    func registeredReplacementIsKept() throws {
        // setup
        let original = FakeConnection(1)
        let replacement = FakeConnection(2)
        let pool = makePool(idle: [original], readerLimit: 1)
        let lent = try pool.checkOut(.read)
        #expect(lent === original)
        // MUT
        pool.register(replacement, .read)
        // validate
        #expect(try pool.connectionsHeld().reader === replacement)
        pool.checkIn(replacement, .read)
        #expect(try pool.checkOut(.read) === replacement)
    }
}

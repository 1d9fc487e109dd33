import Foundation

/// A snapshot of a database's counters, for `/metrics`.
///
/// Counters are cumulative since the database was opened; gauges
/// (`readerConnections`, `readersInUse`, `writerInUse`) are current values.
public struct DatabaseStatistics: Sendable, Hashable {
    /// Statements run (including scripts and transaction control).
    public var queries: UInt64 = 0
    /// Statements that failed.
    public var failedQueries: UInt64 = 0
    /// Write transactions committed.
    public var transactions: UInt64 = 0
    /// Write transactions rolled back (body threw or commit failed).
    public var rollbacks: UInt64 = 0
    /// `read` blocks completed (successful or not).
    public var reads: UInt64 = 0
    /// Total time spent waiting for the writer.
    public var writerWaitNanoseconds: UInt64 = 0
    /// Total time spent waiting for a free reader.
    public var readerWaitNanoseconds: UInt64 = 0
    /// Open reader connections.
    public var readerConnections: Int = 0
    /// Reader connections currently lent out.
    public var readersInUse: Int = 0
    /// Whether the writer is currently held.
    public var writerInUse: Bool = false
    /// Prepared statements reused from a connection's cache.
    public var statementCacheHits: UInt64 = 0
    /// Statements that had to be prepared.
    public var statementCacheMisses: UInt64 = 0

    /// All zero.
    public init() {}
}

/// A value guarded by an `NSLock`.
///
/// `@unchecked Sendable`: every access to `value` goes through `withLock`,
/// which holds `lock`.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// Shared, lock-protected counters that connections report into.
typealias StatisticsRecorder = Locked<DatabaseStatistics>

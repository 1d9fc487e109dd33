import Dispatch
import Foundation

/// A counting semaphore for CPU-heavy work (argon2id), usable from async and
/// blocking code, with a bounded wait queue.
///
/// At most `maxConcurrent` bodies run at once; up to `maxQueued` callers wait in FIFO
/// order; further callers fail fast with `ConcurrencyLimiter.Overloaded` so that a flood
/// of logins turns into quick 503 responses instead of an ever-growing backlog.
/// Async callers wait without blocking a cooperative thread, and `run` executes the
/// body on a Dispatch global queue so the Swift concurrency pool stays free for I/O.
///
/// Waiting is not cancellable: a cancelled task still waits for its turn.
public final class ConcurrencyLimiter: @unchecked Sendable {
    // @unchecked Sendable: all mutable state (`running`, `waiters`) is only read or
    // written while holding `lock` (an NSLock); the other properties are immutable.

    /// Thrown when `maxQueued` callers are already waiting.
    public struct Overloaded: Error, Equatable, Sendable {}

    private enum Waiter {
        case async(CheckedContinuation<Void, any Error>)
        case blocking(DispatchSemaphore)

        func resume() {
            switch self {
            case .async(let continuation): continuation.resume()
            case .blocking(let semaphore): semaphore.signal()
            }
        }
    }

    /// Maximum number of bodies running at the same time.
    public let maxConcurrent: Int
    /// Maximum number of callers waiting for a permit before new ones are refused.
    public let maxQueued: Int

    private let lock = NSLock()
    private var running = 0
    private var waiters: [Waiter] = []

    /// Creates a limiter.
    /// - Parameters:
    ///   - maxConcurrent: permits; defaults to the number of active cores.
    ///   - maxQueued: bounded queue length; defaults to 64 waiters per permit.
    public init(maxConcurrent: Int = ProcessInfo.processInfo.activeProcessorCount, maxQueued: Int? = nil) {
        let permits = max(1, maxConcurrent)
        self.maxConcurrent = permits
        self.maxQueued = max(0, maxQueued ?? permits * 64)
    }

    /// Number of bodies currently holding a permit (for metrics and tests).
    public var activeCount: Int {
        lock.lock(); defer { lock.unlock() }
        return running
    }

    /// Number of callers currently waiting (for metrics and tests).
    public var queuedCount: Int {
        lock.lock(); defer { lock.unlock() }
        return waiters.count
    }

    /// Waits for a permit without blocking a thread, runs `body` on a Dispatch
    /// global queue, releases the permit and returns the body's result.
    /// - Throws: `Overloaded` when the wait queue is full, or the body's error.
    public func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await acquire()
        defer { release() }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(with: Result { try body() })
            }
        }
    }

    /// Blocking variant of `run` for non-async contexts (command-line tools, tests).
    /// Never call it from a Swift concurrency task: it blocks the calling thread.
    public func runBlocking<T>(_ body: () throws -> T) throws -> T {
        try acquireBlocking()
        defer { release() }
        return try body()
    }

    private func acquire() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            lock.lock()
            if running < maxConcurrent {
                running += 1
                lock.unlock()
                continuation.resume()
            } else if waiters.count >= maxQueued {
                lock.unlock()
                continuation.resume(throwing: Overloaded())
            } else {
                waiters.append(.async(continuation))
                lock.unlock()
            }
        }
    }

    private func acquireBlocking() throws {
        lock.lock()
        if running < maxConcurrent {
            running += 1
            lock.unlock()
            return
        }
        guard waiters.count < maxQueued else {
            lock.unlock()
            throw Overloaded()
        }
        let semaphore = DispatchSemaphore(value: 0)
        waiters.append(.blocking(semaphore))
        lock.unlock()
        semaphore.wait()
    }

    /// Hands the permit to the first waiter, or returns it to the pool.
    private func release() {
        lock.lock()
        if waiters.isEmpty {
            running -= 1
            lock.unlock()
        } else {
            let next = waiters.removeFirst()
            lock.unlock()
            next.resume()  // the permit passes directly to `next`; `running` is unchanged
        }
    }
}

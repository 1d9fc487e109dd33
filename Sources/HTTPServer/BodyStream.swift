import Synchronization

/// A pull-model response body: `next()` returns the next chunk, or nil at the end.
///
/// Runs on the server thread that writes the response, one call at a time. Throwing ends the
/// response early (the client sees a truncated body), as the status line has already been sent.
public struct BodyStream: Sendable {
    let next: @Sendable () throws -> [UInt8]?

    public init(_ next: @escaping @Sendable () throws -> [UInt8]?) {
        self.next = next
    }

    /// A stream over fixed chunks (handy in tests).
    public static func chunks(_ chunks: [[UInt8]]) -> BodyStream {
        let iterator = ChunkIterator(chunks)
        return BodyStream { iterator.next() }
    }
}


/// Hands out fixed chunks in order; the Mutex makes it safe to share.
private final class ChunkIterator: Sendable {
    private let state: Mutex<(chunks: [[UInt8]], index: Int)>
    init(_ chunks: [[UInt8]]) { state = Mutex((chunks, 0)) }
    func next() -> [UInt8]? {
        state.withLock { s in
            guard s.index < s.chunks.count else { return nil }
            defer { s.index += 1 }
            return s.chunks[s.index]
        }
    }
}

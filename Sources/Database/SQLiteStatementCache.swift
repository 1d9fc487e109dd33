import CSQLite

/// A per-connection LRU cache of prepared statements keyed by SQL text.
///
/// Not thread-safe: owned by one `SQLiteConnection`, which is only used by
/// the thread currently holding it.
final class SQLiteStatementCache {
    private struct Entry {
        let statement: OpaquePointer
        var lastUsed: UInt64
    }

    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Returns the cached statement for `text`, marking it recently used.
    func statement(for text: String) -> OpaquePointer? {
        guard var entry = entries[text] else { return nil }
        clock &+= 1
        entry.lastUsed = clock
        entries[text] = entry
        return entry.statement
    }

    /// Caches a statement, evicting (finalizing) the least recently used one
    /// when full. Returns `false` if caching is disabled; the caller then
    /// owns and must finalize the statement.
    func insert(_ statement: OpaquePointer, for text: String) -> Bool {
        guard capacity > 0 else { return false }
        if entries.count >= capacity,
           let oldest = entries.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            // O(n) scan only on a miss with a full cache; n is small (default 64).
            sqlite3_finalize(oldest.value.statement)
            entries.removeValue(forKey: oldest.key)
        }
        clock &+= 1
        entries[text] = Entry(statement: statement, lastUsed: clock)
        return true
    }

    /// Finalizes everything (before `sqlite3_close`).
    func removeAll() {
        for entry in entries.values { sqlite3_finalize(entry.statement) }
        entries.removeAll()
    }
}

import CLibPQ

/// A per-connection LRU map from SQL text (plus parameter types) to the
/// name of a server-side prepared statement.
///
/// Not thread-safe: owned by one `PostgreSQLConnection`. The statements
/// themselves live on the server; the connection deallocates evicted names.
struct PostgreSQLStatementCache {
    private struct Entry {
        let name: String
        var lastUsed: UInt64
    }

    private var entries: [String: Entry] = [:]
    private var clock: UInt64 = 0
    private var counter = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    var isEmpty: Bool { entries.isEmpty }

    /// The same SQL with a differently typed parameter (e.g. NULL, then an
    /// integer) is a different server statement.
    static func key(_ text: String, _ types: [Oid]) -> String {
        types.isEmpty ? text : text + "\u{0}" + types.map(String.init).joined(separator: ",")
    }

    /// The statement name for `key`, marking it recently used.
    mutating func name(for key: String) -> String? {
        guard var entry = entries[key] else { return nil }
        clock &+= 1
        entry.lastUsed = clock
        entries[key] = entry
        return entry.name
    }

    /// Allocates a fresh name for `key`; when full, also returns the least
    /// recently used name, which the caller must `DEALLOCATE`.
    mutating func reserve(_ key: String) -> (name: String, evicted: String?) {
        var evicted: String?
        if entries.count >= capacity,
           let oldest = entries.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            // O(n) only on a miss with a full cache; n is small.
            evicted = oldest.value.name
            entries.removeValue(forKey: oldest.key)
        }
        counter += 1
        clock &+= 1
        let name = "hosterra_\(counter)"
        entries[key] = Entry(name: name, lastUsed: clock)
        return (name, evicted)
    }

    /// Forgets a statement that failed to prepare or went stale.
    mutating func remove(_ key: String) {
        entries.removeValue(forKey: key)
    }

    /// Forgets everything (after `DEALLOCATE ALL` or a reconnect).
    mutating func removeAll() {
        entries.removeAll()
    }
}

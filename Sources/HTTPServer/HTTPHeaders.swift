/// An ordered list of header fields. Names compare case-insensitively; order and
/// repeated fields are kept, as they were received or added.
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// The fields in order.
    public private(set) var pairs: [(name: String, value: String)]

    /// Headers from `(name, value)` pairs, in order.
    public init(_ pairs: [(String, String)] = []) {
        self.pairs = pairs.map { (name: $0.0, value: $0.1) }
    }

    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The first value of `name`; setting replaces all fields of that name (nil removes them).
    public subscript(name: String) -> String? {
        get {
            for p in pairs where ASCII.equalsIgnoringCase(p.name, name) { return p.value }
            return nil
        }
        set {
            if let newValue {
                if let i = pairs.firstIndex(where: { ASCII.equalsIgnoringCase($0.name, name) }) {
                    pairs[i].value = newValue
                    var j = pairs.count - 1
                    while j > i {
                        if ASCII.equalsIgnoringCase(pairs[j].name, name) { pairs.remove(at: j) }
                        j -= 1
                    }
                } else {
                    pairs.append((name: name, value: newValue))
                }
            } else {
                remove(name)
            }
        }
    }

    /// All values of `name`, in order.
    public func values(_ name: String) -> [String] {
        pairs.filter { ASCII.equalsIgnoringCase($0.name, name) }.map(\.value)
    }

    /// Whether a field named `name` exists.
    public func contains(_ name: String) -> Bool {
        pairs.contains { ASCII.equalsIgnoringCase($0.name, name) }
    }

    /// Appends a field, keeping existing ones of the same name (e.g. `Set-Cookie`).
    public mutating func add(_ name: String, _ value: String) {
        pairs.append((name: name, value: value))
    }

    /// Removes every field named `name`.
    public mutating func remove(_ name: String) {
        pairs.removeAll { ASCII.equalsIgnoringCase($0.name, name) }
    }

    public var count: Int { pairs.count }

    public func makeIterator() -> IndexingIterator<[(name: String, value: String)]> {
        pairs.makeIterator()
    }

    public var description: String {
        pairs.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
    }
}

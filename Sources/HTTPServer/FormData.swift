/// An ordered multi-map of decoded form fields: an urlencoded or multipart body, or a query string.
public struct FormData: Sendable, CustomStringConvertible {
    /// The fields in the order they were sent.
    public var fields: [(name: String, value: String)]

    /// A form from `(name, value)` pairs.
    public init(_ fields: [(String, String)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// The first value of `name`.
    public subscript(name: String) -> String? {
        for f in fields where f.name == name { return f.value }
        return nil
    }

    /// Every value of `name`, in order (checkbox groups, multi-selects).
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// Appends a field.
    public mutating func append(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    public var isEmpty: Bool { fields.isEmpty }

    public var description: String {
        fields.map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }
}

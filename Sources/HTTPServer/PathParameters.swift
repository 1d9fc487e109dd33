/// Decoded values of the `:name` (and `*name`) segments of a matched pattern.
public struct PathParameters: Sendable {
    private var values: [(name: String, value: String)]

    public init(_ values: [(String, String)] = []) {
        self.values = values.map { (name: $0.0, value: $0.1) }
    }

    /// The decoded value of parameter `name`.
    public subscript(name: String) -> String? {
        for v in values where v.name == name { return v.value }
        return nil
    }

    /// The value of `name` converted to an integer, or nil.
    public func int(_ name: String) -> Int? { self[name].flatMap { Int($0) } }
}

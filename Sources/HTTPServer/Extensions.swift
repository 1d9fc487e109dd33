/// A key for `Extensions`; the type itself is the key.
///
///     enum RequestIDKey: ExtensionKey { typealias Value = String }
///     request.extensions[RequestIDKey.self] = "abc"
public protocol ExtensionKey {
    associatedtype Value: Sendable
}

/// Typed storage middleware uses to pass values along with a request (request id, session, user…).
public struct Extensions: Sendable {
    private var storage: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    /// The value stored for `key`, or nil.
    public subscript<K: ExtensionKey>(key: K.Type) -> K.Value? {
        get { storage[ObjectIdentifier(key)] as? K.Value }
        set { storage[ObjectIdentifier(key)] = newValue }
    }
}

import CSodium

/// Process-wide libsodium initialisation.
///
/// Every type in this module that calls libsodium calls `Sodium.initialize()` first,
/// so callers normally never need to; calling it at start-up makes failures surface early.
public enum Sodium {
    /// Result of the one and only `sodium_init()` call. Swift runs a `static let`
    /// initialiser exactly once, thread-safely (via `swift_once`).
    private static let initResult: Int32 = sodium_init()

    /// Initialises libsodium once (thread-safe, idempotent).
    /// - Returns: `true` when libsodium is usable. `sodium_init()` returns 0 on the
    ///   first call and 1 when already initialised; only a negative value is a failure.
    @discardableResult
    public static func initialize() -> Bool {
        initResult >= 0
    }
}

/// The outside world the application talks to, as values: live ones for `serve`, controllable
/// ones for tests (a hand-moved clock, a cheap password hash, captured logs).
public struct Dependencies: Sendable {
    public var clock: Clock
    public var logSink: LogSink
    /// nil: OWASP cost, sized for the configuration's worker threads (`PasswordHasher.init(workers:)`).
    public var passwordHasher: PasswordHasher?

    public init(clock: Clock = .live, logSink: LogSink = .standardOutput, passwordHasher: PasswordHasher? = nil) {
        self.clock = clock
        self.logSink = logSink
        self.passwordHasher = passwordHasher
    }

    public static var live: Dependencies { Dependencies() }
}

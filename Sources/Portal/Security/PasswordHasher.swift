import CSodium
import Foundation

/// Errors from `PasswordHasher`.
public enum PasswordHasherError: Error, Equatable, Sendable {
    /// Too many hash operations are queued; answer the request with 503 and `Retry-After`.
    case overloaded
    /// The password exceeds `PasswordHasher.maxPasswordBytes` UTF-8 bytes after NFKC.
    case passwordTooLong
    /// libsodium could not hash (out of memory).
    case hashingFailed
}

/// Argon2id password hashing (libsodium `crypto_pwhash_str_alg`) at the OWASP
/// parameters m = 19 MiB, t = 2, p = 1, with a shared concurrency limit.
///
/// Create one instance at start-up and share it: the limiter inside it is what keeps
/// a flood of logins from occupying every core. Passwords are normalised to Unicode
/// NFKC before hashing, so the same password typed on different keyboards matches.
public struct PasswordHasher: Sendable {
    /// Argon2id cost parameters.
    public struct Parameters: Sendable, Equatable {
        /// Iterations (argon2 `t`).
        public var opsLimit: UInt64
        /// Memory in bytes (argon2 `m` × 1024).
        public var memLimit: Int

        /// Creates cost parameters.
        public init(opsLimit: UInt64, memLimit: Int) {
            self.opsLimit = opsLimit
            self.memLimit = memLimit
        }

        /// OWASP Password Storage Cheat Sheet: m = 19 MiB, t = 2, p = 1.
        public static let owasp = Parameters(opsLimit: 2, memLimit: 19 * 1024 * 1024)
    }

    /// Longest accepted password in UTF-8 bytes after normalisation.
    public static let maxPasswordBytes = 4096

    /// A valid hash of a fixed random password at `Parameters.owasp`, used by `dummyVerify`.
    static let owaspDummyHash =
        "$argon2id$v=19$m=19456,t=2,p=1$OkiGEDOB+l7/rj/JXzOoog$+KaqiyM3tHscwpPIdp5aqz/p+qPjCvU6B6093+e1IOU"

    /// The cost parameters new hashes are created with.
    public let parameters: Parameters
    /// The limiter every hash and verify passes through.
    public let limiter: ConcurrencyLimiter
    let dummyHash: String

    /// Creates a hasher.
    /// - Parameters:
    ///   - parameters: argon2id cost; defaults to `.owasp`.
    ///   - maxConcurrent: hashes allowed to run at once; defaults to one core fewer than the machine has
    ///     (at least one), so hashing never takes every core.
    ///   - maxQueued: callers allowed to wait; beyond that, `.overloaded` is thrown. Defaults to
    ///     `maxConcurrent`: a waiting caller holds its thread, so the queue stays short.
    public init(
        parameters: Parameters = .owasp,
        maxConcurrent: Int = max(1, ProcessInfo.processInfo.activeProcessorCount - 1),
        maxQueued: Int? = nil
    ) {
        Sodium.initialize()
        self.parameters = parameters
        self.limiter = ConcurrencyLimiter(maxConcurrent: maxConcurrent, maxQueued: maxQueued ?? max(1, maxConcurrent))
        if parameters == .owasp {
            dummyHash = Self.owaspDummyHash
        } else {
            // Non-default cost (tests, tuning): derive a dummy hash with the same cost once.
            dummyHash = (try? Self.computeHash(SecureRandom.token().utf8.map { CChar(bitPattern: $0) }, parameters)) ?? Self.owaspDummyHash
        }
    }

    /// Creates a hasher for a server whose requests run on `workers` threads and hash while they
    /// wait (`hashBlocking`): sized by `limits(workers:cores:)`.
    public init(parameters: Parameters = .owasp, workers: Int) {
        let limits = Self.limits(workers: workers)
        self.init(parameters: parameters, maxConcurrent: limits.maxConcurrent, maxQueued: limits.maxQueued)
    }

    /// Hashes allowed to run and to wait on a server with `workers` request threads and `cores` cores.
    ///
    /// A request that hashes holds its worker thread while it runs or waits, so running plus waiting
    /// stays below the worker count: at least one worker is always free for pages, health checks and
    /// the quick 503 that sheds the excess. At most one core fewer than the machine has hashes at once,
    /// and as many may wait as there are runners, room permitting. The exception is a single worker
    /// (`--threads 1`): it must be allowed to hash, so nothing else is served while it does.
    public static func limits(workers: Int, cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> (maxConcurrent: Int, maxQueued: Int) {
        let spare = max(1, workers - 1)
        let running = max(1, min(cores - 1, spare))
        return (running, max(0, min(running, spare - running)))
    }

    /// Unicode NFKC normalisation applied to every password before hashing or checking.
    public static func normalize(_ password: String) -> String {
        password.precomposedStringWithCompatibilityMapping
    }

    /// Hashes a password; returns a self-describing `$argon2id$…` string to store.
    /// - Throws: `PasswordHasherError`.
    public func hash(_ password: String) async throws -> String {
        let bytes = try Self.prepare(password)
        let parameters = self.parameters
        return try await limited { try Self.computeHash(bytes, parameters) }
    }

    /// Checks a password against a stored hash. Returns `false` for a wrong password
    /// or a malformed hash.
    /// - Throws: `PasswordHasherError.overloaded` only.
    public func verify(_ password: String, against storedHash: String) async throws -> Bool {
        guard let bytes = try? Self.prepare(password) else { return false }
        return try await limited { Self.computeVerify(bytes, storedHash) }
    }

    /// Performs a verification of the same cost as `verify` against a fixed hash and
    /// always returns `false`. Call it when the e-mail address is unknown so that the
    /// response time does not reveal which accounts exist.
    public func dummyVerify(_ password: String) async throws -> Bool {
        let bytes = (try? Self.prepare(password)) ?? []
        let dummyHash = self.dummyHash
        _ = try await limited { Self.computeVerify(bytes, dummyHash) }
        return false
    }

    /// Blocking `hash` for non-async code (CLI tools). Do not call from a Swift task.
    public func hashBlocking(_ password: String) throws -> String {
        let bytes = try Self.prepare(password)
        do {
            return try limiter.runBlocking { try Self.computeHash(bytes, parameters) }
        } catch is ConcurrencyLimiter.Overloaded {
            throw PasswordHasherError.overloaded
        }
    }

    /// Blocking `verify` for non-async code (CLI tools). Do not call from a Swift task.
    public func verifyBlocking(_ password: String, against storedHash: String) throws -> Bool {
        guard let bytes = try? Self.prepare(password) else { return false }
        do {
            return try limiter.runBlocking { Self.computeVerify(bytes, storedHash) }
        } catch is ConcurrencyLimiter.Overloaded {
            throw PasswordHasherError.overloaded
        }
    }

    /// Whether a stored hash was made with other parameters (or another algorithm)
    /// and should be replaced by `hash(password)` after the next successful login.
    /// Malformed hashes also report `true`.
    public func needsRehash(_ storedHash: String) -> Bool {
        guard storedHash.utf8.count < crypto_pwhash_strbytes() else { return true }
        return crypto_pwhash_str_needs_rehash(storedHash, parameters.opsLimit, parameters.memLimit) != 0
    }

    // MARK: - Internals

    private func limited<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        do {
            return try await limiter.run(body)
        } catch is ConcurrencyLimiter.Overloaded {
            throw PasswordHasherError.overloaded
        }
    }

    private static func prepare(_ password: String) throws -> [CChar] {
        let utf8 = normalize(password).utf8
        guard utf8.count <= maxPasswordBytes else { throw PasswordHasherError.passwordTooLong }
        return utf8.map { CChar(bitPattern: $0) }
    }

    private static func computeHash(_ password: [CChar], _ parameters: Parameters) throws -> String {
        var password = password
        defer { sodium_memzero(&password, password.count) }
        var out = [CChar](repeating: 0, count: crypto_pwhash_strbytes())
        let rc = crypto_pwhash_str_alg(
            &out, password, UInt64(password.count),
            parameters.opsLimit, parameters.memLimit, crypto_pwhash_alg_argon2id13())
        guard rc == 0 else { throw PasswordHasherError.hashingFailed }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func computeVerify(_ password: [CChar], _ storedHash: String) -> Bool {
        var password = password
        defer { sodium_memzero(&password, password.count) }
        guard storedHash.utf8.count < crypto_pwhash_strbytes(), !storedHash.utf8.contains(0) else { return false }
        return crypto_pwhash_str_verify(storedHash, password, UInt64(password.count)) == 0
    }
}

extension PasswordHasher {
    /// Blocking `dummyVerify` for the request path (handlers run on the server's worker threads):
    /// the same cost as a real verification, always `false`, so an unknown email answers in the same time.
    public func dummyVerifyBlocking(_ password: String) throws -> Bool {
        _ = try verifyBlocking(password, against: dummyHash)
        return false
    }
}

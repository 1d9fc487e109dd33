import Foundation
import Testing
@testable import Portal

/// Counts how many bodies run at once. @unchecked Sendable: `lock` guards every field.
private final class ConcurrencyProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private(set) var maximum = 0

    func enter() { lock.lock(); current += 1; maximum = max(maximum, current); lock.unlock() }
    func leave() { lock.lock(); current -= 1; lock.unlock() }
    var peak: Int { lock.lock(); defer { lock.unlock() }; return maximum }
}

@Suite("PasswordHasher (argon2id)")
struct PasswordHasherTests {
    let hasher = PasswordHasher()

    @Test("a hash is argon2id at m=19456 KiB, t=2, p=1 and verifies only the right password")
    func hashAndVerify() async throws {
        let hash = try await hasher.hash("tangerine velvet orbit")
        #expect(hash.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(try await hasher.verify("tangerine velvet orbit", against: hash))
        #expect(try await !hasher.verify("tangerine velvet orbiT", against: hash))
        #expect(try await !hasher.verify("tangerine velvet orbit", against: "not a hash"))
        #expect(try await hasher.hash("tangerine velvet orbit") != hash)  // random salt
    }

    @Test("passwords are NFKC-normalised: composed and decomposed or compatibility forms match")
    func nfkcNormalisation() async throws {
        let hash = try await hasher.hash("caf\u{E9} \u{FB01}le cabinet")  // é composed, ﬁ ligature
        #expect(try await hasher.verify("cafe\u{301} file cabinet", against: hash))
        #expect(PasswordHasher.normalize("ｐａｓｓ") == "pass")
    }

    @Test("needsRehash is false for current parameters and true for weaker or malformed hashes")
    func needsRehash() async throws {
        let weak = PasswordHasher(parameters: .init(opsLimit: 1, memLimit: 8 * 1024 * 1024))
        let weakHash = try await weak.hash("tangerine velvet orbit")
        #expect(try await weak.verify("tangerine velvet orbit", against: weakHash))
        #expect(hasher.needsRehash(weakHash))
        #expect(!hasher.needsRehash(PasswordHasher.owaspDummyHash))
        #expect(hasher.needsRehash("$2b$12$abcdefghijklmnopqrstuv"))
    }

    @Test("dummyVerify always fails and runs a verification at the same cost parameters as real hashes")
    func dummyVerifyCostsTheSame() async throws {
        // Same cost by construction: the dummy hash carries the parameters new hashes are made with.
        // (Speed itself is measured in benchmarks, never asserted in a timed test.)
        let hash = try await hasher.hash("tangerine velvet orbit")
        let parameters = { (text: String) in text.split(separator: "$").dropFirst(2).first.map(String.init) }
        #expect(parameters(hasher.dummyHash) == parameters(hash))
        #expect(!hasher.needsRehash(hasher.dummyHash))
        #expect(try await !hasher.dummyVerify("tangerine velvet orbit"))
        #expect(try !hasher.dummyVerifyBlocking("tangerine velvet orbit"))
    }

    @Test("overlong passwords are refused when hashing and never verify")
    func overlongPasswords() async throws {
        let long = String(repeating: "x", count: PasswordHasher.maxPasswordBytes + 1)
        await #expect(throws: PasswordHasherError.passwordTooLong) { try await hasher.hash(long) }
        #expect(try await !hasher.verify(long, against: PasswordHasher.owaspDummyHash))
    }

    @Test("blocking variants hash and verify outside Swift concurrency")
    func blockingVariants() throws {
        let hash = try hasher.hashBlocking("tangerine velvet orbit")
        #expect(try hasher.verifyBlocking("tangerine velvet orbit", against: hash))
        #expect(try !hasher.verifyBlocking("wrong", against: hash))
    }


    @Test("the limiter never runs more bodies at once than its permits")
    func limiterCapsConcurrency() async throws {
        let limiter = ConcurrencyLimiter(maxConcurrent: 2)
        let probe = ConcurrencyProbe()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    try await limiter.run {
                        probe.enter()
                        usleep(30_000)
                        probe.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(probe.peak <= 2)
        #expect(limiter.activeCount == 0)
    }

    @Test("the limiter refuses callers beyond its queue bound with Overloaded")
    func limiterRefusesWhenQueueIsFull() async throws {
        let limiter = ConcurrencyLimiter(maxConcurrent: 1, maxQueued: 1)
        let gate = DispatchSemaphore(value: 0)
        let first = Task { try await limiter.run { gate.wait() } }
        while limiter.activeCount < 1 { try await Task.sleep(nanoseconds: 1_000_000) }
        let second = Task { try await limiter.run { 42 } }
        while limiter.queuedCount < 1 { try await Task.sleep(nanoseconds: 1_000_000) }
        await #expect(throws: ConcurrencyLimiter.Overloaded.self) { try await limiter.run { 0 } }
        gate.signal()
        try await first.value
        #expect(try await second.value == 42)
        #expect(limiter.activeCount == 0 && limiter.queuedCount == 0)
    }

    @Test("by default hashing leaves a core free and keeps a short queue")
    func defaultLimitLeavesACore() {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(hasher.limiter.maxConcurrent == max(1, cores - 1))
        #expect(hasher.limiter.maxQueued == hasher.limiter.maxConcurrent)
        #expect(PasswordHasher(maxConcurrent: 3).limiter.maxConcurrent == 3)
        #expect(PasswordHasher(maxConcurrent: 3, maxQueued: 0).limiter.maxQueued == 0)
    }

    @Test("sized for a server, hashes running and waiting always leave a worker free and a core unused",
          arguments: [1, 2, 3, 4, 8, 16, 64], [1, 2, 4, 8, 32])
    func serverLimits(workers: Int, cores: Int) {
        // MUT
        let limits = PasswordHasher.limits(workers: workers, cores: cores)
        // validate
        #expect(limits.maxConcurrent >= 1)
        #expect(limits.maxConcurrent + limits.maxQueued <= max(1, workers - 1), "a worker is left for everything else")
        #expect(limits.maxConcurrent <= max(1, cores - 1), "a core is left for everything else")
        #expect(limits.maxQueued <= limits.maxConcurrent)
    }

    @Test("the sizes chosen for common servers", arguments: [
        (2, 2, 1, 0), (3, 2, 1, 1), (8, 8, 7, 0), (16, 8, 7, 7), (4, 4, 3, 0), (1, 4, 1, 0),
    ])
    func serverLimitExamples(workers: Int, cores: Int, running: Int, waiting: Int) {
        let limits = PasswordHasher.limits(workers: workers, cores: cores)
        #expect(limits.maxConcurrent == running && limits.maxQueued == waiting)
    }
}

import Dispatch
import Foundation
import Testing
@testable import Portal

extension TestApp {
    /// An app whose hasher runs one hash at a time with no waiting place, once `person` has signed up
    /// and logged in: with that permit held (`occupy`), any request that hashes is answered 503.
    static func withOneHashPermit(signedUp person: Person) throws -> TestApp {
        let app = try TestApp(passwordHasher: TestApp.cheapHasher(maxConcurrent: 1, maxQueued: 0))
        try person.signUpAndLogIn(app)
        return app
    }
}

/// Holds every permit of `limiter` (with no waiting places, any further hash fails as overloaded)
/// until the returned function is called: a request that answers normally meanwhile hashed nothing.
func occupy(_ limiter: ConcurrencyLimiter) throws -> () -> Void {
    let gate = DispatchSemaphore(value: 0)
    let finished = DispatchGroup()
    for _ in 0..<limiter.maxConcurrent {
        DispatchQueue.global().async(group: finished) { _ = try? limiter.runBlocking { gate.wait() } }
    }
    var polls = 0
    while limiter.activeCount < limiter.maxConcurrent, polls < 10_000 {
        usleep(1000)
        polls += 1
    }
    try #require(limiter.activeCount == limiter.maxConcurrent, "the hasher's permits could not be taken")
    return {
        for _ in 0..<limiter.maxConcurrent { gate.signal() }
        finished.wait()
    }
}

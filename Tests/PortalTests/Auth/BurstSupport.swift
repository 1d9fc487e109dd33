import Dispatch
import Foundation
import HTTPServer
import Synchronization
import Testing
@testable import Portal

extension TestApp {
    /// An app whose hasher runs one hash at a time with room for `waiting` more: with that one
    /// permit held (`occupy`), requests that hash wait for it instead of being shed.
    static func withWaitingHasher(_ waiting: Int = 32) throws -> TestApp {
        try TestApp(passwordHasher: TestApp.cheapHasher(maxConcurrent: 1, maxQueued: waiting))
    }
}

/// Sends `count` requests at once, each on its own thread, while the hasher of `app` is held: each
/// request is either answered without hashing or waits for the hasher, and only once every request
/// is one or the other is the hasher let go. So whatever a request read before hashing, it read
/// before any other request of the burst had hashed or written its outcome: the worst case of a
/// real burst, every time.
func burst(_ app: TestApp, count: Int, _ request: @escaping @Sendable (Int) throws -> TestResponse) throws -> [TestResponse] {
    let limiter = app.app.services.hasher.limiter
    try #require(limiter.maxQueued >= count, "every request of the burst must be able to wait for the hasher")
    let release = try occupy(limiter)
    let answers = Mutex<[Int: Result<TestResponse, any Error>]>([:])
    let finished = DispatchGroup()
    for index in 0..<count {
        finished.enter()
        Thread {
            let answer = Result { try request(index) }
            answers.withLock { $0[index] = answer }
            finished.leave()
        }.start()
    }
    var polls = 0
    while answers.withLock({ $0.count }) + limiter.queuedCount < count, polls < 60_000 {   // a safety net of about a minute
        usleep(1000)
        polls += 1
    }
    let gathered = answers.withLock { $0.count } + limiter.queuedCount
    release()
    finished.wait()
    try #require(gathered == count, "every request answered or waiting for the hasher before it was let go")
    return try answers.withLock { answers in try (0..<count).map { try #require(answers[$0]).get() } }
}

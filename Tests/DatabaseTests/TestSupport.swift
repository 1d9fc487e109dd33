import Foundation
@testable import Database

/// A throwaway database in its own temp directory (with a nested, not yet
/// existing folder to exercise parent creation); removed afterwards.
func withTemporaryDatabase<T>(readers: Int = 2, statementCacheSize: Int = 64,
                              _ body: (SQLiteDatabase, String) throws -> T) throws -> T {
    let root = FileManager.default.temporaryDirectory
        .appendingPathComponent("db-tests-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let path = root.appendingPathComponent("nested/test.sqlite").path
    let db = try SQLiteDatabase(path: path, readers: readers, statementCacheSize: statementCacheSize)
    defer { db.close() }
    return try body(db, path)
}

struct TestFailure: Error, Equatable {
    let message: String
    init(_ message: String = "test failure") { self.message = message }
}

/// Runs each closure on its own Thread (real parallelism even on a
/// cooperative pool of 2) and waits for all of them.
func runOnThreadsAndWait(_ jobs: [@Sendable () -> Void], timeout: TimeInterval = 30) -> Bool {
    let group = DispatchGroup()
    for job in jobs {
        group.enter()
        let thread = Thread {
            job()
            group.leave()
        }
        thread.start()
    }
    return group.wait(timeout: .now() + timeout) == .success
}

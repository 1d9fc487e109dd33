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

import Foundation
import Testing
@testable import Database

/// The PostgreSQL server the tests may use, from `HOSTERRA_TEST_POSTGRES_URL`
/// (`eval "$(scripts/pg-test-cluster.sh start)"` starts a throwaway one).
enum PostgreSQLTestServer {
    static let url: String? = ProcessInfo.processInfo.environment["HOSTERRA_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static var isAvailable: Bool { url != nil }
    static let skipReason: Comment =
        "HOSTERRA_TEST_POSTGRES_URL is not set: start a server with `eval \"$(scripts/pg-test-cluster.sh start)\"` to run the PostgreSQL tests"

    /// Runs a statement on the maintenance database, outside a transaction.
    static func admin(_ statement: String) throws {
        guard let url else { throw TestFailure("no PostgreSQL server configured") }
        try PostgreSQLDatabase.executeOutsideTransaction(url: url, statement)
    }

    /// Creates an empty database, hands its URL to `body`, then drops it
    /// (forcibly, in case a test left connections open).
    static func withFreshDatabase<T>(_ body: (String) throws -> T) throws -> T {
        guard let url else { throw TestFailure("no PostgreSQL server configured") }
        let name = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try admin("CREATE DATABASE \(name)")
        defer { try? admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }
        return try body(PostgreSQLURL.replacingDatabase(in: url, with: String(name)))
    }

    /// A pool on a fresh database, closed and dropped afterwards.
    static func withTemporaryDatabase<T>(poolSize: Int = 2, serializeWrites: Bool = true,
                                         _ body: (PostgreSQLDatabase, String) throws -> T) throws -> T {
        try withFreshDatabase { url in
            let db = try PostgreSQLDatabase(url: url, poolSize: poolSize, serializeWrites: serializeWrites)
            defer { db.close() }
            return try body(db, url)
        }
    }

    /// Kills the server processes behind every connection to `url`'s
    /// database — what a server restart or a network cut does to a pool.
    /// Works from the maintenance database, so it also works while `url`'s
    /// database refuses connections.
    static func terminateBackends(of url: String) throws -> Int {
        guard let server = self.url else { throw TestFailure("no PostgreSQL server configured") }
        let name = databaseName(url)
        let observer = try PostgreSQLDatabase(url: server, poolSize: 1, serializeWrites: false)
        defer { observer.close() }
        return try observer.write { db in
            try db.queryFirst(Int.self, """
                SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity
                WHERE datname = \(name) AND pid <> pg_backend_pid()
                """) ?? 0
        }
    }

    static func databaseName(_ url: String) -> String {
        let path = url.split(separator: "/").last.map(String.init) ?? ""
        return String(path.prefix { $0 != "?" })
    }
}

/// The engines the shared cases run against: SQLite always, PostgreSQL when
/// a server is configured.
enum TestEngine: String, Sendable, CustomTestStringConvertible {
    case sqlite, postgresql

    static var available: [TestEngine] {
        PostgreSQLTestServer.isAvailable ? [.sqlite, .postgresql] : [.sqlite]
    }

    var testDescription: String { rawValue }

    /// A fresh, empty database on this engine with a pool of `readers`.
    func withDatabase<T>(readers: Int = 2, _ body: (any Database) throws -> T) throws -> T {
        switch self {
        case .sqlite:
            return try withTemporaryDatabase(readers: readers) { db, _ in try body(db) }
        case .postgresql:
            return try PostgreSQLTestServer.withTemporaryDatabase(poolSize: readers) { db, _ in try body(db) }
        }
    }
}

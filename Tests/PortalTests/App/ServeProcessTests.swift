import Database
import Foundation
import Testing
@testable import Portal

/// `hosterra serve` as a real process on a real socket, driven with curl.
@Suite("hosterra serve over a real socket", .serialized)
struct ServeProcessTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static var binary: String { packageRoot + "/.build/debug/hosterra" }

    final class Server {
        let process = Process()
        let output = Pipe()
        let directory = NSTemporaryDirectory() + "hosterra-serve-" + UUID().uuidString
        var port: UInt16 = 0
        private var logged = ""

        init() throws {
            process.executableURL = URL(fileURLWithPath: ServeProcessTests.binary)
            process.arguments = ["serve", "--port", "0", "--data-dir", directory, "--max-body-bytes", "4096"]
            process.standardOutput = output
            process.standardError = output
            try process.run()
            let deadline = Date().addingTimeInterval(15)
            while port == 0, Date() < deadline {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                logged += String(decoding: chunk, as: UTF8.self)
                if let range = logged.range(of: #"http://127\.0\.0\.1:(\d+)"#, options: .regularExpression) {
                    port = UInt16(logged[range].split(separator: ":").last ?? "") ?? 0
                }
            }
        }

        var base: String { "http://127.0.0.1:\(port)" }

        /// Stops with SIGTERM and returns the exit status and everything logged.
        func terminate() -> (Int32, String) {
            process.terminate()
            process.waitUntilExit()
            logged += String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            try? FileManager.default.removeItem(atPath: directory)
            return (process.terminationStatus, logged)
        }
    }

    /// Runs curl and returns (status code, headers + body).
    static func curl(_ arguments: [String]) throws -> (Int, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "-i", "--max-time", "10", "-w", "\n%{http_code}"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let code = Int(text.split(separator: "\n").last ?? "") ?? 0
        return (code, text)
    }

    @Test("serves pages with their headers, answers bad input clearly and stops cleanly on SIGTERM")
    func serveAndStop() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the hosterra binary first (swift build)")
        // setup
        let server = try Server()
        try #require(server.port != 0)
        // MUT + validate: a page through the whole stack
        let (loginStatus, login) = try Self.curl([server.base + "/login"])
        #expect(loginStatus == 200)
        #expect(login.contains("Content-Security-Policy: default-src 'self'"))
        #expect(login.contains("<h1>Log in</h1>"))
        // Oversized headers: 431, and the server still answers afterwards.
        let (bigHeaderStatus, _) = try Self.curl(["-H", "X-Filler: " + String(repeating: "a", count: 20_000), server.base + "/login"])
        #expect(bigHeaderStatus == 431)
        // Oversized body: the panel's own 413 page.
        let (bigBodyStatus, bigBody) = try Self.curl(["--data-binary", "email=" + String(repeating: "b", count: 10_000), server.base + "/login"])
        #expect(bigBodyStatus == 413)
        #expect(bigBody.contains("too large"))
        // A form without its CSRF token: 403 page.
        let (csrfStatus, _) = try Self.curl(["--data", "email=a%40example.com&password=x", server.base + "/login"])
        #expect(csrfStatus == 403)
        let (healthStatus, _) = try Self.curl([server.base + "/healthz"])
        #expect(healthStatus == 200)
        // Graceful stop.
        let (status, log) = server.terminate()
        #expect(status == 0)
        #expect(log.contains("\"msg\":\"shutting down\""))
        #expect(log.contains("\"msg\":\"stopped\""))
        #expect(log.contains("\"route\":\"login\",\"status\":200"))
    }

    @Test("a migration failing halfway is rolled back whole and the server refuses to start, saying why")
    func failingMigrationRefusesToStart() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "build the hosterra binary first (swift build)")
        // setup: a database at version 2 holding a table that migration 3 also creates, after two others.
        let directory = NSTemporaryDirectory() + "hosterra-badmigration-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try SQLiteDatabase(path: directory + "/hosterra.sqlite3")
        try Migrator(Array(Schema.migrations.prefix(2))).migrate(database)
        try database.write { db in try db.executeScript("CREATE TABLE contacts (id INTEGER PRIMARY KEY)") }
        database.close()
        // MUT
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["serve", "--port", "0", "--data-dir", directory]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        // validate
        #expect(process.terminationStatus == 1)
        #expect(message.contains("cannot start"))
        #expect(message.contains("migration 3"))
        let reopened = try SQLiteDatabase(path: directory + "/hosterra.sqlite3")
        defer { reopened.close() }
        let tables = try reopened.read { db in try db.query(String.self, "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('invitations', 'audit_events')") }
        #expect(tables.isEmpty, "the statements before the failing one were rolled back too")
        #expect(try Schema.migrator.appliedVersions(reopened) == [1, 2])
    }
}

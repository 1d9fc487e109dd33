import Database
import Foundation

/// Opens the database named by HOSTERRA_DATABASE_URL: `sqlite:PATH` or `postgres://user:pass@host:port/db`.
enum DatabaseFactory {
    static func open(url: String, readers: Int) throws -> any Database {
        if url.hasPrefix("sqlite:") {
            var path = String(url.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path = String(path.dropFirst(2)) }
            guard !path.isEmpty else { throw ConfigurationError.invalid("the sqlite: database URL needs a file path") }
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            }
            return try SQLiteDatabase(path: path, readers: readers)
        }
        if PostgreSQLURL.isPostgreSQL(url) {
            return try PostgreSQLDatabase(url: url, poolSize: readers)
        }
        throw ConfigurationError.invalid("unknown database URL \(PostgreSQLURL.redacted(url)); expected sqlite:PATH or postgres://…")
    }
}

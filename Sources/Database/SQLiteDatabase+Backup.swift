import CSQLite
import Foundation

extension SQLiteDatabase {
    /// Copies the live database to `destination` with SQLite's online backup API: a consistent
    /// snapshot taken while readers and the writer keep working. An existing file is replaced.
    public func backup(to destination: String) throws {
        try Self.backup(from: path, to: destination)
    }

    /// The online backup of the database file at `source` (see `backup(to:)`).
    public static func backup(from source: String, to destination: String) throws {
        let temporary = destination + ".partial"
        try? FileManager.default.removeItem(atPath: temporary)
        var from: OpaquePointer?
        var to: OpaquePointer?
        defer {
            sqlite3_close_v2(from)
            sqlite3_close_v2(to)
        }
        guard sqlite3_open_v2(source, &from, SQLITE_OPEN_READONLY, nil) == SQLITE_OK, let from else {
            throw DatabaseError.connectionFailed("cannot open \(source) for backup")
        }
        guard sqlite3_open_v2(temporary, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil) == SQLITE_OK, let target = to else {
            throw DatabaseError.connectionFailed("cannot create \(temporary)")
        }
        guard let backup = sqlite3_backup_init(target, "main", from, "main") else {
            throw DatabaseError.sql(code: sqlite3_errcode(target), message: String(cString: sqlite3_errmsg(target)), statement: "backup")
        }
        var rc: Int32
        repeat {
            // Pages in small steps so the writer is never held up for long.
            rc = sqlite3_backup_step(backup, 256)
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { usleep(5_000) }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        let finish = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE, finish == SQLITE_OK else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw DatabaseError.sql(code: rc, message: String(cString: sqlite3_errmsg(target)), statement: "backup")
        }
        sqlite3_close_v2(to)
        to = nil
        if FileManager.default.fileExists(atPath: destination) {
            try FileManager.default.removeItem(atPath: destination)
        }
        try FileManager.default.moveItem(atPath: temporary, toPath: destination)
    }
}

import CSQLite
import Foundation

/// One SQLite connection (`sqlite3*`) opened with `SQLITE_OPEN_NOMUTEX`.
///
/// Not thread-safe by design: `SQLiteDatabase` lends each connection to one
/// thread at a time (through its `ConnectionPool`, under the pool's
/// condition lock), which is why SQLite's own mutexes are turned off.
final class SQLiteConnection: DatabaseConnection {
    private var handle: OpaquePointer?
    private let cache: SQLiteStatementCache
    private let stats: StatisticsRecorder
    /// Depth of nested `write`s (savepoints); touched only by the writer's owner thread.
    var savepointDepth = 0

    let dialect: SQLDialect = .sqlite

    /// Opens and configures a connection.
    init(path: String, readOnly: Bool, busyTimeoutMilliseconds: Int,
         statementCacheSize: Int, stats: StatisticsRecorder) throws {
        self.cache = SQLiteStatementCache(capacity: statementCacheSize)
        self.stats = stats
        var db: OpaquePointer?
        let flags = (readOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE))
            | SQLITE_OPEN_NOMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            // SQLite may allocate a handle even when opening fails.
            sqlite3_close_v2(db)
            throw DatabaseError.connectionFailed("\(path): \(message)")
        }
        handle = db
        sqlite3_extended_result_codes(db, 1)
        let timeout = Int32(clamping: max(0, busyTimeoutMilliseconds))
        sqlite3_busy_timeout(db, timeout)
        do {
            // synchronous=NORMAL is durable enough in WAL mode (only the last
            // transactions may roll back after power loss, never corruption).
            try executeScript("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = \(timeout);")
        } catch {
            close()
            throw DatabaseError.connectionFailed("\(path): \(error)")
        }
    }

    deinit { close() }

    var isClosed: Bool { handle == nil }

    /// Finalizes cached statements and closes the handle. Idempotent.
    func close() {
        guard let db = handle else { return }
        cache.removeAll()
        sqlite3_close_v2(db)
        handle = nil
    }

    /// Whether the connection is inside a transaction.
    var inTransaction: Bool {
        guard let db = handle else { return false }
        return sqlite3_get_autocommit(db) == 0
    }

    // MARK: DatabaseConnection

    @discardableResult
    func execute(_ sql: SQL) throws -> Int {
        var changes = 0
        try run(sql) { statement, db in
            while true {
                let rc = sqlite3_step(statement)
                if rc == SQLITE_DONE { break }
                if rc != SQLITE_ROW { throw SQLiteErrors.map(rc, db: db, statement: sqlite3_sql(statement)) }
            }
            // sqlite3_changes reports the last DML even for a SELECT, so only
            // trust it for statements that can write.
            if sqlite3_stmt_readonly(statement) == 0 {
                changes = Int(sqlite3_changes64(db))
            }
        }
        return changes
    }

    func query(_ sql: SQL) throws -> [Row] {
        try collect(sql, limit: nil)
    }

    func queryFirst(_ sql: SQL) throws -> Row? {
        try collect(sql, limit: 1).first
    }

    func executeScript(_ text: String) throws {
        guard let db = handle else { throw DatabaseError.closed }
        stats.withLock { $0.queries += 1 }
        var errorMessage: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(db, text, nil, nil, &errorMessage)
        let message = errorMessage.map { String(cString: $0) }
        sqlite3_free(errorMessage)
        if rc != SQLITE_OK {
            stats.withLock { $0.failedQueries += 1 }
            throw SQLiteErrors.map(rc, db: db, message: message, statement: text)
        }
    }

    // MARK: Statement execution

    /// Steps a statement, collecting up to `limit` rows. A RETURNING
    /// statement is still stepped to completion after the limit so its
    /// writes all happen.
    private func collect(_ sql: SQL, limit: Int?) throws -> [Row] {
        var rows: [Row] = []
        try run(sql) { statement, db in
            let count = sqlite3_column_count(statement)
            let columns = (0..<count).map { String(cString: sqlite3_column_name(statement, $0)) }
            let index = ColumnIndex(columns)
            let readOnly = sqlite3_stmt_readonly(statement) != 0
            while true {
                let rc = sqlite3_step(statement)
                if rc == SQLITE_DONE { break }
                guard rc == SQLITE_ROW else { throw SQLiteErrors.map(rc, db: db, statement: sqlite3_sql(statement)) }
                if let limit, rows.count >= limit {
                    if readOnly { break } else { continue }
                }
                var values: [SQLValue] = []
                values.reserveCapacity(Int(count))
                for i in 0..<count { values.append(Self.columnValue(statement, i)) }
                rows.append(Row(columns: columns, values: values, index: index))
            }
        }
        return rows
    }

    /// Prepares (or reuses) the statement, binds, runs `body`, then resets
    /// and clears bindings so the cached statement holds no locks or data.
    private func run(_ sql: SQL, _ body: (OpaquePointer, OpaquePointer) throws -> Void) throws {
        guard let db = handle else { throw DatabaseError.closed }
        let (text, bindings) = sql.rendered(for: .sqlite)
        stats.withLock { $0.queries += 1 }
        do {
            guard let (statement, cached) = try prepare(text, db: db) else {
                return // only whitespace/comments: nothing to run
            }
            defer {
                if cached {
                    sqlite3_reset(statement)
                    sqlite3_clear_bindings(statement)
                } else {
                    sqlite3_finalize(statement)
                }
            }
            try bind(bindings, to: statement, db: db, text: text)
            try body(statement, db)
        } catch {
            stats.withLock { $0.failedQueries += 1 }
            throw error
        }
    }

    private func prepare(_ text: String, db: OpaquePointer) throws -> (OpaquePointer, Bool)? {
        if let statement = cache.statement(for: text) {
            stats.withLock { $0.statementCacheHits += 1 }
            return (statement, true)
        }
        stats.withLock { $0.statementCacheMisses += 1 }
        var statement: OpaquePointer?
        var trailing = false
        let rc = text.withCString { cText -> Int32 in
            var tail: UnsafePointer<CChar>?
            let rc = sqlite3_prepare_v3(db, cText, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, &tail)
            if rc == SQLITE_OK, let tail, tail.pointee != 0 {
                // Anything after the first statement would be silently ignored;
                // refuse unless it is only whitespace/comments.
                var extra: OpaquePointer?
                if sqlite3_prepare_v2(db, tail, -1, &extra, nil) != SQLITE_OK || extra != nil { trailing = true }
                sqlite3_finalize(extra)
            }
            return rc
        }
        guard rc == SQLITE_OK else { throw SQLiteErrors.map(rc, db: db, statement: text) }
        guard let statement else { return nil }
        if trailing {
            sqlite3_finalize(statement)
            throw DatabaseError.sql(code: SQLITE_MISUSE, message: "multiple statements in one SQL value; use executeScript", statement: text)
        }
        let cached = cache.insert(statement, for: text)
        return (statement, cached)
    }

    private func bind(_ values: [SQLValue], to statement: OpaquePointer, db: OpaquePointer, text: String) throws {
        let expected = Int(sqlite3_bind_parameter_count(statement))
        guard expected == values.count else {
            throw DatabaseError.sql(code: SQLITE_RANGE,
                                    message: "statement has \(expected) placeholders but \(values.count) values were bound (placeholders in raw text?)",
                                    statement: text)
        }
        for (offset, value) in values.enumerated() {
            let i = Int32(offset + 1)
            let rc: Int32
            switch value {
            case .null:
                rc = sqlite3_bind_null(statement, i)
            case .integer(let v):
                rc = sqlite3_bind_int64(statement, i, v)
            case .double(let v):
                rc = sqlite3_bind_double(statement, i, v)
            case .text(let s):
                var s = s
                rc = s.withUTF8 { buffer in
                    buffer.withMemoryRebound(to: CChar.self) {
                        csqlite_bind_text(statement, i, $0.baseAddress, UInt64($0.count))
                    }
                }
            case .blob(let bytes):
                rc = bytes.withUnsafeBytes {
                    csqlite_bind_blob(statement, i, $0.baseAddress, UInt64($0.count))
                }
            }
            if rc != SQLITE_OK { throw SQLiteErrors.map(rc, db: db, statement: text) }
        }
    }

    /// Reads a column using its actual storage class (not the declared type).
    private static func columnValue(_ statement: OpaquePointer, _ i: Int32) -> SQLValue {
        switch sqlite3_column_type(statement, i) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(statement, i))
        case SQLITE_FLOAT:
            return .double(sqlite3_column_double(statement, i))
        case SQLITE_TEXT:
            // Byte count, not strlen: text may legally contain NUL.
            guard let p = sqlite3_column_text(statement, i) else { return .text("") }
            let n = Int(sqlite3_column_bytes(statement, i))
            return .text(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self))
        case SQLITE_BLOB:
            // A zero-length blob comes back as a NULL pointer.
            guard let p = sqlite3_column_blob(statement, i) else { return .blob([]) }
            let n = Int(sqlite3_column_bytes(statement, i))
            return .blob(Array(UnsafeRawBufferPointer(start: p, count: n)))
        default:
            return .null
        }
    }
}

/// SQLite result code → `DatabaseError`.
enum SQLiteErrors {
    // Extended codes spelled out: Swift doesn't reliably import the
    // composite `(SQLITE_CONSTRAINT | (n<<8))` macros.
    static let constraintCheck: Int32 = 275
    static let constraintForeignKey: Int32 = 787
    static let constraintNotNull: Int32 = 1299
    static let constraintPrimaryKey: Int32 = 1555
    static let constraintUnique: Int32 = 2067

    static func map(_ rc: Int32, db: OpaquePointer, message: String? = nil,
                    statement: UnsafePointer<CChar>?) -> DatabaseError {
        map(rc, db: db, message: message, statement: statement.map { String(cString: $0) } ?? "")
    }

    static func map(_ rc: Int32, db: OpaquePointer, message: String? = nil, statement: String) -> DatabaseError {
        // The connection's extended code is more precise than a primary code
        // returned by sqlite3_exec or sqlite3_reset.
        let extended = sqlite3_extended_errcode(db)
        let code = (extended & 0xFF) == (rc & 0xFF) ? extended : rc
        let text = message ?? String(cString: sqlite3_errmsg(db))
        switch code & 0xFF {
        case SQLITE_BUSY, SQLITE_LOCKED:
            return .busy(text)
        case SQLITE_CONSTRAINT:
            switch code {
            case constraintUnique, constraintPrimaryKey: return .constraintViolation(.unique, text)
            case constraintForeignKey: return .constraintViolation(.foreignKey, text)
            case constraintNotNull: return .constraintViolation(.notNull, text)
            case constraintCheck: return .constraintViolation(.check, text)
            default: return .constraintViolation(.other, text)
            }
        default:
            return .sql(code: code, message: text, statement: statement)
        }
    }
}

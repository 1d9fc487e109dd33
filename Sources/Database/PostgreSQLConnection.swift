import CLibPQ
import Foundation

/// One libpq connection (`PGconn*`) with its prepared-statement cache.
///
/// Not thread-safe by design: `PostgreSQLDatabase` lends each connection to
/// one thread at a time (through its `ConnectionPool`, under the pool's
/// condition lock), and libpq allows different connections on different threads.
final class PostgreSQLConnection: DatabaseConnection {
    private var handle: OpaquePointer?
    private let stats: StatisticsRecorder
    private let schemaGeneration: Locked<UInt64>
    private var cache: PostgreSQLStatementCache
    /// The schema generation the cached statements were prepared under.
    private var preparedGeneration: UInt64
    /// Set when the server went away; the pool discards the connection.
    private(set) var isBroken = false
    /// Depth of nested `write`s (savepoints); touched only by the writer's owner thread.
    var savepointDepth = 0

    let dialect: SQLDialect = .postgresql

    /// Connects. `parameters` are libpq keyword/value pairs; a `dbname`
    /// holding a URL is expanded (later pairs override earlier ones).
    init(parameters: [(String, String)], statementCacheSize: Int,
         stats: StatisticsRecorder, schemaGeneration: Locked<UInt64>) throws {
        self.stats = stats
        self.schemaGeneration = schemaGeneration
        self.cache = PostgreSQLStatementCache(capacity: statementCacheSize)
        self.preparedGeneration = schemaGeneration.withLock { $0 }
        let conn = Self.connect(parameters)
        guard let conn, PQstatus(conn) == CONNECTION_OK else {
            let message = conn.map { Self.errorMessage($0) } ?? "out of memory"
            PQfinish(conn)
            throw DatabaseError.connectionFailed("cannot connect to PostgreSQL: \(message)")
        }
        clibpq_silence_notices(conn)
        guard PQserverVersion(conn) >= 120_000 else {
            let version = PQserverVersion(conn)
            PQfinish(conn)
            throw DatabaseError.connectionFailed("PostgreSQL 12 or newer is required (server is \(version / 10000))")
        }
        handle = conn
    }

    deinit { close() }

    private static func connect(_ parameters: [(String, String)]) -> OpaquePointer? {
        // strdup'ed C strings, NULL-terminated arrays as libpq wants them.
        let keys = parameters.map { strdup($0.0) } + [nil]
        let values = parameters.map { strdup($0.1) } + [nil]
        defer {
            keys.forEach { free($0) }
            values.forEach { free($0) }
        }
        return keys.map { UnsafePointer($0) }.withUnsafeBufferPointer { k in
            values.map { UnsafePointer($0) }.withUnsafeBufferPointer { v in
                PQconnectdbParams(k.baseAddress, v.baseAddress, 1)
            }
        }
    }

    var isClosed: Bool { handle == nil }

    /// Disconnects (the server rolls back anything uncommitted). Idempotent.
    func close() {
        guard let conn = handle else { return }
        PQfinish(conn)
        handle = nil
    }

    /// The server's view of the transaction on this connection.
    var transactionStatus: PGTransactionStatusType {
        guard let conn = handle else { return PQTRANS_UNKNOWN }
        return PQtransactionStatus(conn)
    }

    /// Whether an idle pooled connection can still be used. An idle
    /// connection has nothing to read, so a readable socket means the server
    /// closed it (restart, `pg_terminate_backend`, idle timeout) or sent a
    /// notice; consuming the input tells which without a round trip.
    func isUsable() -> Bool {
        guard let conn = handle, !isBroken, PQstatus(conn) == CONNECTION_OK else { return false }
        var descriptor = pollfd(fd: PQsocket(conn), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, 0)
        if ready < 0 { return false }
        if ready > 0 {
            if PQconsumeInput(conn) == 0 || PQstatus(conn) != CONNECTION_OK { return false }
        }
        return PQtransactionStatus(conn) == PQTRANS_IDLE
    }

    /// Drops prepared statements made before the last migration, whose
    /// plans may still name the old result columns.
    func refreshIfSchemaChanged() {
        let current = schemaGeneration.withLock { $0 }
        guard current != preparedGeneration, handle != nil, !cache.isEmpty else {
            preparedGeneration = current
            return
        }
        cache.removeAll()
        _ = try? command("DEALLOCATE ALL")
        preparedGeneration = current
    }

    // MARK: DatabaseConnection

    @discardableResult
    func execute(_ sql: SQL) throws -> Int {
        let result = try run(sql)
        defer { PQclear(result) }
        // PQcmdTuples counts rows for SELECT too; SQLite reports 0 there.
        let status = String(cString: PQcmdStatus(result))
        if status.hasPrefix("SELECT") { return 0 }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    func query(_ sql: SQL) throws -> [Row] {
        let result = try run(sql)
        defer { PQclear(result) }
        return Self.rows(of: result)
    }

    func executeScript(_ text: String) throws {
        try command(text)
        // Other connections' cached statements may now describe old columns.
        let generation = schemaGeneration.withLock { value -> UInt64 in
            value &+= 1
            return value
        }
        cache.removeAll()
        _ = try? command("DEALLOCATE ALL")
        preparedGeneration = generation
    }

    /// Runs unparameterized text (several statements allowed) with the
    /// simple-query protocol; returns the last command's status tag.
    @discardableResult
    func command(_ text: String) throws -> String {
        guard let conn = handle else { throw DatabaseError.closed }
        stats.withLock { $0.queries += 1 }
        let result = PQexec(conn, text)
        defer { PQclear(result) }
        do {
            try check(result, statement: text)
        } catch {
            stats.withLock { $0.failedQueries += 1 }
            throw error
        }
        return result.map { String(cString: PQcmdStatus($0)) } ?? ""
    }

    // MARK: Statement execution

    /// Prepares (once per SQL text and parameter types) and executes.
    /// Returns a successful result the caller must `PQclear`.
    private func run(_ sql: SQL) throws -> OpaquePointer {
        guard let conn = handle else { throw DatabaseError.closed }
        let (text, bindings) = sql.rendered(for: .postgresql)
        stats.withLock { $0.queries += 1 }
        do {
            let parameters = try PostgreSQLParameters(bindings, statement: text)
            let key = PostgreSQLStatementCache.key(text, parameters.types)
            let name: String
            if let cached = cache.name(for: key) {
                stats.withLock { $0.statementCacheHits += 1 }
                name = cached
            } else {
                stats.withLock { $0.statementCacheMisses += 1 }
                let (newName, evicted) = cache.reserve(key)
                if let evicted { _ = try? command("DEALLOCATE \(evicted)") }
                let prepared = parameters.types.withUnsafeBufferPointer {
                    PQprepare(conn, newName, text, parameters.count, $0.baseAddress)
                }
                defer { PQclear(prepared) }
                do {
                    try check(prepared, statement: text)
                } catch {
                    cache.remove(key)
                    throw error
                }
                name = newName
            }
            let result = parameters.values.withUnsafeBufferPointer { values in
                parameters.lengths.withUnsafeBufferPointer { lengths in
                    parameters.formats.withUnsafeBufferPointer { formats in
                        PQexecPrepared(conn, name, parameters.count, values.baseAddress,
                                       lengths.baseAddress, formats.baseAddress, 0)
                    }
                }
            }
            do {
                try check(result, statement: text)
            } catch {
                PQclear(result)
                if Self.sqlState(result) == "0A000" {
                    // "cached plan must not change result type": the table
                    // changed under this statement (e.g. another instance
                    // migrated); prepare afresh next time.
                    cache.remove(key)
                    _ = try? command("DEALLOCATE \(name)")
                }
                throw error
            }
            guard let result else { throw DatabaseError.connectionFailed("no result from PostgreSQL") }
            return result
        } catch {
            stats.withLock { $0.failedQueries += 1 }
            throw error
        }
    }

    /// Throws the mapped error unless `result` succeeded; marks the
    /// connection broken when the server is gone.
    private func check(_ result: OpaquePointer?, statement: String) throws {
        let status = result.map(PQresultStatus) ?? PGRES_FATAL_ERROR
        switch status {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            return
        default:
            guard let conn = handle else { throw DatabaseError.closed }
            let error = PostgreSQLErrors.map(result: result, conn: conn, statement: statement)
            if case .connectionFailed = error { isBroken = true }
            throw error
        }
    }

    private static func rows(of result: OpaquePointer) -> [Row] {
        let rowCount = PQntuples(result)
        let columnCount = PQnfields(result)
        guard columnCount > 0 else { return [] }
        let columns = (0..<columnCount).map { String(cString: PQfname(result, $0)) }
        let types = (0..<columnCount).map { PQftype(result, $0) }
        let index = ColumnIndex(columns)
        var rows: [Row] = []
        rows.reserveCapacity(Int(rowCount))
        for r in 0..<rowCount {
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columnCount))
            for c in 0..<columnCount {
                if PQgetisnull(result, r, c) != 0 {
                    values.append(.null)
                    continue
                }
                let length = Int(PQgetlength(result, r, c))
                let value = PQgetvalue(result, r, c).withMemoryRebound(to: UInt8.self, capacity: length) {
                    PostgreSQLValues.value(UnsafeBufferPointer(start: $0, count: length), type: types[Int(c)])
                }
                values.append(value)
            }
            rows.append(Row(columns: columns, values: values, index: index))
        }
        return rows
    }

    static func sqlState(_ result: OpaquePointer?) -> String? {
        guard let result, let field = PQresultErrorField(result, clibpq_diag_sqlstate) else { return nil }
        return String(cString: field)
    }

    /// libpq's message on one line (it spreads hints over several), for log lines.
    static func errorMessage(_ conn: OpaquePointer) -> String {
        String(cString: PQerrorMessage(conn))
            .split(whereSeparator: { $0 == "\n" || $0 == "\t" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
            .joined(separator: " ")
    }
}

/// SQLSTATE → `DatabaseError`.
enum PostgreSQLErrors {
    /// Packs a five-character SQLSTATE into an Int32 the way PostgreSQL's
    /// own `MAKE_SQLSTATE` does (6 bits per character), for `DatabaseError.sql(code:)`.
    static func code(_ sqlState: String) -> Int32 {
        var code: Int32 = 0
        for (i, c) in sqlState.utf8.prefix(5).enumerated() {
            code |= Int32((c &- UInt8(ascii: "0")) & 0x3F) << (6 * i)
        }
        return code
    }

    static func map(result: OpaquePointer?, conn: OpaquePointer, statement: String) -> DatabaseError {
        let state = PostgreSQLConnection.sqlState(result)
        // The primary message only: DETAIL would repeat row values
        // ("Key (email)=(…) already exists"), which must not reach logs.
        let primary = result.flatMap { PQresultErrorField($0, clibpq_diag_message_primary) }.map { String(cString: $0) }
        let message = primary ?? PostgreSQLConnection.errorMessage(conn)
        if PQstatus(conn) != CONNECTION_OK || state == nil && result == nil
            || state?.hasPrefix("08") == true || ["57P01", "57P02", "57P03"].contains(state ?? "") {
            return .connectionFailed("lost the connection to PostgreSQL: \(message.isEmpty ? "server closed the connection" : message)")
        }
        switch state {
        case "23505": return .constraintViolation(.unique, message)
        case "23503": return .constraintViolation(.foreignKey, message)
        case "23502": return .constraintViolation(.notNull, message)
        case "23514": return .constraintViolation(.check, message)
        case let s? where s.hasPrefix("23"): return .constraintViolation(.other, message)
        case "40001", "40P01", "55P03": return .busy(message)
        default:
            return .sql(code: code(state ?? "XX000"), message: "\(message) (SQLSTATE \(state ?? "none"))", statement: statement)
        }
    }
}

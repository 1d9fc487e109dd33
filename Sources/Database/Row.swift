import Synchronization
/// One result row: column names and values in select order.
///
/// Column lookup by name is case-insensitive. Rows are plain values and safe
/// to keep after the connection is returned.
public struct Row: Sendable {
    /// Column names in result order.
    public let columns: [String]
    /// Values, parallel to `columns`.
    public let values: [SQLValue]
    /// Lower-cased name → first index; shared by all rows of one result.
    let index: ColumnIndex

    /// Creates a row (drivers and tests).
    public init(columns: [String], values: [SQLValue]) {
        self.init(columns: columns, values: values, index: ColumnIndex(columns))
    }

    init(columns: [String], values: [SQLValue], index: ColumnIndex) {
        self.columns = columns
        self.values = values
        self.index = index
    }

    /// The raw value of a column, or `nil` if there is no such column.
    public subscript(column: String) -> SQLValue? {
        index.position(of: column).map { values[$0] }
    }

    /// Decodes a column by name (case-insensitive).
    ///
    /// - Throws: `DatabaseError.columnNotFound` or `DatabaseError.decoding`.
    public func get<T: SQLDecodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        guard let position = index.position(of: column) else {
            throw DatabaseError.columnNotFound(column)
        }
        return try Row.convert(values[position], column: columns[position], as: T.self)
    }

    /// Decodes a column by zero-based position.
    ///
    /// - Throws: `DatabaseError.columnNotFound` (`#n`) or `DatabaseError.decoding`.
    public func get<T: SQLDecodable>(_ index: Int, as type: T.Type = T.self) throws -> T {
        guard values.indices.contains(index) else {
            throw DatabaseError.columnNotFound("#\(index)")
        }
        return try Row.convert(values[index], column: columns[index], as: T.self)
    }

    /// Decodes the row into a `Decodable` type.
    ///
    /// Properties map to columns by name, trying the property name first and
    /// then its snake_case form (`createdAt` ↔ `created_at`). Supported
    /// property types: every `SQLDecodable` (Int, Int64, Int32, Bool, Double,
    /// String, [UInt8], Data, Date, UUID, Optionals), other integer widths,
    /// Float, and `RawRepresentable` enums. Optional properties whose column
    /// is absent decode as `nil`.
    ///
    /// A `SQLDecodable` type (e.g. `Int` for `SELECT count(*)`) is decoded
    /// from the first column instead.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let scalar = T.self as? any SQLDecodable.Type {
            guard !values.isEmpty else { throw DatabaseError.columnNotFound("#0") }
            let value = try Row.convertAny(values[0], column: columns[0], as: scalar)
            guard let typed = value as? T else {
                throw DatabaseError.decoding(column: columns[0], expected: "\(T.self)", found: values[0].typeName)
            }
            return typed
        }
        return try T(from: RowDecoder(row: self))
    }

    /// Runs a conformance and stamps the column name into its error.
    static func convert<T: SQLDecodable>(_ value: SQLValue, column: String, as type: T.Type) throws -> T {
        do {
            return try T(sqlValue: value)
        } catch DatabaseError.decoding(let c, let expected, let found) where c.isEmpty {
            throw DatabaseError.decoding(column: column, expected: expected, found: found)
        }
    }

    /// Existential variant used when only `any SQLDecodable.Type` is known.
    static func convertAny(_ value: SQLValue, column: String, as type: any SQLDecodable.Type) throws -> Any {
        func open<T: SQLDecodable>(_ t: T.Type) throws -> Any { try convert(value, column: column, as: t) }
        return try open(type)
    }
}

/// Case-insensitive column name lookup, built once per result set.
/// Immutable after init, hence Sendable.
final class ColumnIndex: Sendable {
    private struct Maps {
        let positions: [String: Int]
        /// Lower-cased names without underscores, so a property `createdAt` finds `created_at`
        /// with one byte-level pass instead of a Unicode snake_case conversion per property and row.
        let compact: [String: Int]
    }

    private let columns: [String]
    /// Built on the first lookup by name: rows read by position (the hot session query) never pay for it.
    private let maps = Mutex<Maps?>(nil)

    init(_ columns: [String]) {
        self.columns = columns
    }

    private func built() -> Maps {
        maps.withLock { maps in
            if let maps { return maps }
            var positions: [String: Int] = [:]
            var compact: [String: Int] = [:]
            for (i, name) in columns.enumerated() {
                if positions[name.lowercased()] == nil { positions[name.lowercased()] = i }
                let key = ColumnIndex.compactKey(name)
                if compact[key] == nil { compact[key] = i }
            }
            let made = Maps(positions: positions, compact: compact)
            maps = made
            return made
        }
    }

    func position(of column: String) -> Int? {
        built().positions[column.lowercased()]
    }

    /// The column for a Swift property name: `createdAt`, `created_at` and `CreatedAt` all match `created_at`.
    func position(forProperty name: String) -> Int? {
        built().compact[ColumnIndex.compactKey(name)]
    }

    static func compactKey(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 where byte != UInt8(ascii: "_") {
            bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

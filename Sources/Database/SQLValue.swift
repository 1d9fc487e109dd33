import Foundation

/// A single database value, independent of the engine.
///
/// This is the only currency between the application and a driver: every
/// driver binds parameters from `SQLValue`s and reports results as
/// `SQLValue`s, which is what keeps dialect differences out of app code.
public enum SQLValue: Sendable, Hashable {
    /// SQL `NULL`.
    case null
    /// A 64-bit signed integer (also used for booleans and dates).
    case integer(Int64)
    /// A double-precision floating-point number.
    case double(Double)
    /// UTF-8 text.
    case text(String)
    /// Raw bytes (`BLOB` in SQLite, `BYTEA` in PostgreSQL).
    case blob([UInt8])

    /// `true` when the value is SQL `NULL`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// Short name of the storage class, used in error messages.
    ///
    /// Deliberately excludes the value itself so decoding errors never leak
    /// user data (emails, password hashes…) into logs.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .integer: return "integer"
        case .double: return "double"
        case .text: return "text"
        case .blob: return "blob"
        }
    }

    /// A `DatabaseError.decoding` with an empty column name; `Row` fills the
    /// column in because conformances don't know where the value came from.
    func decodingError(expected: String, detail: String? = nil) -> DatabaseError {
        let found = detail.map { "\(typeName) (\($0))" } ?? typeName
        return .decoding(column: "", expected: expected, found: found)
    }
}

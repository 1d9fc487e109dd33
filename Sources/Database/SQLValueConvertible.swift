import Foundation

/// A Swift value that can be bound as a statement parameter.
///
/// `RawRepresentable` types whose raw value is encodable get the
/// implementation for free: `enum Role: String, SQLEncodable { … }`.
public protocol SQLEncodable {
    /// The value to bind.
    var sqlValue: SQLValue { get }
}

/// A Swift value that can be built from a column value.
///
/// Implementations throw `DatabaseError.decoding` on a type mismatch; the
/// column name may be left empty, `Row` fills it in.
public protocol SQLDecodable {
    /// Converts a column value, throwing `DatabaseError.decoding` on mismatch.
    init(sqlValue: SQLValue) throws
}

/// Convenience for types that are both.
public typealias SQLCodable = SQLEncodable & SQLDecodable

// MARK: - SQLValue itself

extension SQLValue: SQLEncodable, SQLDecodable {
    /// The value itself.
    public var sqlValue: SQLValue { self }
    /// Accepts any value unchanged.
    public init(sqlValue: SQLValue) { self = sqlValue }
}

// MARK: - Integers

extension Int64: SQLEncodable, SQLDecodable {
    /// Bound as an integer.
    public var sqlValue: SQLValue { .integer(self) }
    /// Accepts integers, and doubles with an exact integral value (SQLite
    /// aggregates such as `sum()` over REAL columns return doubles).
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .integer(let v): self = v
        case .double(let d):
            guard let v = Int64(exactly: d) else {
                throw sqlValue.decodingError(expected: "Int64", detail: "not integral")
            }
            self = v
        default: throw sqlValue.decodingError(expected: "Int64")
        }
    }
}

extension Int: SQLEncodable, SQLDecodable {
    /// Bound as a 64-bit integer.
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    /// Accepts integers in range.
    public init(sqlValue: SQLValue) throws {
        let wide = try Int64(sqlValue: sqlValue)
        guard let v = Int(exactly: wide) else {
            throw sqlValue.decodingError(expected: "Int", detail: "out of range")
        }
        self = v
    }
}

extension Int32: SQLEncodable, SQLDecodable {
    /// Bound as a 64-bit integer.
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    /// Accepts integers in range.
    public init(sqlValue: SQLValue) throws {
        let wide = try Int64(sqlValue: sqlValue)
        guard let v = Int32(exactly: wide) else {
            throw sqlValue.decodingError(expected: "Int32", detail: "out of range")
        }
        self = v
    }
}

extension Bool: SQLEncodable, SQLDecodable {
    /// Stored as integer 0/1 in every dialect so schemas stay identical.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    /// 0 is `false`, any other integer is `true`.
    public init(sqlValue: SQLValue) throws {
        guard case .integer(let v) = sqlValue else {
            throw sqlValue.decodingError(expected: "Bool")
        }
        self = v != 0
    }
}

// MARK: - Floating point

extension Double: SQLEncodable, SQLDecodable {
    /// Bound as a double.
    public var sqlValue: SQLValue { .double(self) }
    /// Accepts doubles and integers (SQLite returns integers for whole REALs
    /// in some expressions).
    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .double(let d): self = d
        case .integer(let i): self = Double(i)
        default: throw sqlValue.decodingError(expected: "Double")
        }
    }
}

// MARK: - Text and bytes

extension String: SQLEncodable, SQLDecodable {
    /// Bound as text.
    public var sqlValue: SQLValue { .text(self) }
    /// Accepts text only.
    public init(sqlValue: SQLValue) throws {
        guard case .text(let s) = sqlValue else {
            throw sqlValue.decodingError(expected: "String")
        }
        self = s
    }
}

extension Array: SQLEncodable where Element == UInt8 {
    /// Bound as a blob.
    public var sqlValue: SQLValue { .blob(self) }
}

extension Array: SQLDecodable where Element == UInt8 {
    /// Accepts blobs only.
    public init(sqlValue: SQLValue) throws {
        guard case .blob(let b) = sqlValue else {
            throw sqlValue.decodingError(expected: "[UInt8]")
        }
        self = b
    }
}

extension Data: SQLEncodable, SQLDecodable {
    /// Bound as a blob.
    public var sqlValue: SQLValue { .blob([UInt8](self)) }
    /// Accepts blobs only.
    public init(sqlValue: SQLValue) throws {
        guard case .blob(let b) = sqlValue else {
            throw sqlValue.decodingError(expected: "Data")
        }
        self = Data(b)
    }
}

// MARK: - Foundation types

extension Date: SQLEncodable, SQLDecodable {
    /// Stored as Int64 milliseconds since 1970-01-01 UTC: sortable, portable
    /// across engines, and free of time-zone and text-format ambiguity.
    public var sqlValue: SQLValue {
        .integer(clampToInt64((timeIntervalSince1970 * 1000).rounded()))
    }
    /// Accepts integer milliseconds since 1970 UTC.
    public init(sqlValue: SQLValue) throws {
        guard case .integer(let ms) = sqlValue else {
            throw sqlValue.decodingError(expected: "Date (integer milliseconds)")
        }
        self = Date(timeIntervalSince1970: Double(ms) / 1000)
    }
}

extension UUID: SQLEncodable, SQLDecodable {
    /// Stored as lowercase canonical text (what PostgreSQL prints too).
    public var sqlValue: SQLValue { .text(uuidString.lowercased()) }
    /// Accepts canonical UUID text in either case.
    public init(sqlValue: SQLValue) throws {
        guard case .text(let s) = sqlValue, let u = UUID(uuidString: s) else {
            throw sqlValue.decodingError(expected: "UUID")
        }
        self = u
    }
}

// MARK: - Optional

extension Optional: SQLEncodable where Wrapped: SQLEncodable {
    /// `nil` is bound as `NULL`.
    public var sqlValue: SQLValue {
        switch self {
        case .none: return .null
        case .some(let w): return w.sqlValue
        }
    }
}

extension Optional: SQLDecodable where Wrapped: SQLDecodable {
    /// `NULL` becomes `nil`.
    public init(sqlValue: SQLValue) throws {
        if case .null = sqlValue {
            self = .none
        } else {
            self = .some(try Wrapped(sqlValue: sqlValue))
        }
    }
}

// MARK: - RawRepresentable defaults

extension SQLEncodable where Self: RawRepresentable, RawValue: SQLEncodable {
    /// Binds the raw value.
    public var sqlValue: SQLValue { rawValue.sqlValue }
}

extension SQLDecodable where Self: RawRepresentable, RawValue: SQLDecodable {
    /// Decodes the raw value, failing on unknown raw values.
    public init(sqlValue: SQLValue) throws {
        let raw = try RawValue(sqlValue: sqlValue)
        guard let value = Self(rawValue: raw) else {
            throw sqlValue.decodingError(expected: "\(Self.self)", detail: "unknown raw value")
        }
        self = value
    }
}

/// Converts without trapping: `Int64(_:)` traps on NaN or overflow, and no
/// crash may be reachable from user data.
func clampToInt64(_ value: Double) -> Int64 {
    if value.isNaN { return 0 }
    if value >= 9_223_372_036_854_775_807.0 { return .max }
    if value <= -9_223_372_036_854_775_808.0 { return .min }
    return Int64(value)
}

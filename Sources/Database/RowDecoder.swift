import Foundation

/// A minimal `Decoder` presenting a `Row` as a keyed container.
///
/// Only flat structs are supported: each property is one column. Nested
/// keyed/unkeyed containers are rejected because a row has no nesting.
struct RowDecoder: Decoder {
    let row: Row
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(KeyedContainer<Key>(row: row))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [], debugDescription: "a row cannot be decoded as an array"))
    }

    /// Lets single-column rows decode into single-value types (e.g. a
    /// `RawRepresentable` enum from `SELECT role FROM …`).
    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        guard row.values.count == 1 else {
            throw DatabaseError.decoding(column: "*", expected: "exactly one column", found: "\(row.values.count) columns")
        }
        return ColumnValueDecoder(value: row.values[0], column: row.columns[0], codingPath: [])
    }

    /// Maps a property name to a column, ignoring case and underscores
    /// (`createdAt` finds `created_at`).
    static func position(for key: any CodingKey, in row: Row) -> Int? {
        row.index.position(forProperty: key.stringValue)
    }

    /// `createdAt` → `created_at`, `userID` → `user_id`, `myURLValue` →
    /// `my_url_value` (same word splitting as Foundation's JSON strategy).
    static func snakeCase(_ name: String) -> String {
        let chars = Array(name)
        var out = ""
        for (i, c) in chars.enumerated() {
            if c.isUppercase, i > 0 {
                let prev = chars[i - 1]
                let nextIsLower = i + 1 < chars.count && chars[i + 1].isLowercase
                if prev.isLowercase || prev.isNumber || (prev.isUppercase && nextIsLower) {
                    out.append("_")
                }
            }
            out.append(contentsOf: c.lowercased())
        }
        return out
    }
}

/// Keyed access to a row's columns.
private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let row: Row
    var codingPath: [any CodingKey] { [] }

    var allKeys: [Key] { row.columns.compactMap { Key(stringValue: $0) } }

    func contains(_ key: Key) -> Bool {
        RowDecoder.position(for: key, in: row) != nil
    }

    /// A missing column counts as nil so optional properties tolerate
    /// narrower SELECTs.
    func decodeNil(forKey key: Key) throws -> Bool {
        guard let p = RowDecoder.position(for: key, in: row) else { return true }
        return row.values[p].isNull
    }

    private func column(_ key: Key) throws -> ColumnValueDecoder {
        guard let p = RowDecoder.position(for: key, in: row) else {
            throw DatabaseError.columnNotFound(RowDecoder.snakeCase(key.stringValue))
        }
        return ColumnValueDecoder(value: row.values[p], column: row.columns[p], codingPath: [key])
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try column(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try column(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try column(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try column(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try column(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try column(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try column(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try column(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try column(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try column(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try column(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try column(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try column(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try column(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try column(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw DecodingError.typeMismatch(type, .init(codingPath: [key], debugDescription: "nested containers are not supported in rows"))
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw DecodingError.typeMismatch([Any].self, .init(codingPath: [key], debugDescription: "nested containers are not supported in rows"))
    }

    func superDecoder() throws -> any Decoder { RowDecoder(row: row) }
    func superDecoder(forKey key: Key) throws -> any Decoder { RowDecoder(row: row) }
}

/// Decodes one column value; also serves as the `Decoder` handed to
/// non-`SQLDecodable` property types (RawRepresentable enums, URL, …).
struct ColumnValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: SQLValue
    let column: String
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DatabaseError.decoding(column: column, expected: "a single value type", found: value.typeName)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        throw DatabaseError.decoding(column: column, expected: "a single value type", found: value.typeName)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value.isNull }

    func decode(_ type: Bool.Type) throws -> Bool { try Row.convert(value, column: column, as: type) }
    func decode(_ type: String.Type) throws -> String { try Row.convert(value, column: column, as: type) }
    func decode(_ type: Double.Type) throws -> Double { try Row.convert(value, column: column, as: type) }
    func decode(_ type: Float.Type) throws -> Float {
        let d = try Row.convert(value, column: column, as: Double.self)
        return Float(d)
    }
    func decode(_ type: Int.Type) throws -> Int { try integer() }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    /// `SQLDecodable` types use their own conversion (this is what makes
    /// `Date` read milliseconds instead of `Date`'s Codable seconds);
    /// anything else decodes itself from this single value.
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if let scalar = T.self as? any SQLDecodable.Type {
            guard let typed = try Row.convertAny(value, column: column, as: scalar) as? T else {
                throw DatabaseError.decoding(column: column, expected: "\(T.self)", found: value.typeName)
            }
            return typed
        }
        do {
            return try T(from: self)
        } catch is DecodingError {
            // e.g. an enum raw value that matches no case
            throw DatabaseError.decoding(column: column, expected: "\(T.self)", found: "\(value.typeName) (not a valid value)")
        }
    }

    private func integer<I: FixedWidthInteger>() throws -> I {
        let wide = try Row.convert(value, column: column, as: Int64.self)
        guard let v = I(exactly: wide) else {
            throw DatabaseError.decoding(column: column, expected: "\(I.self)", found: "integer (out of range)")
        }
        return v
    }
}

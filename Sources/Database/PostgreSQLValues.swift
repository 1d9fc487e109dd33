import CLibPQ
import Foundation

/// Converts `SQLValue`s to libpq parameters and result cells back to `SQLValue`s.
///
/// Parameters go in text format, except blobs (binary `bytea`, so no escaping
/// at all). Integers are declared `int8`, doubles `float8` and blobs `bytea`;
/// text and NULL are left untyped (OID 0) so the server infers their type
/// from context exactly as it does for a quoted literal — `WHERE id = $1`
/// with a text value still compares as bigint, and a NULL fits any column.
/// A parameter whose type cannot be inferred at all (`$1 IS NULL` on its
/// own) needs an explicit `CAST(… AS …)` in the SQL, as in any PostgreSQL
/// client.
enum PostgreSQLValues {
    // Type OIDs from pg_type.h; stable across PostgreSQL versions.
    static let boolOID: Oid = 16
    static let byteaOID: Oid = 17
    static let int8OID: Oid = 20
    static let int2OID: Oid = 21
    static let int4OID: Oid = 23
    static let oidOID: Oid = 26
    static let float4OID: Oid = 700
    static let float8OID: Oid = 701
    static let numericOID: Oid = 1700
    static let unknownOID: Oid = 0

    /// The OID declared for a parameter; part of the statement cache key.
    static func parameterType(_ value: SQLValue) -> Oid {
        switch value {
        case .null, .text: return unknownOID
        case .integer: return int8OID
        case .double: return float8OID
        case .blob: return byteaOID
        }
    }

    /// Text for a double that `float8in` reads back to the same bits.
    static func text(for value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        return "\(value)" // Swift prints the shortest round-tripping form
    }

    /// Decodes one text-format result cell by its column type.
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, type: Oid) -> SQLValue {
        switch type {
        case int8OID, int4OID, int2OID, oidOID:
            return Int64(ascii(bytes)).map(SQLValue.integer) ?? .text(ascii(bytes))
        case boolOID:
            return .integer(bytes.first == UInt8(ascii: "t") ? 1 : 0)
        case float4OID, float8OID:
            return Double(ascii(bytes)).map(SQLValue.double) ?? .text(ascii(bytes))
        case numericOID:
            // Integral numerics (sum() of bigints, count-like arithmetic) stay
            // integers, as SQLite returns them; fractional ones become doubles.
            let text = ascii(bytes)
            if let integer = Int64(text) { return .integer(integer) }
            return Double(text).map(SQLValue.double) ?? .text(text)
        case byteaOID:
            return decodeBytea(bytes).map(SQLValue.blob) ?? .text(ascii(bytes))
        default:
            return .text(String(decoding: bytes, as: UTF8.self))
        }
    }

    private static func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// `\x0a0b…` (the default `bytea_output = hex`) to bytes.
    static func decodeBytea(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"),
              bytes.count % 2 == 0 else { return nil }
        var result: [UInt8] = []
        result.reserveCapacity((bytes.count - 2) / 2)
        var i = 2
        while i < bytes.count {
            guard let high = nibble(bytes[i]), let low = nibble(bytes[i + 1]) else { return nil }
            result.append(high << 4 | low)
            i += 2
        }
        return result
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// The C arrays `PQexecPrepared` takes, allocated for one call.
///
/// Owns its buffers and frees them in `deinit`; it is created, used and
/// dropped within a single call on one thread.
final class PostgreSQLParameters {
    let count: Int32
    let types: [Oid]
    private(set) var values: [UnsafePointer<CChar>?] = []
    private(set) var lengths: [Int32] = []
    private(set) var formats: [Int32] = []
    private var buffers: [UnsafeMutableRawPointer] = []

    /// - Throws: `DatabaseError.sql` for text containing NUL, which
    ///   PostgreSQL cannot store and a C string would silently cut.
    init(_ bindings: [SQLValue], statement: String) throws {
        count = Int32(bindings.count)
        types = bindings.map(PostgreSQLValues.parameterType)
        values.reserveCapacity(bindings.count)
        for value in bindings {
            switch value {
            case .null:
                append(nil, length: 0, format: 0)
            case .integer(let v):
                appendText(String(v))
            case .double(let v):
                appendText(PostgreSQLValues.text(for: v))
            case .text(let s):
                if s.utf8.contains(0) {
                    throw DatabaseError.sql(code: PostgreSQLErrors.code("22021"),
                                            message: "text contains a NUL character, which PostgreSQL cannot store",
                                            statement: statement)
                }
                appendText(s)
            case .blob(let bytes):
                // A non-NULL pointer even for zero bytes: NULL would mean SQL NULL.
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 1)
                buffers.append(buffer)
                bytes.withUnsafeBytes { source in
                    if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: source.count) }
                }
                append(UnsafePointer(buffer.assumingMemoryBound(to: CChar.self)), length: Int32(bytes.count), format: 1)
            }
        }
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
    }

    private func appendText(_ text: String) {
        let utf8 = Array(text.utf8)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: utf8.count + 1, alignment: 1)
        buffers.append(buffer)
        utf8.withUnsafeBytes { source in
            if let base = source.baseAddress { buffer.copyMemory(from: base, byteCount: source.count) }
        }
        buffer.storeBytes(of: 0, toByteOffset: utf8.count, as: UInt8.self)
        append(UnsafePointer(buffer.assumingMemoryBound(to: CChar.self)), length: Int32(utf8.count), format: 0)
    }

    private func append(_ pointer: UnsafePointer<CChar>?, length: Int32, format: Int32) {
        values.append(pointer)
        lengths.append(length)
        formats.append(format)
    }
}

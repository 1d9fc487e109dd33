/// A SQL statement or fragment together with its bound parameters.
///
/// Build it with string interpolation; interpolated values are **bound
/// parameters**, never spliced into the text, so they cannot inject SQL:
///
/// ```swift
/// let q: SQL = "SELECT * FROM users WHERE email = \(email) AND id > \(n)"
/// let table: SQL = "SELECT count(*) FROM \(raw: "users")"   // raw text, compile-time fragments only
/// let filtered: SQL = "SELECT * FROM users WHERE \(sql: condition)"  // compose fragments
/// let ids: SQL = "SELECT * FROM users WHERE id IN \(list: [1, 2, 3])"
/// ```
///
/// Placeholders are produced at render time for the target dialect (`?` for
/// SQLite, `$1, $2, …` for PostgreSQL), so one `SQL` value works with both.
///
/// Portable syntax notes (identical in SQLite ≥ 3.35 and PostgreSQL):
/// `INSERT … RETURNING id`, `INSERT … ON CONFLICT (col) DO UPDATE SET x = excluded.x`,
/// `ON CONFLICT DO NOTHING`, `LIMIT … OFFSET …`. Use `SQLDialect` for the rest
/// (column types, case-insensitive LIKE, current time).
public struct SQL: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    /// A piece of the statement: raw text or a value to bind.
    enum Fragment: Sendable, Hashable {
        case raw(String)
        case value(SQLValue)
    }

    var fragments: [Fragment]

    /// A statement made only of raw text (no parameters).
    public init(stringLiteral value: String) {
        fragments = value.isEmpty ? [] : [.raw(value)]
    }

    /// Builds a statement from an interpolated literal.
    public init(stringInterpolation: StringInterpolation) {
        fragments = stringInterpolation.fragments
    }

    /// Raw, unescaped SQL text. Only for text under the program's control.
    public init(raw: String) {
        fragments = raw.isEmpty ? [] : [.raw(raw)]
    }

    /// A single bound parameter, rendered as one placeholder.
    public init(value: some SQLEncodable) {
        fragments = [.value(value.sqlValue)]
    }

    /// The empty fragment, handy as the seed when composing.
    public static let empty = SQL(raw: "")

    /// `true` when there is neither text nor bindings.
    public var isEmpty: Bool { fragments.isEmpty }

    /// The bound values in order.
    public var bindings: [SQLValue] {
        fragments.compactMap {
            if case .value(let v) = $0 { return v }
            return nil
        }
    }

    /// Renders text with dialect-specific placeholders and the bindings in
    /// placeholder order.
    public func rendered(for dialect: SQLDialect) -> (text: String, bindings: [SQLValue]) {
        var text = ""
        var bindings: [SQLValue] = []
        for fragment in fragments {
            switch fragment {
            case .raw(let s):
                text += s
            case .value(let v):
                bindings.append(v)
                text += dialect.placeholder(bindings.count)
            }
        }
        return (text, bindings)
    }

    /// The SQLite rendering without values, for logs (values are omitted
    /// on purpose: they may be secrets).
    public var description: String { rendered(for: .sqlite).text }

    /// Concatenates two fragments, keeping both sets of bindings in order.
    public static func + (lhs: SQL, rhs: SQL) -> SQL {
        var result = lhs
        result.fragments.append(contentsOf: rhs.fragments)
        return result
    }

    /// Appends a fragment.
    public static func += (lhs: inout SQL, rhs: SQL) {
        lhs.fragments.append(contentsOf: rhs.fragments)
    }

    /// The interpolation builder behind `SQL` literals.
    public struct StringInterpolation: StringInterpolationProtocol {
        var fragments: [Fragment] = []

        /// Called by the compiler.
        public init(literalCapacity: Int, interpolationCount: Int) {
            fragments.reserveCapacity(interpolationCount * 2 + 1)
        }

        /// Literal text between interpolations is raw SQL.
        public mutating func appendLiteral(_ literal: String) {
            appendRaw(literal)
        }

        /// `\(value)`: a bound parameter (`nil` optionals bind `NULL`).
        public mutating func appendInterpolation<T: SQLEncodable>(_ value: T) {
            fragments.append(.value(value.sqlValue))
        }

        /// `\(optionalValue)`: binds `NULL` for `nil`. A separate overload so
        /// the compiler doesn't warn about interpolating optionals.
        public mutating func appendInterpolation<T: SQLEncodable>(_ value: T?) {
            fragments.append(.value(value.sqlValue))
        }

        /// `\(raw: "users")`: raw text, for identifiers and fragments known
        /// at compile time. Never pass user input here.
        public mutating func appendInterpolation(raw: String) {
            appendRaw(raw)
        }

        /// `\(sql: other)`: splices another fragment with its bindings.
        public mutating func appendInterpolation(sql: SQL) {
            for fragment in sql.fragments {
                if case .raw(let s) = fragment { appendRaw(s) } else { fragments.append(fragment) }
            }
        }

        /// `\(identifier: name)`: a double-quoted identifier (standard SQL,
        /// valid in both engines); embedded quotes are doubled.
        public mutating func appendInterpolation(identifier: String) {
            appendRaw("\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
        }

        /// `\(list: ids)`: a parenthesized list of bound values, e.g. for
        /// `IN`. An empty list renders `(NULL)`, which matches nothing for
        /// `IN` but also nothing for `NOT IN`; check emptiness first there.
        public mutating func appendInterpolation<S: Sequence>(list: S) where S.Element: SQLEncodable {
            appendRaw("(")
            var first = true
            for element in list {
                if !first { appendRaw(", ") }
                first = false
                fragments.append(.value(element.sqlValue))
            }
            if first { appendRaw("NULL") }
            appendRaw(")")
        }

        /// Merges adjacent raw text so rendering stays cheap.
        private mutating func appendRaw(_ s: String) {
            guard !s.isEmpty else { return }
            if case .raw(let previous)? = fragments.last {
                fragments[fragments.count - 1] = .raw(previous + s)
            } else {
                fragments.append(.raw(s))
            }
        }
    }
}

extension Sequence where Element == SQL {
    /// Joins fragments with a raw separator, e.g. building a `WHERE` clause
    /// from optional filters: `conditions.joined(separator: " AND ")`.
    public func joined(separator: String) -> SQL {
        var result = SQL.empty
        var first = true
        for fragment in self {
            if !first { result += SQL(raw: separator) }
            first = false
            result += fragment
        }
        return result
    }
}

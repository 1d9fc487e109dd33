/// Errors thrown by every `Database` implementation.
///
/// Drivers map their native error codes onto these cases so application code
/// can react without knowing the engine (e.g. `.constraintViolation(.unique, _)`
/// means "email already taken" on SQLite and PostgreSQL alike).
public enum DatabaseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of constraint that was violated.
    public enum ConstraintKind: String, Sendable, Hashable {
        /// UNIQUE or PRIMARY KEY.
        case unique
        /// FOREIGN KEY.
        case foreignKey
        /// NOT NULL.
        case notNull
        /// CHECK.
        case check
        /// Any other constraint (e.g. a trigger's RAISE).
        case other
    }

    /// Opening a connection failed (bad path, permissions, …).
    case connectionFailed(String)
    /// The database was closed; no further operations are possible.
    case closed
    /// The database stayed locked beyond the busy timeout.
    case busy(String)
    /// A constraint failed; the message is the engine's text.
    case constraintViolation(ConstraintKind, String)
    /// Any other engine error. `statement` is the SQL text with
    /// placeholders, never the bound values.
    case sql(code: Int32, message: String, statement: String)
    /// A column value could not be converted to the requested type.
    case decoding(column: String, expected: String, found: String)
    /// No column with this name (or index, written `#n`) in the row.
    case columnNotFound(String)
    /// A migration failed and was rolled back.
    case migrationFailed(version: Int, name: String, underlying: String)
    /// The database has migrations applied that this binary doesn't know.
    case schemaNewerThanBinary(applied: Int, known: Int)

    /// The constraint kind, if this is a constraint violation.
    public var constraintKind: ConstraintKind? {
        if case .constraintViolation(let kind, _) = self { return kind }
        return nil
    }

    /// A readable description for logs.
    public var description: String {
        switch self {
        case .connectionFailed(let m): return "database connection failed: \(m)"
        case .closed: return "database is closed"
        case .busy(let m): return "database busy: \(m)"
        case .constraintViolation(let kind, let m): return "\(kind.rawValue) constraint violation: \(m)"
        case .sql(let code, let m, let s): return "SQL error \(code): \(m) [\(s)]"
        case .decoding(let c, let e, let f): return "cannot decode column '\(c)': expected \(e), found \(f)"
        case .columnNotFound(let c): return "column not found: \(c)"
        case .migrationFailed(let v, let n, let u): return "migration \(v) '\(n)' failed: \(u)"
        case .schemaNewerThanBinary(let a, let k):
            return "database schema version \(a) is newer than the newest migration this binary knows (\(k))"
        }
    }
}

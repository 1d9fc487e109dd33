/// One schema change: a versioned script whose text may depend on the dialect.
///
/// Write one script for both engines using `SQLDialect`'s type names:
/// ```swift
/// Migration(version: 1, name: "create users") { d in
///     "CREATE TABLE users (id \(d.autoIncrementPrimaryKey), email \(d.text) NOT NULL UNIQUE);"
/// }
/// ```
/// The script must not contain `BEGIN`/`COMMIT`; the migrator wraps it in a
/// transaction (DDL is transactional in both SQLite and PostgreSQL).
public struct Migration: Sendable {
    /// Positive, unique, increasing across the list given to `Migrator`.
    public let version: Int
    /// Human-readable name, recorded in `schema_migrations`.
    public let name: String
    /// Produces the script for a dialect.
    public let sql: @Sendable (SQLDialect) -> String

    /// A migration whose script depends on the dialect.
    public init(version: Int, name: String, sql: @escaping @Sendable (SQLDialect) -> String) {
        self.version = version
        self.name = name
        self.sql = sql
    }

    /// A migration whose script is the same for every dialect.
    public init(version: Int, name: String, sql: String) {
        self.init(version: version, name: name, sql: { _ in sql })
    }
}

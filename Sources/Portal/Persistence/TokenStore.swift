import Database
import Foundation

/// Single-use tokens sent by email (verification, password reset, email change). Only the hash is stored.
enum TokenPurpose: String, Sendable {
    case verifyEmail = "verify_email"
    case resetPassword = "reset_password"
    case changeEmail = "change_email"
}

enum TokenStore {
    struct Found: Decodable {
        let id: Int64
        let userId: Int64
        let purpose: String
        let email: String
        let expiresAt: Date
        let usedAt: Date?
    }

    /// Creates a token, revoking the user's earlier unused tokens of the same purpose.
    static func create(tokenHash: String, userID: Int64, purpose: TokenPurpose, email: String = "", now: Date, lifetime: TimeInterval, _ db: DatabaseConnection) throws {
        try db.execute("""
            UPDATE user_tokens SET used_at = \(now)
            WHERE user_id = \(userID) AND purpose = \(purpose.rawValue) AND used_at IS NULL
            """)
        try db.execute("""
            INSERT INTO user_tokens (token_hash, user_id, purpose, email, created_at, expires_at)
            VALUES (\(tokenHash), \(userID), \(purpose.rawValue), \(email), \(now), \(now.addingTimeInterval(lifetime)))
            """)
    }

    static func find(tokenHash: String, purpose: TokenPurpose, _ db: DatabaseConnection) throws -> Found? {
        try db.queryFirst(Found.self, """
            SELECT id, user_id, purpose, email, expires_at, used_at FROM user_tokens
            WHERE token_hash = \(tokenHash) AND purpose = \(purpose.rawValue)
            """)
    }

    /// Marks the token used; false when it was already used (a concurrent request won).
    static func consume(id: Int64, now: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("UPDATE user_tokens SET used_at = \(now) WHERE id = \(id) AND used_at IS NULL") == 1
    }

    static func revokeAll(userID: Int64, purpose: TokenPurpose, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("UPDATE user_tokens SET used_at = \(now) WHERE user_id = \(userID) AND purpose = \(purpose.rawValue) AND used_at IS NULL")
    }

    static func deleteExpired(before: Date, _ db: DatabaseConnection) throws -> Int {
        try db.execute("DELETE FROM user_tokens WHERE expires_at <= \(before)")
    }
}

import Database
import Foundation

/// Single-use recovery codes; only their hashes are stored.
enum RecoveryCodeStore {
    static func replace(userID: Int64, hashes: [String], _ db: DatabaseConnection) throws {
        try db.execute("DELETE FROM recovery_codes WHERE user_id = \(userID)")
        for hash in hashes {
            try db.execute("INSERT INTO recovery_codes (user_id, code_hash) VALUES (\(userID), \(hash))")
        }
    }

    /// Uses a code; false when it does not exist or was used.
    static func use(userID: Int64, hash: String, now: Date, _ db: DatabaseConnection) throws -> Bool {
        try db.execute("UPDATE recovery_codes SET used_at = \(now) WHERE user_id = \(userID) AND code_hash = \(hash) AND used_at IS NULL") == 1
    }

    static func remaining(userID: Int64, _ db: DatabaseConnection) throws -> Int {
        try db.queryFirst(Int.self, "SELECT COUNT(*) FROM recovery_codes WHERE user_id = \(userID) AND used_at IS NULL") ?? 0
    }

    static func deleteAll(userID: Int64, _ db: DatabaseConnection) throws {
        try db.execute("DELETE FROM recovery_codes WHERE user_id = \(userID)")
    }
}

import Database

/// The time zone an account reads times in. A narrow query on purpose: the Security pages need
/// nothing else from the account.
enum AccountTimeZoneStore {
    static func timeZone(accountID: Int64, _ db: DatabaseConnection) throws -> String? {
        try db.queryFirst(String.self, "SELECT time_zone FROM accounts WHERE id = \(accountID)")
    }
}

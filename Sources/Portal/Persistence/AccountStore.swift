import Database
import Foundation

/// SQL for an account's details and communication preferences.
enum AccountStore {
    static func account(id: Int64, _ db: DatabaseConnection) throws -> Account? {
        try db.queryFirst(Account.self, """
            SELECT id, public_id, number, name, company, address_line1, address_line2, postal_code, city,
                   country, phone, vat_number, language, time_zone, pref_billing, pref_technical,
                   pref_commercial, require_delegate_two_factor
            FROM accounts WHERE id = \(id)
            """)
    }

    static func updateProfile(accountID: Int64, _ profile: AccountProfile, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            UPDATE accounts SET name = \(profile.name), company = \(profile.company),
                address_line1 = \(profile.addressLine1), address_line2 = \(profile.addressLine2),
                postal_code = \(profile.postalCode), city = \(profile.city), country = \(profile.country),
                phone = \(profile.phone), vat_number = \(profile.vatNumber), language = \(profile.language),
                time_zone = \(profile.timeZone), updated_at = \(now)
            WHERE id = \(accountID)
            """)
    }

    static func updatePreferences(accountID: Int64, _ preferences: AccountPreferences, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            UPDATE accounts SET pref_billing = \(preferences.billing), pref_technical = \(preferences.technical),
                pref_commercial = \(preferences.commercial), updated_at = \(now)
            WHERE id = \(accountID)
            """)
    }

    /// The zone an account reads its times in (UTC for an account that does not exist).
    static func timeZone(accountID: Int64, _ db: DatabaseConnection) throws -> String {
        try db.queryFirst(String.self, "SELECT time_zone FROM accounts WHERE id = \(accountID)") ?? TimeZones.defaultIdentifier
    }

    /// The time zone to show a user's times in: their current account's, else their own account's, else UTC.
    static func timeZone(accountID: Int64?, userID: Int64, _ db: DatabaseConnection) throws -> String {
        if let accountID, let zone = try db.queryFirst(String.self, "SELECT time_zone FROM accounts WHERE id = \(accountID)") {
            return zone   // (not `timeZone(accountID:)`: a missing account falls through to the user's own)
        }
        return try db.queryFirst(String.self, """
            SELECT a.time_zone FROM accounts a JOIN memberships m ON m.account_id = a.id
            WHERE m.user_id = \(userID) AND m.role = 'owner' ORDER BY m.id LIMIT 1
            """) ?? TimeZones.defaultIdentifier
    }

    struct PendingEmailChange: Decodable, Sendable {
        let email: String
        let expiresAt: Date
    }

    /// The newest email change still waiting for its link to be followed.
    static func pendingEmailChange(userID: Int64, now: Date, _ db: DatabaseConnection) throws -> PendingEmailChange? {
        try db.queryFirst(PendingEmailChange.self, """
            SELECT email, expires_at FROM user_tokens
            WHERE user_id = \(userID) AND purpose = \(TokenPurpose.changeEmail.rawValue) AND used_at IS NULL AND expires_at > \(now)
            ORDER BY id DESC LIMIT 1
            """)
    }
}

import Database
import Foundation

/// SQL for an account's domain contacts. Every lookup names the account, so another account's
/// contact id finds nothing.
enum ContactStore {
    private static let columns = """
        id, public_id, account_id, kind, name, organization, email, phone, address_line1, address_line2,
        postal_code, city, country, created_at, updated_at
        """

    /// The account's contacts, by name.
    static func list(accountID: Int64, _ db: DatabaseConnection) throws -> [Contact] {
        try db.query(Contact.self, "SELECT \(raw: columns) FROM contacts WHERE account_id = \(accountID) ORDER BY lower(name), id")
    }

    static func contact(publicID: String, accountID: Int64, _ db: DatabaseConnection) throws -> Contact? {
        try db.queryFirst(Contact.self, """
            SELECT \(raw: columns) FROM contacts WHERE public_id = \(publicID) AND account_id = \(accountID)
            """)
    }

    /// Stores a new contact and returns its public id (`con_…`).
    static func create(accountID: Int64, _ details: ContactDetails, now: Date, _ db: DatabaseConnection) throws -> String {
        let publicID = PublicID.make("con")
        try db.execute("""
            INSERT INTO contacts (public_id, account_id, kind, name, organization, email, phone, address_line1,
                                  address_line2, postal_code, city, country, created_at, updated_at)
            VALUES (\(publicID), \(accountID), \(details.kind.rawValue), \(details.name), \(details.organization),
                    \(details.email), \(details.phone), \(details.addressLine1), \(details.addressLine2),
                    \(details.postalCode), \(details.city), \(details.country), \(now), \(now))
            """)
        return publicID
    }

    static func update(id: Int64, _ details: ContactDetails, now: Date, _ db: DatabaseConnection) throws {
        try db.execute("""
            UPDATE contacts SET kind = \(details.kind.rawValue), name = \(details.name), organization = \(details.organization),
                email = \(details.email), phone = \(details.phone), address_line1 = \(details.addressLine1),
                address_line2 = \(details.addressLine2), postal_code = \(details.postalCode), city = \(details.city),
                country = \(details.country), updated_at = \(now)
            WHERE id = \(id)
            """)
    }

    static func delete(id: Int64, _ db: DatabaseConnection) throws {
        try db.execute("DELETE FROM contacts WHERE id = \(id)")
    }

    /// How many domains name this contact (as registrant, administrative, technical or billing
    /// contact). No domain can yet, so nothing is asked: the domains feature replaces the body with
    /// a count of its `domain_contacts` rows, and a contact in use then cannot be deleted.
    static func usageCount(contactID: Int64, _ db: DatabaseConnection) throws -> Int {
        0
    }
}

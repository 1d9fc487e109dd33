import Database

/// Whether domains still name a contact, asked before it is deleted. Kept apart from `Services` so the
/// controller can be given another answer; the default asks `ContactStore.usageCount`, which the
/// domains feature fills once domains name contacts.
struct ContactUsage: Sendable {
    let count: @Sendable (_ contactID: Int64, _ db: DatabaseConnection) throws -> Int

    init(count: @escaping @Sendable (_ contactID: Int64, _ db: DatabaseConnection) throws -> Int) {
        self.count = count
    }

    static let stored = ContactUsage { contactID, db in try ContactStore.usageCount(contactID: contactID, db) }
}

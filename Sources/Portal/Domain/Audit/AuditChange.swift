/// The before and after summaries of an audit event: only the fields that changed, as
/// `name: "old"; city: "Paris"`. Field names are stable keys, not translated text, because the
/// log is stored once and read in any language.
struct AuditChange: Sendable, Equatable {
    private(set) var before = ""
    private(set) var after = ""

    var isEmpty: Bool { before.isEmpty && after.isEmpty }

    /// Adds `field` when its value differs.
    mutating func compare(_ field: String, _ old: String, _ new: String) {
        guard old != new else { return }
        append(&before, field, Self.quoted(old))
        append(&after, field, Self.quoted(new))
    }

    /// Adds a yes/no setting when it differs.
    mutating func compare(_ field: String, _ old: Bool, _ new: Bool) {
        guard old != new else { return }
        append(&before, field, old ? "on" : "off")
        append(&after, field, new ? "on" : "off")
    }

    private func append(_ summary: inout String, _ field: String, _ value: String) {
        if !summary.isEmpty { summary += "; " }
        summary += field + ": " + value
    }

    /// Quoted so an emptied field reads `company: ""` rather than vanishing.
    private static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// What a save of the account details changed.
    static func accountDetails(from old: Account, to new: AccountProfile) -> AuditChange {
        var change = AuditChange()
        change.compare("name", old.name, new.name)
        change.compare("company", old.company, new.company)
        change.compare("address_line1", old.addressLine1, new.addressLine1)
        change.compare("address_line2", old.addressLine2, new.addressLine2)
        change.compare("postal_code", old.postalCode, new.postalCode)
        change.compare("city", old.city, new.city)
        change.compare("country", old.country, new.country)
        change.compare("phone", old.phone, new.phone)
        change.compare("vat_number", old.vatNumber, new.vatNumber)
        change.compare("language", old.language, new.language)
        change.compare("time_zone", old.timeZone, new.timeZone)
        return change
    }

    /// What a save of the communication preferences changed.
    static func preferences(from old: Account, to new: AccountPreferences) -> AuditChange {
        var change = AuditChange()
        change.compare("billing_emails", old.prefBilling, new.billing)
        change.compare("technical_emails", old.prefTechnical, new.technical)
        change.compare("commercial_emails", old.prefCommercial, new.commercial)
        return change
    }
}

import Foundation
import HTTPServer
@testable import Portal

/// Small readers of the rendered pages, shared by the Profile suites.
enum ProfileHTML {
    /// The text of the error shown beside `field` (`<span class="field-error" id="field-error">`), if any.
    static func fieldError(_ html: String, _ field: String) -> String? {
        guard let start = html.range(of: "id=\"\(field)-error\">") else { return nil }
        let rest = html[start.upperBound...]
        guard let end = rest.range(of: "</span>") else { return nil }
        return String(rest[..<end.lowerBound])
    }

    /// The opening tag of the element with this id (`<input … id="x" …>`).
    static func tag(_ html: String, id: String) -> String? {
        guard let idRange = html.range(of: "id=\"\(id)\"") else { return nil }
        guard let open = html[..<idRange.lowerBound].lastIndex(of: "<") else { return nil }
        guard let close = html[idRange.upperBound...].firstIndex(of: ">") else { return nil }
        return String(html[open...close])
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func english(_ text: ProfileText) -> String { escape(Catalog.english(text)) }
    static func english(_ text: Text) -> String { escape(Catalog(.english)(text)) }
}

/// A complete, valid details form, with some fields replaced.
func detailsForm(_ overrides: [String: String] = [:]) -> [(String, String)] {
    let base: [(String, String)] = [
        ("name", "Analytical Engines"), ("company", "Analytical Engines Ltd"), ("address_line1", "12 Rue de la Paix"),
        ("address_line2", "Bâtiment B"), ("postal_code", "75002"), ("city", "Paris"), ("country", "FR"),
        ("phone", "+33 (1) 23.45-67 89"), ("vat_number", "fr 12 345.678-901"), ("language", "en"), ("time_zone", "Europe/Paris"),
    ]
    return base.map { ($0.0, overrides[$0.0] ?? $0.1) }
}

extension TestApp {
    /// The account the person owns.
    func ownAccount(of email: String) throws -> Account? {
        try database.read { db in
            guard let user = try UserStore.user(email: email, db), let accountID = user.lastAccountId else { return nil }
            return try AccountStore.account(id: accountID, db)
        }
    }

    func user(email: String) throws -> User? {
        try database.read { db in try UserStore.user(email: email, db) }
    }

    func securityEvents(userID: Int64) throws -> [String] {
        try database.read { db in try SecurityEventStore.recent(userID: userID, limit: 50, db) }.map(\.kind)
    }
}

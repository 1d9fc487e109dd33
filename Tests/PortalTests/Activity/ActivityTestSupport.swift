import Foundation
import HTTPServer
@testable import Portal

/// An owner with their account, and ways to fill and read its audit log.
struct ActivityFixture {
    let app: TestApp
    let person: Person
    let browser: TestSession
    let accountID: Int64
    let accountNumber: String

    static func make(_ app: TestApp, name: String = "Ada Lovelace") throws -> ActivityFixture {
        let person = Person.make(name)
        let browser = try person.signUpAndLogIn(app)
        let account = try requireValue(try app.ownAccount(of: person.email))
        return ActivityFixture(app: app, person: person, browser: browser, accountID: account.id, accountNumber: account.number)
    }

    /// The label the log shows for this person.
    var label: String { "\(person.name) <\(person.email)>" }

    func record(_ action: AuditAction, actor: String = "Grace Hopper <grace@example.com>", ip: String = "203.0.113.7",
                target: String = "", before: String = "", after: String = "", at date: Date? = nil) throws {
        let now = date ?? app.time.current
        try app.database.write { db in
            try AuditStore.record(accountID: accountID, actor: AuditActor(userID: nil, label: actor, ip: ip), action: action,
                                  target: target, before: before, after: after, now: now, db)
        }
    }

    func setTimeZone(_ zone: String) throws {
        try app.database.write { db in try db.execute("UPDATE accounts SET time_zone = \(zone) WHERE id = \(accountID)") }
    }

    func events() throws -> [AuditStore.Event] {
        try app.database.read { db in try AuditStore.page(AuditStore.Filter(accountID: accountID), limit: 10_000, offset: 0, db) }
    }
}

struct MissingValue: Error {}

/// `#require` for helpers outside a test body.
func requireValue<T>(_ value: T?) throws -> T {
    guard let value else { throw MissingValue() }
    return value
}

enum ActivityHTML {
    /// The number of log rows on the page (each has one `<time>`).
    static func rowCount(_ html: String) -> Int {
        html.components(separatedBy: "<time datetime=").count - 1
    }

    /// The `href` values of links whose URL starts with `prefix`, with `&amp;` decoded.
    static func links(_ html: String, startingWith prefix: String) -> [String] {
        html.components(separatedBy: "href=\"").dropFirst().compactMap { rest -> String? in
            guard let end = rest.firstIndex(of: "\"") else { return nil }
            let link = String(rest[..<end]).replacingOccurrences(of: "&amp;", with: "&")
            return link.hasPrefix(prefix) ? link : nil
        }
    }

    static func english(_ text: ActivityText) -> String { ProfileHTML.escape(Catalog.english(text)) }
}

/// A strict RFC 4180 reader for the export: quoted fields, doubled quotes, CRLF record ends.
/// Reads unicode scalars, because "\r\n" is one Character in Swift.
enum CSVReader {
    struct Malformed: Error {}

    static func records(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var afterQuote = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() }
                    else { quoted = false; afterQuote = true }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !afterQuote else { throw Malformed() }
                quoted = true
            case ",":
                record.append(field); field = ""; afterQuote = false
            case "\r":
                guard scalars.popFirst() == "\n" else { throw Malformed() }
                record.append(field); field = ""; afterQuote = false
                records.append(record); record = []
            default:
                // Every field of the export is quoted: bare text is a mistake.
                throw Malformed()
            }
        }
        guard !quoted, field.isEmpty, record.isEmpty else { throw Malformed() }
        return records
    }
}

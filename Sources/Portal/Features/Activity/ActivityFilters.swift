import Foundation
import HTTPServer

/// The log's filters as typed in the query string, what could be used of them, and the problems
/// with the rest. A bad value is reported beside its field and ignored; it never fails the page.
struct ActivityFilters: Sendable {
    /// The query parameter names, shared by the form, the links and the parser.
    enum Field {
        static let action = "action", person = "person", from = "from", to = "to"
    }

    static let personLimit = 200

    /// What was typed, echoed back in the form.
    var action = ""
    var person = ""
    var from = ""
    var to = ""
    var errors = FieldErrors()
    /// The filter actually applied to the log.
    var filter: AuditStore.Filter

    init(query: FormData, accountID: Int64, timeZone: String) {
        filter = AuditStore.Filter(accountID: accountID)
        action = String((query[Field.action] ?? "").prefix(100))
        person = String((query[Field.person] ?? "").prefix(Self.personLimit + 100))
        from = String((query[Field.from] ?? "").prefix(100))
        to = String((query[Field.to] ?? "").prefix(100))

        let actionValue = action.trimmingCharacters(in: .whitespaces)
        if !actionValue.isEmpty {
            if let known = AuditAction(rawValue: actionValue) { filter.action = known }
            else { errors[Field.action] = .activity(.actionUnknown) }
        }

        let personValue = person.trimmingCharacters(in: .whitespacesAndNewlines)
        if personValue.count > Self.personLimit { errors[Field.person] = .fieldTooLong(Self.personLimit) }
        else if !personValue.isEmpty { filter.person = personValue }

        var firstDayStart: Date?
        if !from.trimmingCharacters(in: .whitespaces).isEmpty {
            if let start = CalendarDay(from)?.start(in: timeZone) {
                firstDayStart = start
                filter.from = start
            } else {
                errors[Field.from] = .activity(.dateInvalid)
            }
        }
        if !to.trimmingCharacters(in: .whitespaces).isEmpty {
            if let day = CalendarDay(to), let start = day.start(in: timeZone) {
                if let firstDayStart, start < firstDayStart {
                    errors[Field.to] = .activity(.dateRangeReversed)
                } else {
                    // The whole last day is included: stop at the start of the next one.
                    filter.until = day.end(in: timeZone)
                }
            } else {
                errors[Field.to] = .activity(.dateInvalid)
            }
        }
    }

    /// The applied filters as query items, for the page links and the CSV link (never the page number).
    var queryItems: [(String, String)] {
        var items: [(String, String)] = []
        if let action = filter.action { items.append((Field.action, action.rawValue)) }
        if let person = filter.person { items.append((Field.person, person)) }
        if filter.from != nil { items.append((Field.from, from.trimmingCharacters(in: .whitespaces))) }
        if filter.until != nil { items.append((Field.to, to.trimmingCharacters(in: .whitespaces))) }
        return items
    }

    var isFiltered: Bool { !queryItems.isEmpty }
}

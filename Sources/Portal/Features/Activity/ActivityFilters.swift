import Foundation
import HTTPServer

/// The log's filters as typed in the query string, what could be used of them, and the problems
/// with the rest. A bad value is reported beside its field and ignored; it never fails the page.
struct ActivityFilters: Sendable {
    /// The query parameter names, shared by the form, the links and the parser.
    enum Field {
        static let action = "action", person = "person", from = "from", to = "to", page = "page"
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

        var firstDay: DateComponents?
        if !from.trimmingCharacters(in: .whitespaces).isEmpty {
            if let day = Self.day(from), let start = Self.startOfDay(day, timeZone) {
                firstDay = day
                filter.from = start
            } else {
                errors[Field.from] = .activity(.dateInvalid)
            }
        }
        if !to.trimmingCharacters(in: .whitespaces).isEmpty {
            if let day = Self.day(to), let start = Self.startOfDay(day, timeZone) {
                if let firstDay, let fromStart = Self.startOfDay(firstDay, timeZone), start < fromStart {
                    errors[Field.to] = .activity(.dateRangeReversed)
                } else {
                    // The whole last day is included: stop at the start of the next one.
                    filter.until = Self.startOfNextDay(day, timeZone)
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

    /// The 1-based page asked for; anything unreadable is the first page.
    static func page(_ query: FormData) -> Int {
        guard let raw = query[Field.page], raw.count <= 9, let page = Int(raw), page >= 1 else { return 1 }
        return page
    }

    // MARK: Dates

    /// A calendar day written exactly `YYYY-MM-DD`.
    static func day(_ text: String) -> DateComponents? {
        let value = text.trimmingCharacters(in: .whitespaces)
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        guard value.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              year >= 1970, (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        // 31 February would roll over to March: check the day exists by reading it back.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard let date = calendar.date(from: DateComponents(year: year, month: month, day: day)),
              calendar.component(.day, from: date) == day, calendar.component(.month, from: date) == month
        else { return nil }
        return DateComponents(year: year, month: month, day: day)
    }

    /// The first instant of `day` in the zone (midnight, or the first valid time when a DST jump skips it).
    static func startOfDay(_ day: DateComponents, _ timeZone: String) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)) else { return nil }
        return calendar.startOfDay(for: noon)
    }

    static func startOfNextDay(_ day: DateComponents, _ timeZone: String) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        guard let noon = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)),
              let next = calendar.date(byAdding: .day, value: 1, to: noon) else { return nil }
        return calendar.startOfDay(for: next)
    }

    /// Today as `YYYY-MM-DD` in the zone (for the export's file name).
    static func today(_ now: Date, _ timeZone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        func two(_ n: Int?) -> String { (n ?? 0) < 10 ? "0\(n ?? 0)" : "\(n ?? 0)" }
        return "\(parts.year ?? 1970)-\(two(parts.month))-\(two(parts.day))"
    }
}

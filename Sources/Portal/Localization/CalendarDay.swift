import Foundation

/// A calendar day as people type and read it, `YYYY-MM-DD`, placed in an account's time zone when
/// it becomes instants. The one parser and printer of days: activity filters, the end date of a
/// delegate's access and export file names all go through it.
struct CalendarDay: Sendable, Equatable, CustomStringConvertible {
    let year: Int
    let month: Int
    let day: Int

    /// Exactly `YYYY-MM-DD` (spaces around it ignored) naming a day that exists, from 1970 on:
    /// "2026-02-31", "2026-2-3", "+202-01-01" and "２０２６-…" are not days.
    init?(_ text: String) {
        let bytes = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              year >= 1970, (1...12).contains(month), day >= 1, day <= Self.length(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The day `date` falls on in the zone.
    init(_ date: Date, timeZone: String) {
        let parts = Self.calendar(timeZone).dateComponents([.year, .month, .day], from: date)
        year = parts.year ?? 1970
        month = parts.month ?? 1
        day = parts.day ?? 1
    }

    /// `YYYY-MM-DD`.
    var description: String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// The first instant of the day in the zone: midnight, or the first valid time when a daylight
    /// saving jump skips midnight.
    func start(in timeZone: String) -> Date? {
        let calendar = Self.calendar(timeZone)
        guard let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)) else { return nil }
        return calendar.startOfDay(for: noon)
    }

    /// The first instant after the day in the zone (the start of the next day): the bound to stop
    /// before when the whole day is included.
    func end(in timeZone: String) -> Date? {
        let calendar = Self.calendar(timeZone)
        guard let noon = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12)),
              let next = calendar.date(byAdding: .day, value: 1, to: noon) else { return nil }
        return calendar.startOfDay(for: next)
    }

    /// A Gregorian calendar in the zone; an unknown zone name (the profile validates it) reads as UTC.
    static func calendar(_ timeZone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }

    private static func length(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

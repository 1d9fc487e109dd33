import Foundation

/// Formats times for people: in the account's time zone, as "4 Dec 2026, 16:05". Stored times are UTC.
/// The one formatter of the panel: pages, lists and emails all use it.
struct LocalTime {
    private let formatter: DateFormatter

    /// An unknown zone name (never expected: the profile validates it) falls back to UTC rather than failing the page.
    init(timeZone identifier: String, language: Language = .english) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: language == .english ? "en_US_POSIX" : language.code)
        formatter.timeZone = TimeZone(identifier: identifier) ?? TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "d MMM yyyy, HH:mm"
        self.formatter = formatter
    }

    func format(_ date: Date) -> String { formatter.string(from: date) }

    /// The machine-readable form for `<time datetime>`.
    static func iso(_ date: Date) -> String { date.ISO8601Format() }
}

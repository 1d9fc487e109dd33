import Foundation

/// The time zones an account may choose and the way times are shown in them.
enum TimeZones {
    static let defaultIdentifier = "UTC"

    /// UTC first, then the IANA identifiers the system knows (which on Linux do not include "UTC").
    static let all: [String] = {
        let known = TimeZone.knownTimeZoneIdentifiers.filter { $0 != defaultIdentifier }.sorted()
        return [defaultIdentifier] + known
    }()

    private static let known: Set<String> = Set(all)

    static func isKnown(_ identifier: String) -> Bool {
        known.contains(identifier) && TimeZone(identifier: identifier) != nil
    }

    /// "4 Dec 2026, 16:05" in the given zone (UTC when the zone is unknown).
    static func format(_ date: Date, in identifier: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: identifier) ?? TimeZone(identifier: defaultIdentifier) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let month = months[max(0, min(11, (parts.month ?? 1) - 1))]
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        return "\(parts.day ?? 1) \(month) \(parts.year ?? 1970), \(hour < 10 ? "0" : "")\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }
}

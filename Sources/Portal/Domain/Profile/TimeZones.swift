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
        LocalTime(timeZone: identifier).format(date)
    }
}

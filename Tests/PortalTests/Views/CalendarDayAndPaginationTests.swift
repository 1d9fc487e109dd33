import Foundation
import Testing
@testable import Portal

@Suite("Calendar days")
struct CalendarDayTests {
    @Test("only YYYY-MM-DD naming a real day from 1970 on is a day", arguments: [
        ("2026-12-04", "2026-12-04"), (" 2024-02-29 ", "2024-02-29"), ("2000-02-29", "2000-02-29"),
        ("2026-02-29", nil), ("2100-02-29", nil), ("1900-02-29", nil), ("2026-04-31", nil), ("2026-13-01", nil), ("2026-00-10", nil),
        ("2026-1-05", nil), ("26-01-05", nil), ("+026-01-05", nil), ("2026/01/05", nil), ("1969-12-31", nil),
        ("２０２６-01-05", nil), ("", nil), ("2026-01-05T00", nil),
    ] as [(String, String?)])
    func parsing(text: String, expected: String?) {
        // MUT
        let day = CalendarDay(text)
        // validate
        #expect(day?.description == expected)
    }

    @Test("a day's bounds are its midnights in the zone, also across a daylight saving change")
    func bounds() throws {
        // setup
        let springForward = try #require(CalendarDay("2026-03-29"))   // Europe/Paris: 23 hours long
        let ordinary = try #require(CalendarDay("2026-12-04"))
        // MUT
        let start = try #require(springForward.start(in: "Europe/Paris"))
        let end = try #require(springForward.end(in: "Europe/Paris"))
        let utcStart = try #require(ordinary.start(in: "UTC"))
        // validate
        #expect(start == Date(timeIntervalSince1970: 1_774_738_800))   // 2026-03-28T23:00:00Z
        #expect(Int(end.timeIntervalSince(start).rounded()) == 23 * 3600)
        #expect(utcStart == Date(timeIntervalSince1970: 1_796_342_400))  // 2026-12-04T00:00:00Z
        #expect(ordinary.end(in: "UTC").map { Int($0.timeIntervalSince(utcStart).rounded()) } == 24 * 3600)
    }

    @Test("the day an instant falls on depends on the zone")
    func dayOfInstant() {
        // setup
        let instant = Date(timeIntervalSince1970: 1_796_340_600)   // 2026-12-03T23:30:00Z
        // MUT / validate
        #expect(CalendarDay(instant, timeZone: "UTC").description == "2026-12-03")
        #expect(CalendarDay(instant, timeZone: "Europe/Paris").description == "2026-12-04")
        #expect(CalendarDay(instant, timeZone: "Not/AZone").description == "2026-12-03")
    }
}

@Suite("Pagination")
struct PaginationTests {
    @Test("a missing page is the first; past the end is the last; anything but digits is no page", arguments: [
        (nil, 45, 1), ("1", 45, 1), ("3", 45, 3), ("4", 45, 3), ("999999999", 45, 3), ("1", 0, 1), ("2", 0, 1),
        ("0", 45, nil), ("-1", 45, nil), ("+2", 45, nil), ("2x", 45, nil), ("", 45, nil), ("1234567890", 45, nil),
    ] as [(String?, Int, Int?)])
    func resolve(parameter: String?, total: Int, expectedPage: Int?) {
        // MUT
        let pagination = Pagination.resolve(parameter, total: total, perPage: 20)
        // validate
        #expect(pagination?.page == expectedPage)
        if let pagination { #expect(pagination.offset == (pagination.page - 1) * 20) }
    }
}

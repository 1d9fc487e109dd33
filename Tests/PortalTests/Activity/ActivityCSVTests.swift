import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Activity log CSV export")
struct ActivityCSVTests {
    @Test("the export is an attachment of UTF-8 CSV with a header row and one quoted record per event")
    func headersAndRecords() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        try owner.setTimeZone("Pacific/Auckland")
        let when = try #require(ISO8601DateFormatter().date(from: "2026-12-04T15:05:00Z"))
        app.time.set(when)
        try owner.record(.invitationSent, target: "new@example.com", after: "permissions: contacts", at: when)
        // MUT
        let response = try owner.browser.get("/account/activity.csv")
        // validate
        #expect(response.status == .ok)
        #expect(response.headers["Content-Type"] == "text/csv; charset=utf-8")
        // Auckland is already on 5 December: the file is named after the account's day.
        #expect(response.headers["Content-Disposition"] == "attachment; filename=\"hosterra-activity-\(owner.accountNumber)-2026-12-05.csv\"")
        #expect(response.headers["Cache-Control"] == "no-store")
        #expect(response.text.hasPrefix("\"time_utc\",\"actor\",\"ip\",\"action\",\"target\",\"before\",\"after\"\r\n"))
        let records = try CSVReader.records(response.text)
        #expect(records.count == 2)
        #expect(records[1] == ["2026-12-04T15:05:00Z", "Grace Hopper <grace@example.com>", "203.0.113.7", "invitation.sent",
                               "new@example.com", "", "permissions: contacts"])
    }

    @Test("commas, quotes and line breaks stay inside their field")
    func quoting() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        try owner.record(.contactUpdated, actor: "O\"Brien, Pat <pat@example.com>", target: "line one\nline two\r\nline three",
                         before: "name: \"Old, Name\"", after: "city: \"Saint-Étienne\"")
        // MUT
        let response = try owner.browser.get("/account/activity.csv")
        // validate
        #expect(response.text.contains("\"O\"\"Brien, Pat <pat@example.com>\""))
        let records = try CSVReader.records(response.text)
        #expect(records.count == 2)
        #expect(records[1].count == 7)
        #expect(records[1][1] == "O\"Brien, Pat <pat@example.com>")
        #expect(records[1][4] == "line one\nline two\r\nline three")
        #expect(records[1][5] == "name: \"Old, Name\"")
        #expect(records[1][6] == "city: \"Saint-Étienne\"")
    }

    @Test("a cell a spreadsheet would run as a formula starts with a quote", arguments: ["=", "+", "-", "@", "\t", "\r"])
    func formulaInjection(_ start: String) throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        let payload = start + "HYPERLINK(\"http://evil.example/\",\"x\")"
        try owner.record(.contactCreated, actor: payload, target: payload, before: payload, after: "safe " + payload)
        // MUT
        let response = try owner.browser.get("/account/activity.csv")
        // validate
        let records = try CSVReader.records(response.text)
        let record = try #require(records.last)
        #expect(record[1] == "'" + payload)
        #expect(record[4] == "'" + payload)
        #expect(record[5] == "'" + payload)
        #expect(record[6] == "safe " + payload)
        #expect(ActivityCSV.field("plain") == "\"plain\"")
    }

    @Test("the export is filtered like the page, and bad filter values are ignored")
    func filteredLikeThePage() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        try owner.record(.contactCreated, actor: "Grace Hopper <grace@example.com>", target: "grace-created@example.com")
        try owner.record(.contactDeleted, actor: "Grace Hopper <grace@example.com>", target: "grace-deleted@example.com")
        try owner.record(.contactCreated, actor: "Alan Turing <alan@example.com>", target: "alan-created@example.com")
        let page = try owner.browser.get("/account/activity?action=contact.created&person=grace")
        let link = try #require(ActivityHTML.links(page.text, startingWith: "/account/activity.csv").first)
        // MUT
        let filtered = try owner.browser.get(link)
        let ignored = try owner.browser.get("/account/activity.csv?from=not-a-date&action=nope")
        // validate
        #expect(link == "/account/activity.csv?action=contact.created&person=grace")
        let records = try CSVReader.records(filtered.text)
        #expect(records.count == 2)
        #expect(records[1][4] == "grace-created@example.com")
        #expect(ActivityHTML.rowCount(page.text) == 1)
        #expect(ignored.status == .ok)
        #expect(try CSVReader.records(ignored.text).count == 4)
    }

    @Test("a large log streams completely, newest first, in batches")
    func largeLogStreams() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        try app.database.write { db in
            for index in 1...1_200 {
                try AuditStore.record(accountID: owner.accountID, actor: AuditActor(userID: nil, label: "Bulk <bulk@example.com>", ip: "198.51.100.1"),
                                      action: .contactUpdated, target: "contact-\(index)", now: app.time.current, db)
            }
        }
        // MUT
        let response = try owner.browser.get("/account/activity.csv")
        let cursor = ActivityCSV.Cursor(database: app.database, filter: AuditStore.Filter(accountID: owner.accountID))
        var chunks: [[UInt8]] = []
        while let chunk = try cursor.next() { chunks.append(chunk) }
        // validate
        let records = try CSVReader.records(response.text)
        #expect(records.count == 1_201)
        #expect(records[1][4] == "contact-1200")
        #expect(records[1_200][4] == "contact-1")
        #expect(Set(records.dropFirst().map { $0[4] }).count == 1_200)
        // The header, then batches of at most 500 rows; nothing after the end.
        #expect(chunks.count == 4)
        #expect(chunks.dropFirst().map { String(decoding: $0, as: UTF8.self).components(separatedBy: "\r\n").count - 1 } == [500, 500, 200])
        #expect(try cursor.next() == nil)
    }

    @Test("file names carry only safe characters of the account number")
    func fileName() {
        #expect(ActivityCSV.fileName(accountNumber: "HA-12345678", day: "2026-12-04") == "hosterra-activity-HA-12345678-2026-12-04.csv")
        #expect(ActivityCSV.fileName(accountNumber: "HA\"; x=1\r\n", day: "2026-12-04") == "hosterra-activity-HAx1-2026-12-04.csv")
    }
}

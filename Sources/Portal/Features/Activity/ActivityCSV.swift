import Database
import Foundation
import HTTPServer
import Synchronization

/// /account/activity.csv: the filtered log as RFC 4180 CSV, pulled batch by batch as the client
/// reads, so the whole log is never in memory.
enum ActivityCSV {
    static let header = ["time_utc", "actor", "ip", "action", "target", "before", "after"]
    static let batchSize = 500

    /// One CSV record: every field quoted, quotes doubled, CRLF at the end.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static func field(_ value: String) -> String {
        "\"" + neutralized(value).replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR) starts with a
    /// quote instead, so names and targets typed by people are shown, never executed.
    static func neutralized(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return value }
        return "'" + value
    }

    static func record(_ event: AuditStore.Event) -> String {
        line([event.createdAt.formatted(.iso8601), event.actor, event.ip, event.action, event.target,
              event.beforeValue, event.afterValue])
    }

    /// "hosterra-activity-HA-12345678-2026-12-04.csv", with only safe characters from the number.
    static func fileName(accountNumber: String, day: String) -> String {
        let number = String(accountNumber.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-") }
            .map(Character.init))
        return "hosterra-activity-\(number)-\(day).csv"
    }

    static func response(database: any Database, filter: AuditStore.Filter, fileName: String) -> Response {
        let cursor = Cursor(database: database, filter: filter)
        var response = Response.stream(BodyStream { try cursor.next() }, contentType: "text/csv; charset=utf-8")
        response.headers["Content-Disposition"] = "attachment; filename=\"\(fileName)\""
        return response
    }

    /// Where the export has got to: the header first, then one `database.read` per batch of
    /// events older than the last one sent, until a batch comes back empty.
    final class Cursor: Sendable {
        private struct State {
            var headerSent = false
            var lastID: Int64?
            var finished = false
        }

        private let database: any Database
        private let filter: AuditStore.Filter
        private let state = Mutex(State())

        init(database: any Database, filter: AuditStore.Filter) {
            self.database = database
            self.filter = filter
        }

        func next() throws -> [UInt8]? {
            try state.withLock { state -> [UInt8]? in
                if !state.headerSent {
                    state.headerSent = true
                    return Array(line(header).utf8)
                }
                guard !state.finished else { return nil }
                let lastID = state.lastID
                let events = try database.read { db in
                    try AuditStore.batch(filter, beforeID: lastID, limit: batchSize, db)
                }
                guard let last = events.last else {
                    state.finished = true
                    return nil
                }
                state.lastID = last.id
                if events.count < batchSize { state.finished = true }
                var chunk = ""
                for event in events { chunk += record(event) }
                return Array(chunk.utf8)
            }
        }
    }
}

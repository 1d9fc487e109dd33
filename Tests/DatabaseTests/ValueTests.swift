import Foundation
import Testing
@testable import Database

enum Role: String, Codable, SQLCodable { case admin, customer }

struct Account: Decodable, Equatable {
    var id: Int64
    var emailAddress: String
    var displayName: String?
    var isAdmin: Bool
    var createdAt: Date
    var role: Role
    var avatar: [UInt8]?
    var externalID: UUID
    var balance: Double
    var loginCount: Int32
}

@Suite struct ValueTests {
    @Test func everySQLValueRoundTrips() throws {
        try withTemporaryDatabase { db, _ in
            try db.write { try $0.executeScript("CREATE TABLE v (id INTEGER PRIMARY KEY, x)") }
            let values: [SQLValue] = [
                .null, .integer(0), .integer(.max), .integer(.min), .double(3.25), .double(-0.5),
                .text(""), .text("héllo ✓ 世界 🚀"), .text("nul\u{0}inside"), .blob([]), .blob([0, 1, 2, 255]),
            ]
            for (i, value) in values.enumerated() {
                try db.write { try $0.execute("INSERT INTO v (id, x) VALUES (\(i), \(value))") }
            }
            let back = try db.read { try $0.query("SELECT x FROM v ORDER BY id") }.map { $0.values[0] }
            #expect(back == values)
        }
    }

    @Test func conformancesRoundTrip() throws {
        try withTemporaryDatabase { db, _ in
            try db.write {
                try $0.executeScript("CREATE TABLE c (i, i64, i32, b, d, s, bytes, data, date, uuid, opt, optnil, role)")
            }
            let date = Date(timeIntervalSince1970: 1_700_000_000.123)
            let uuid = UUID()
            let someOpt: String? = "present"
            let noneOpt: Int? = nil
            try db.write {
                try $0.execute("""
                    INSERT INTO c VALUES (\(42), \(Int64(-9_000_000_000)), \(Int32(-7)), \(true), \(2.5),
                    \("Grüße 👋"), \([UInt8]([9, 8, 7])), \(Data([1, 2])), \(date), \(uuid), \(someOpt), \(noneOpt), \(Role.admin))
                    """)
            }
            let row = try #require(try db.read { try $0.queryFirst("SELECT * FROM c") })
            #expect(try row.get("i", as: Int.self) == 42)
            #expect(try row.get("I64", as: Int64.self) == -9_000_000_000)
            #expect(try row.get("i32", as: Int32.self) == -7)
            #expect(try row.get("b", as: Bool.self) == true)
            #expect(try row.get("d", as: Double.self) == 2.5)
            #expect(try row.get("s", as: String.self) == "Grüße 👋")
            #expect(try row.get("bytes", as: [UInt8].self) == [9, 8, 7])
            #expect(try row.get("data", as: Data.self) == Data([1, 2]))
            #expect(try row.get("date", as: Date.self) == date)
            #expect(row["date"] == .integer(1_700_000_000_123))
            #expect(try row.get("uuid", as: UUID.self) == uuid)
            #expect(try row.get("opt", as: String?.self) == "present")
            #expect(try row.get("optnil", as: Int?.self) == nil)
            #expect(try row.get("role", as: Role.self) == .admin)
            #expect(try row.get(0, as: Int.self) == 42)
            #expect(try row.get("i", as: Double.self) == 42) // integers widen to Double

            #expect(throws: DatabaseError.columnNotFound("nope")) { try row.get("nope", as: Int.self) }
            #expect(throws: DatabaseError.columnNotFound("#99")) { try row.get(99, as: Int.self) }
            #expect(throws: DatabaseError.decoding(column: "s", expected: "Int64", found: "text")) {
                try row.get("s", as: Int.self)
            }
            #expect(throws: DatabaseError.decoding(column: "optnil", expected: "String", found: "null")) {
                try row.get("optnil", as: String.self)
            }
            #expect(throws: DatabaseError.decoding(column: "i64", expected: "Int32", found: "integer (out of range)")) {
                try row.get("i64", as: Int32.self)
            }
        }
    }

    @Test func decodableRowsWithSnakeCaseColumns() throws {
        try withTemporaryDatabase { db, _ in
            try db.write {
                try $0.executeScript("""
                    CREATE TABLE accounts (id INTEGER PRIMARY KEY, email_address TEXT NOT NULL, display_name TEXT,
                      is_admin INTEGER NOT NULL, created_at INTEGER NOT NULL, role TEXT NOT NULL, avatar BLOB,
                      external_id TEXT NOT NULL, balance REAL NOT NULL, login_count INTEGER NOT NULL);
                    """)
            }
            let created = Date(timeIntervalSince1970: 1_234_567_890.5)
            let expected = Account(id: 1, emailAddress: "x@y.z", displayName: nil, isAdmin: true, createdAt: created,
                                   role: .customer, avatar: [1, 2, 3], externalID: UUID(), balance: 10.75, loginCount: 3)
            let id = try db.write { conn in
                try conn.queryFirst(Int64.self, """
                    INSERT INTO accounts (email_address, display_name, is_admin, created_at, role, avatar, external_id, balance, login_count)
                    VALUES (\(expected.emailAddress), \(expected.displayName), \(expected.isAdmin), \(expected.createdAt),
                            \(expected.role), \(expected.avatar), \(expected.externalID), \(expected.balance), \(expected.loginCount))
                    RETURNING id
                    """)
            }
            #expect(id == 1)
            let accounts = try db.read { try $0.query(Account.self, "SELECT * FROM accounts") }
            #expect(accounts == [expected])

            // Missing optional column decodes as nil; missing required one throws.
            struct Narrow: Decodable { var id: Int; var displayName: String? }
            let narrow = try db.read { try $0.queryFirst(Narrow.self, "SELECT id FROM accounts") }
            #expect(narrow?.id == 1 && narrow?.displayName == nil)
            #expect(throws: DatabaseError.columnNotFound("email_address")) {
                try db.read { try $0.queryFirst(Account.self, "SELECT id FROM accounts") }
            }
            // Invalid enum raw value maps to a decoding error naming the column.
            try db.write { try $0.execute("UPDATE accounts SET role = 'superuser'") }
            #expect(throws: DatabaseError.self) { try db.read { try $0.query(Account.self, "SELECT * FROM accounts") } }
            do {
                _ = try db.read { try $0.query(Account.self, "SELECT * FROM accounts") }
            } catch let DatabaseError.decoding(column, _, _) {
                #expect(column == "role")
            }
        }
    }

    @Test func plainCodableEnumsAndScalars() throws {
        enum Plan: String, Decodable { case basic, pro }
        struct Subscription: Decodable { var plan: Plan; var seats: UInt8; var ratio: Float }
        try withTemporaryDatabase { db, _ in
            let s = try db.read { try $0.queryFirst(Subscription.self, "SELECT 'pro' AS plan, 3 AS seats, 0.5 AS ratio") }
            #expect(s?.plan == .pro && s?.seats == 3 && s?.ratio == 0.5)
            #expect(try db.read { try $0.queryFirst(Plan.self, "SELECT 'basic'") } == .basic)
            #expect(try db.read { try $0.queryFirst(Int?.self, "SELECT NULL") } == .some(nil))
            #expect(throws: DatabaseError.self) {
                try db.read { try $0.queryFirst(Subscription.self, "SELECT 'gold' AS plan, 3 AS seats, 0.5 AS ratio") }
            }
        }
    }

    @Test func dateKeepsMillisecondPrecision() throws {
        let dates = [Date(timeIntervalSince1970: 0.001), Date(timeIntervalSince1970: 1_999_999_999.999),
                     Date(timeIntervalSince1970: -1.5)]
        for date in dates {
            let back = try Date(sqlValue: date.sqlValue)
            #expect(back == date)
        }
        #expect(Date(timeIntervalSince1970: 1.0004).sqlValue == .integer(1000))
    }
}

import Database
import Foundation
import Testing
@testable import Portal

@Suite("Outbox migrations")
struct OutboxMigrationTests {
    @Test("emails queued before versions 5 and 7 lose their secret content and address-change confirmations leave the history")
    func privateLinksFlaggedOnUpgrade() throws {
        // setup: a database at version 4 with emails as that version wrote them.
        let directory = NSTemporaryDirectory() + "hosterra-migration-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let database = try SQLiteDatabase(path: directory + "/hosterra.sqlite3")
        defer { database.close() }
        _ = try Migrator(Schema.migrations.filter { $0.version <= 4 }).migrate(database)
        let now = Date(timeIntervalSince1970: 1_796_342_400)
        try database.write { db in
            try db.execute("""
                INSERT INTO accounts (public_id, number, name, created_at, updated_at)
                VALUES ('acc_1', 'HA-1', 'Old Account', \(now), \(now))
                """)
            for (id, subject, body) in [("eml_reset", "Reset your Hosterra password", "Open https://panel/password/reset?token=abc"),
                                        ("eml_change", "Confirm your new email address", "Open https://panel/account/email/confirm?token=def"),
                                        ("eml_invoice", "Invoice 7", "Your invoice is attached.")] {
                try db.execute("""
                    INSERT INTO outbox_emails (public_id, account_id, to_address, category, subject, text_body, html_body, status, next_attempt_at, created_at)
                    VALUES (\(id), (SELECT id FROM accounts WHERE public_id = 'acc_1'), 'old@example.com', 'security', \(subject), \(body), '', 'sent', \(now), \(now))
                    """)
            }
        }
        // MUT
        let applied = try Migrator(Schema.migrations).migrate(database)
        // validate
        #expect(applied.contains(5) && applied.contains(7))
        let rows = try database.read { db in
            try db.query("SELECT public_id, account_id IS NULL AS unfiled, private_link FROM outbox_emails ORDER BY public_id").map {
                (try $0.get("public_id", as: String.self), try $0.get("unfiled", as: Bool.self), try $0.get("private_link", as: Bool.self))
            }
        }
        #expect(rows.map(\.0) == ["eml_change", "eml_invoice", "eml_reset"])
        #expect(rows.map(\.1) == [true, false, false], "only the address-change confirmation leaves the account's history")
        #expect(rows.map(\.2) == [true, false, true], "emails with a token link are private")
    }
}

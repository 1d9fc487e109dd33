import Database
import Foundation
import Testing
@testable import Portal

@Suite("Configuration and command line")
struct ConfigurationTests {
    @Test("environment variables are read and flags win over them")
    func environmentThenFlags() throws {
        let (config, rest) = try AppConfiguration.load(
            environment: ["HOSTERRA_PORT": "9000", "HOSTERRA_HOST": "0.0.0.0", "HOSTERRA_ACCESS_LOG": "off"],
            arguments: ["--port", "9100", "--data-dir=/tmp/x", "extra"])
        #expect(config.port == 9100)
        #expect(config.host == "0.0.0.0")
        #expect(config.dataDirectory == "/tmp/x")
        #expect(config.accessLog == false)
        #expect(rest == ["extra"])
        #expect(config.resolvedDatabaseURL == "sqlite:/tmp/x/hosterra.sqlite3")
    }

    @Test("bad values are refused with a message naming the setting", arguments: [
        (["HOSTERRA_PORT": "eighty"], "port"),
        (["HOSTERRA_PORT": "70000"], "port"),
        (["HOSTERRA_THREADS": "0"], "threads"),
        (["HOSTERRA_PUBLIC_URL": "panel.example"], "public URL"),
        (["HOSTERRA_ACCESS_LOG": "maybe"], "access log"),
    ])
    func badValues(environment: [String: String], mentions: String) {
        do {
            _ = try AppConfiguration.load(environment: environment, arguments: [])
            Issue.record("accepted \(environment)")
        } catch {
            #expect(String(describing: error).contains(mentions))
        }
    }

    @Test("a flag without its value is refused")
    func flagWithoutValue() {
        #expect(throws: ConfigurationError.self) { try AppConfiguration.load(environment: [:], arguments: ["--port"]) }
    }

    @Test("--help lists every option with its environment variable; --version prints the version")
    func helpAndVersion() {
        let usage = CommandLineInterface.usage
        for option in AppConfiguration.options {
            #expect(usage.contains(option.flag))
            #expect(usage.contains(option.environment))
        }
        #expect(CommandLineInterface.run(arguments: ["--version"], environment: [:]) == 0)
        #expect(CommandLineInterface.run(arguments: ["frobnicate"], environment: [:]) == 64)
        #expect(CommandLineInterface.run(arguments: ["--no-such-flag"], environment: [:]) == 64)
    }

    @Test("backup copies the SQLite database of a data directory, and refuses without a destination")
    func backupCommand() throws {
        let directory = NSTemporaryDirectory() + "hosterra-backup-cli-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(CommandLineInterface.run(arguments: ["demo", "--data-dir", directory], environment: [:]) == 0)
        #expect(CommandLineInterface.run(arguments: ["backup", "--data-dir", directory], environment: [:]) == 64)
        #expect(CommandLineInterface.run(arguments: ["backup", "--data-dir", directory, "--to", directory + "/copy.sqlite3"], environment: [:]) == 0)
        let copy = try SQLiteDatabase(path: directory + "/copy.sqlite3")
        defer { copy.close() }
        #expect(try copy.read { try $0.queryFirst(Int.self, "SELECT COUNT(*) FROM users WHERE email = 'demo@hosterra.example'") } == 1)
    }

    @Test("migrate applies the schema and a second run changes nothing")
    func migrateCommand() throws {
        let directory = NSTemporaryDirectory() + "hosterra-migrate-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(CommandLineInterface.run(arguments: ["migrate", "--data-dir", directory], environment: [:]) == 0)
        #expect(FileManager.default.fileExists(atPath: directory + "/hosterra.sqlite3"))
        #expect(FileManager.default.fileExists(atPath: directory + "/secret.key"))
        let attributes = try FileManager.default.attributesOfItem(atPath: directory + "/secret.key")
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(CommandLineInterface.run(arguments: ["migrate", "--data-dir", directory], environment: [:]) == 0)
    }
}

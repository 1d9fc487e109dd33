import Database
import Foundation
import HTTPServer

/// `hosterra` subcommands. Kept in the library so that tests can run them.
public enum CommandLineInterface {
    public static let version = "0.1.0"

    public static var usage: String {
        var text = """
        Hosterra Account \(version): the customer control panel of a hosting provider.

        Usage: hosterra [command] [options]

        Commands:
          serve        Serve the panel (default command).
          migrate      Apply pending database migrations and exit.
          demo         Create the demo customer (idempotent) and print its login.
          backup --to PATH
                       Copy the SQLite database while it is in use (online backup API).
                       For PostgreSQL use pg_dump (see docs/deployment.md).
          --help       Show this help.
          --version    Show the version.

        Options (each also read from its environment variable; flags win):

        """
        for option in AppConfiguration.options {
            let flag = option.flag + " VALUE"
            text += "  " + flag.padding(toLength: 34, withPad: " ", startingAt: 0) + option.summary + "\n"
            text += "  " + String(repeating: " ", count: 34) + "[\(option.environment); default \(option.defaultValue)]\n"
        }
        return text
    }

    /// Runs one command and returns the process exit status.
    public static func run(arguments: [String], environment: [String: String]) -> Int32 {
        var arguments = arguments
        if arguments.contains("--help") || arguments.contains("-h") || arguments.first == "help" {
            print(usage)
            return 0
        }
        if arguments.contains("--version") || arguments.first == "version" {
            print("hosterra \(version)")
            return 0
        }
        var command = "serve"
        if let first = arguments.first, !first.hasPrefix("-") {
            command = first
            arguments.removeFirst()
        }
        var backupDestination: String?
        if command == "backup", let index = arguments.firstIndex(of: "--to") {
            guard index + 1 < arguments.count else {
                printError("hosterra: backup needs --to PATH")
                return 64
            }
            backupDestination = arguments[index + 1]
            arguments.removeSubrange(index...(index + 1))
        }
        let configuration: AppConfiguration
        do {
            let (loaded, rest) = try AppConfiguration.load(environment: environment, arguments: arguments)
            guard rest.isEmpty else {
                printError("hosterra: unknown option \(rest[0]); see hosterra --help")
                return 64
            }
            configuration = loaded
        } catch {
            printError("hosterra: \(error)")
            return 64
        }
        switch command {
        case "serve": return serve(configuration)
        case "migrate": return migrate(configuration)
        case "demo": return demo(configuration)
        case "backup": return backup(configuration, to: backupDestination)
        default:
            printError("hosterra: unknown command \(command); see hosterra --help")
            return 64
        }
    }

    static func migrate(_ configuration: AppConfiguration) -> Int32 {
        do {
            let application = try Application.build(configuration)
            application.close()
            print("database is up to date (\(configuration.resolvedDatabaseURL.hasPrefix("sqlite:") ? configuration.resolvedDatabaseURL : "configured database"))")
            return 0
        } catch {
            printError("hosterra: migration failed: \(error)")
            return 1
        }
    }

    static func demo(_ configuration: AppConfiguration) -> Int32 {
        do {
            var quiet = configuration
            quiet.accessLog = false
            let application = try Application.build(quiet)
            defer { application.close() }
            let result = try DemoData.seed(application)
            print(result.created ? "Demo customer created." : "Demo customer already present.")
            print("Demo login: \(result.email) / \(result.password)")
            return 0
        } catch {
            printError("hosterra: demo data failed: \(error)")
            return 1
        }
    }

    static func backup(_ configuration: AppConfiguration, to destination: String?) -> Int32 {
        guard let destination else {
            printError("hosterra: backup needs --to PATH")
            return 64
        }
        let url = configuration.resolvedDatabaseURL
        guard url.hasPrefix("sqlite:") else {
            printError("hosterra: backup copies SQLite databases; for PostgreSQL use pg_dump -Fc (see docs/deployment.md)")
            return 64
        }
        let path = String(url.dropFirst("sqlite:".count))
        guard FileManager.default.fileExists(atPath: path) else {
            printError("hosterra: no database at \(path)")
            return 1
        }
        do {
            try SQLiteDatabase.backup(from: path, to: destination)
            print("backup written to \(destination)")
            return 0
        } catch {
            printError("hosterra: backup failed: \(error)")
            return 1
        }
    }

    static func serve(_ configuration: AppConfiguration) -> Int32 {
        let application: Application
        do {
            application = try Application.build(configuration)
        } catch {
            printError("hosterra: cannot start: \(error)")
            return 1
        }
        let server = HTTPServer(configuration: application.serverConfiguration, responder: application.responder)
        do {
            try server.start()
        } catch {
            printError("hosterra: cannot listen on \(configuration.host):\(configuration.port): \(error)")
            application.close()
            return 1
        }
        application.startBackgroundWork()
        application.logger.info("listening", [
            "url": .string("http://\(configuration.host):\(server.port)"),
            "public_url": .string(configuration.publicURL),
            "threads": .int(configuration.threads),
        ])
        let signal = Signals.waitForTermination()
        application.logger.info("shutting down", ["signal": .int(Int(signal)), "in_flight": .int(server.activeRequests)])
        server.shutdown(gracePeriodSeconds: 10)
        application.close()
        application.logger.info("stopped")
        return 0
    }

    static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

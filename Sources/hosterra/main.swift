import Foundation
import Portal

// Thin entry point: everything, including argument parsing, lives in Portal so tests can run it.
exit(CommandLineInterface.run(arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment))

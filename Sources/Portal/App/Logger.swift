import Foundation
import Synchronization

/// Structured logs: one JSON object per line on standard output, written with a single write(2)
/// so that lines from different worker threads never interleave.
public struct Logger: Sendable {
    public enum Level: String, Sendable { case debug, info, warning, error }

    private let sink: LogSink

    public init(sink: LogSink = .standardOutput) { self.sink = sink }

    public func log(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        var line = "{\"ts\":\"\(Logger.timestamp())\",\"level\":\"\(level.rawValue)\",\"msg\":"
        Logger.appendJSONString(message, to: &line)
        for (key, value) in fields {
            line += ",\""
            line += key
            line += "\":"
            switch value {
            case .string(let text): Logger.appendJSONString(text, to: &line)
            case .int(let number): line += String(number)
            case .double(let number): line += String(format: "%.3f", number)
            }
        }
        line += "}\n"
        sink.write(line)
    }

    public func info(_ message: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { log(.info, message, fields) }
    public func warning(_ message: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { log(.warning, message, fields) }
    public func error(_ message: String, _ fields: KeyValuePairs<String, LogValue> = [:]) { log(.error, message, fields) }

    static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                      parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec, Int(now.tv_nsec / 1_000_000))
    }

    static func appendJSONString(_ text: String, to line: inout String) {
        line += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": line += "\\\""
            case "\\": line += "\\\\"
            case "\n": line += "\\n"
            case "\r": line += "\\r"
            case "\t": line += "\\t"
            case _ where scalar.value < 0x20: line += String(format: "\\u%04x", scalar.value)
            default: line.unicodeScalars.append(scalar)
            }
        }
        line += "\""
    }
}

public enum LogValue: Sendable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String), int(Int), double(Double)
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
}

/// Where log lines go: standard output, or memory for tests.
public final class LogSink: Sendable {
    private let capturing: Bool
    private let lines = Mutex<[String]>([])

    private init(capturing: Bool) { self.capturing = capturing }

    public static let standardOutput = LogSink(capturing: false)
    public static func memory() -> LogSink { LogSink(capturing: true) }

    func write(_ line: String) {
        if capturing {
            lines.withLock { $0.append(line) }
            return
        }
        var copy = line
        copy.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(1, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }

    /// Lines captured by a memory sink (empty for standard output).
    public var captured: [String] { lines.withLock { $0 } }
}

import CQREncode
import Foundation

/// Errors from `QRCode`.
public enum QRCodeError: Error, Equatable, Sendable {
    /// The text does not fit in the largest QR code, or libqrencode failed (errno).
    case encodingFailed(errno: Int32)
}

/// QR codes (libqrencode) rendered as compact inline SVG, e.g. for TOTP enrolment.
public enum QRCode {
    /// Width of the light margin around the symbol, in modules (the standard's minimum).
    public static let quietZone = 4

    /// The square module matrix: `width × width`, row-major, `true` = dark.
    public struct Matrix: Sendable, Equatable {
        /// Modules per side, without quiet zone.
        public let width: Int
        /// QR version (1…40).
        public let version: Int
        /// Row-major modules; `true` is dark.
        public let modules: [Bool]

        /// Whether the module at column `x`, row `y` is dark.
        public func isDark(x: Int, y: Int) -> Bool { modules[y * width + x] }
    }

    /// Encodes `text` (UTF-8, 8-bit mode, case-sensitive, error correction level M).
    /// - Throws: `QRCodeError.encodingFailed` when the text is too long.
    public static func matrix(for text: String) throws -> Matrix {
        guard let code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1) else {
            throw QRCodeError.encodingFailed(errno: errno)
        }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        guard width > 0, let data = code.pointee.data else { throw QRCodeError.encodingFailed(errno: 0) }
        let modules = (0..<(width * width)).map { data[$0] & 1 == 1 }
        return Matrix(width: width, version: Int(code.pointee.version), modules: modules)
    }

    /// Renders `text` as an inline SVG: one `<path>` with a horizontal run per group of
    /// adjacent dark modules, a 4-module quiet zone, `role="img"` and the given
    /// `aria-label`. Colours are `fill` attributes (no `style`, so a strict CSP allows it).
    /// - Parameters:
    ///   - moduleSize: rendered pixels per module (sets `width`/`height`; `viewBox` is in modules).
    ///   - label: accessible name, e.g. "QR code for setting up your authenticator app".
    public static func svg(
        for text: String, moduleSize: Int = 4, label: String,
        foreground: String = "#000", background: String = "#fff"
    ) throws -> String {
        svg(matrix: try matrix(for: text), moduleSize: moduleSize, label: label,
            foreground: foreground, background: background)
    }

    /// Renders an already computed matrix as SVG (see `svg(for:moduleSize:label:foreground:background:)`).
    public static func svg(
        matrix: Matrix, moduleSize: Int = 4, label: String,
        foreground: String = "#000", background: String = "#fff"
    ) -> String {
        let size = matrix.width + 2 * quietZone
        let pixels = size * max(1, moduleSize)
        var d = ""
        for y in 0..<matrix.width {
            var x = 0
            while x < matrix.width {
                guard matrix.isDark(x: x, y: y) else { x += 1; continue }
                let start = x
                while x < matrix.width && matrix.isDark(x: x, y: y) { x += 1 }
                let run = x - start
                d += "M\(start + quietZone) \(y + quietZone)h\(run)v1h-\(run)z"
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(size) \(size)\""
            + " width=\"\(pixels)\" height=\"\(pixels)\" role=\"img\" aria-label=\"\(escapeAttribute(label))\""
            + " shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(size)\" height=\"\(size)\" fill=\"\(escapeAttribute(background))\"/>"
            + "<path fill=\"\(escapeAttribute(foreground))\" d=\"\(d)\"/></svg>"
    }

    /// Escapes text for a double-quoted XML attribute.
    static func escapeAttribute(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }
}

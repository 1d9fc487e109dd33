import Foundation
import Testing
@testable import Portal

@Suite("QRCode")
struct QRCodeTests {
    @Test("short input gives a version 1 symbol of 21×21 modules")
    func version1Size() throws {
        let matrix = try QRCode.matrix(for: "hello")
        #expect(matrix.version == 1)
        #expect(matrix.width == 21)
        #expect(matrix.modules.count == 21 * 21)
        // Finder pattern: top-left 7×7 has a dark border and a light ring.
        #expect(matrix.isDark(x: 0, y: 0) && matrix.isDark(x: 6, y: 6) && !matrix.isDark(x: 1, y: 1))
    }

    @Test("100 bytes at level M need version 6 (41×41 modules)")
    func version6Size() throws {
        let matrix = try QRCode.matrix(for: String(repeating: "a", count: 100))
        #expect(matrix.version == 6)
        #expect(matrix.width == 41)
    }

    @Test("SVG is one path with a quiet zone, role, escaped aria-label and no style attributes")
    func svgShape() throws {
        let uri = TOTP.otpauthURI(secret: TOTP.generateSecret(), issuer: "Hosterra", account: "jane@example.com")
        let matrix = try QRCode.matrix(for: uri)
        let svg = QRCode.svg(matrix: matrix, moduleSize: 5, label: "Scan \"this\" <code>")
        let size = matrix.width + 8
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.contains("viewBox=\"0 0 \(size) \(size)\""))
        #expect(svg.contains("width=\"\(size * 5)\""))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-label=\"Scan &quot;this&quot; &lt;code&gt;\""))
        #expect(!svg.contains("style"))
        #expect(svg.components(separatedBy: "<path").count == 2)
        // The horizontal runs in the path cover exactly the dark modules.
        let runs = svg.components(separatedBy: "h").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(runs.reduce(0, +) == matrix.modules.filter { $0 }.count)
        // Every run starts inside the quiet-zone offset.
        #expect(svg.contains("M4 4h7v1h-7z"))  // top row of the top-left finder pattern
        #expect(try QRCode.svg(for: "hello", label: "x").hasPrefix("<svg"))
    }

    @Test("input longer than the largest QR code is an error")
    func tooLong() {
        #expect(throws: QRCodeError.self) { try QRCode.matrix(for: String(repeating: "x", count: 4000)) }
    }
}

import Foundation
import Testing
@testable import HTTPServer

@Suite struct MultipartParserTests {
    let boundary = "XyZ123"
    var directory: String { NSTemporaryDirectory() }

    func sample() -> [UInt8] {
        Array(("preamble ignored\r\n--XyZ123\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\n--world\r\n"
            + "--XyZ123\r\nContent-Disposition: form-data; name=\"doc\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\n"
            + "line1\r\n--XyZ12 not a boundary\r\n"
            + "\r\n--XyZ123\r\ncontent-disposition: form-data; name=\"empty\"\r\n\r\n"
            + "\r\n--XyZ123--\r\nepilogue").utf8)
    }

    func parse(_ chunks: [[UInt8]]) -> MultipartParser {
        var parser = MultipartParser(boundary: boundary, uploadDirectory: directory)
        for c in chunks { parser.feed(c) }
        parser.finish()
        return parser
    }

    func check(_ parser: MultipartParser) throws {
        defer { parser.removeTemporaryFiles() }
        #expect(parser.error == nil)
        #expect(parser.form["title"] == "Hello\r\n--world")
        #expect(parser.form["empty"] == "")
        #expect(parser.files.count == 1)
        let file = try #require(parser.files.first)
        #expect(file.fieldName == "doc")
        #expect(file.filename == "a.txt")
        #expect(file.contentType == "text/plain")
        let content = try Data(contentsOf: URL(fileURLWithPath: file.path))
        #expect(String(decoding: content, as: UTF8.self) == "line1\r\n--XyZ12 not a boundary\r\n")
        #expect(file.size == content.count)
    }

    @Test func parsesInOneChunk() throws {
        try check(parse([sample()]))
    }

    @Test func boundarySplitAtEveryPosition() throws {
        let body = sample()
        for i in 0...body.count {
            try check(parse([Array(body[0..<i]), Array(body[i...])]))
        }
    }

    @Test func byteByByte() throws {
        try check(parse(sample().map { [$0] }))
    }

    @Test func temporaryFilesAreRemoved() throws {
        let parser = parse([sample()])
        let path = try #require(parser.files.first?.path)
        #expect(FileManager.default.fileExists(atPath: path))
        parser.removeTemporaryFiles()
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func emptyFileInputIsSkipped() {
        let body = Array("--XyZ123\r\nContent-Disposition: form-data; name=\"f\"; filename=\"\"\r\n\r\n\r\n--XyZ123--".utf8)
        let parser = parse([body])
        #expect(parser.error == nil)
        #expect(parser.files.isEmpty)
    }

    @Test(arguments: [
        ("--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue", "closing boundary"),
        ("--XyZ123\r\nContent-Type: text/plain\r\n\r\nv\r\n--XyZ123--", "Content-Disposition"),
        ("--XyZ123\r\nno colon here\r\n\r\nv\r\n--XyZ123--", "header line"),
        ("--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\u{FF}\r\n--XyZ123--", ""),
        ("--XyZ123garbage\r\n", "boundary line"),
        ("no boundary at all", "closing boundary"),
    ])
    func malformedInputs(body: String, reason: String) {
        var bytes = Array(body.utf8)
        if body.contains("\u{FF}") { bytes = bytes.map { $0 == 0xC3 ? 0xFF : $0 } } // force invalid UTF-8
        let parser = parse([bytes])
        defer { parser.removeTemporaryFiles() }
        guard case .malformed(let message)? = parser.error else {
            Issue.record("expected malformed, got \(String(describing: parser.error))")
            return
        }
        #expect(message.contains(reason.isEmpty ? "UTF-8" : reason))
    }

    @Test func textFieldLimit() {
        var limits = MultipartParser.Limits()
        limits.maxFieldBytes = 10
        var parser = MultipartParser(boundary: boundary, uploadDirectory: directory, limits: limits)
        parser.feed(Array("--XyZ123\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n0123456789ABC\r\n--XyZ123--".utf8))
        parser.finish()
        #expect(parser.error == .tooLarge(limit: 10))
    }

    @Test func bodyReaderEnforcesUploadLimitWhileStreaming() {
        var config = ServerConfiguration()
        config.maxUploadBytes = 100
        var reader = BodyReader(contentType: "multipart/form-data; boundary=XyZ123", contentLength: nil, configuration: config)
        let first = reader.feed(Array("--XyZ123\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\n".utf8))
        let second = reader.feed([UInt8](repeating: 65, count: 200))
        #expect(first && second)
        let result = reader.finish()
        reader.removeTemporaryFiles()
        #expect(result.error == .tooLarge(limit: 100))
        #expect(result.files.isEmpty)
    }

    @Test func missingBoundaryIsMalformed() {
        var reader = BodyReader(contentType: "multipart/form-data", contentLength: 10, configuration: ServerConfiguration())
        _ = reader.feed(Array("0123456789".utf8))
        #expect(reader.finish().error == .malformed("multipart/form-data without a valid boundary"))
    }
}

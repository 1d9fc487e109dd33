#if canImport(Glibc)
import Glibc
#endif

/// An incremental multipart/form-data parser: bytes are fed as they arrive, a boundary may be split
/// across chunks, file parts go straight to temporary files and only text fields stay in memory.
///
/// After `finish()`, the owner must call `removeTemporaryFiles()` once the request is done.
struct MultipartParser {
    /// Per-part limits that protect memory.
    struct Limits {
        var maxFieldBytes = 64 * 1024
        var maxPartHeaderBytes = 8 * 1024
        var maxParts = 1000
    }

    private enum State { case preamble, afterDelimiter, headers, body, epilogue, failed }

    private enum Part {
        case field(name: String)
        case file(fieldName: String, filename: String, contentType: String, path: String, fd: Int32)
        /// A file input left empty by the browser (`filename=""`): nothing to keep.
        case discard
    }

    /// "\r\n--boundary": every delimiter is preceded by CRLF; the buffer starts with a virtual
    /// CRLF so the first delimiter at the very start of the body matches too.
    private let delimiter: [UInt8]
    private let uploadDirectory: String
    private let limits: Limits
    private var buffer: [UInt8] = [13, 10]
    private var state = State.preamble
    private var part: Part?
    private var partCount = 0
    /// Bytes of the current text field (kept outside `part` so appends don't copy).
    private var fieldBytes: [UInt8] = []
    /// Bytes written so far for the current file part.
    private var fileSize = 0

    private(set) var form = FormData()
    private(set) var files: [UploadedFile] = []
    private(set) var error: BodyError?
    /// Every temporary file created, including those of parts that failed.
    private(set) var temporaryFiles: [String] = []

    init(boundary: String, uploadDirectory: String, limits: Limits = Limits()) {
        delimiter = Array("\r\n--".utf8) + Array(boundary.utf8)
        self.uploadDirectory = uploadDirectory
        self.limits = limits
    }

    /// The boundary from a Content-Type value, or nil when it is missing or invalid (RFC 2046: 1–70 chars).
    static func boundary(fromContentType value: String) -> String? {
        guard let b = ContentType.parameter("boundary", in: value), !b.isEmpty, b.utf8.count <= 70 else { return nil }
        return b
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) {
        guard state != .failed, state != .epilogue else { return }
        buffer.append(contentsOf: chunk)
        process()
    }

    mutating func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Ends the body; a missing closing delimiter is an error.
    mutating func finish() {
        if state != .epilogue && state != .failed {
            fail(.malformed("multipart body ended before the closing boundary"))
        }
        closeOpenFile()
        buffer = []
    }

    /// Deletes every temporary file this parser created.
    func removeTemporaryFiles() {
        for path in temporaryFiles { unlink(path) }
    }

    // MARK: - State machine

    private mutating func process() {
        var pos = 0
        loop: while true {
            switch state {
            case .preamble:
                if let i = Self.find(delimiter, in: buffer, from: pos) {
                    pos = i + delimiter.count
                    state = .afterDelimiter
                } else {
                    pos = max(pos, buffer.count - (delimiter.count - 1))
                    break loop
                }
            case .afterDelimiter:
                guard buffer.count - pos >= 2 else { break loop }
                if buffer[pos] == UInt8(ascii: "-") && buffer[pos + 1] == UInt8(ascii: "-") {
                    state = .epilogue
                    pos = buffer.count
                    break loop
                } else if buffer[pos] == 13 && buffer[pos + 1] == 10 {
                    // Leave the CRLF in place: the header search looks for CRLF CRLF from here,
                    // which also covers a part without any header lines.
                    state = .headers
                } else if buffer[pos] == 0x20 || buffer[pos] == 0x09 {
                    pos += 1 // transport padding after the boundary
                } else {
                    fail(.malformed("invalid multipart boundary line"))
                    break loop
                }
            case .headers:
                guard let end = Self.find([13, 10, 13, 10], in: buffer, from: pos) else {
                    if buffer.count - pos > limits.maxPartHeaderBytes {
                        fail(.malformed("multipart part headers too large"))
                    }
                    break loop
                }
                let headerBytes = end >= pos + 2 ? Array(buffer[(pos + 2)..<end]) : []
                pos = end + 4
                guard beginPart(headerBytes) else { break loop }
                state = .body
            case .body:
                if let i = Self.find(delimiter, in: buffer, from: pos) {
                    guard append(from: pos, to: i), endPart() else { break loop }
                    pos = i + delimiter.count
                    state = .afterDelimiter
                } else {
                    // Keep a possible partial delimiter at the end for the next chunk.
                    let safeEnd = buffer.count - (delimiter.count - 1)
                    if safeEnd > pos {
                        guard append(from: pos, to: safeEnd) else { break loop }
                        pos = safeEnd
                    }
                    break loop
                }
            case .epilogue, .failed:
                pos = buffer.count
                break loop
            }
        }
        if pos > 0 { buffer.removeFirst(min(pos, buffer.count)) }
    }

    private mutating func beginPart(_ headerBytes: [UInt8]) -> Bool {
        partCount += 1
        guard partCount <= limits.maxParts else {
            fail(.malformed("too many multipart parts"))
            return false
        }
        guard let text = String(validating: headerBytes, as: UTF8.self) else {
            fail(.malformed("invalid UTF-8 in multipart part headers"))
            return false
        }
        var disposition: String?
        var contentType = "application/octet-stream"
        for line in text.split(separator: "\r\n") {
            guard let colon = line.firstIndex(of: ":") else {
                fail(.malformed("invalid multipart part header line"))
                return false
            }
            let name = ASCII.trim(line[..<colon])
            let value = String(ASCII.trim(line[line.index(after: colon)...]))
            if ASCII.equalsIgnoringCase(String(name), "Content-Disposition") {
                disposition = value
            } else if ASCII.equalsIgnoringCase(String(name), "Content-Type") {
                contentType = value
            }
        }
        guard let disposition, ContentType.mediaType(disposition) == "form-data",
              let fieldName = ContentType.parameter("name", in: disposition) else {
            fail(.malformed("multipart part without a Content-Disposition: form-data name"))
            return false
        }
        guard let filename = ContentType.parameter("filename", in: disposition) else {
            part = .field(name: fieldName)
            fieldBytes = []
            return true
        }
        if filename.isEmpty {
            part = .discard
            return true
        }
        var template = Array((uploadDirectory.hasSuffix("/") ? uploadDirectory : uploadDirectory + "/").utf8)
            + Array("upload-XXXXXX".utf8) + [0]
        let fd = template.withUnsafeMutableBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { mkstemp($0.baseAddress!) }
        }
        guard fd >= 0 else {
            fail(.malformed("the upload could not be stored"))
            return false
        }
        let path = String(decoding: template.dropLast(), as: UTF8.self)
        temporaryFiles.append(path)
        part = .file(fieldName: fieldName, filename: filename, contentType: contentType, path: path, fd: fd)
        fileSize = 0
        return true
    }

    private mutating func append(from start: Int, to end: Int) -> Bool {
        guard start < end, let current = part else { return true }
        switch current {
        case .field:
            guard fieldBytes.count + (end - start) <= limits.maxFieldBytes else {
                fail(.tooLarge(limit: limits.maxFieldBytes))
                return false
            }
            fieldBytes.append(contentsOf: buffer[start..<end])
        case .file(_, _, _, _, let fd):
            let ok = buffer.withUnsafeBytes { raw -> Bool in
                var p = raw.baseAddress! + start
                var left = end - start
                while left > 0 {
                    let n = write(fd, p, left)
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { return false }
                    p += n
                    left -= n
                }
                return true
            }
            guard ok else {
                fail(.malformed("the upload could not be stored"))
                return false
            }
            fileSize += end - start
        case .discard:
            break
        }
        return true
    }

    private mutating func endPart() -> Bool {
        guard let current = part else { return true }
        part = nil
        switch current {
        case .field(let name):
            defer { fieldBytes = [] }
            guard let value = String(validating: fieldBytes, as: UTF8.self) else {
                fail(.malformed("invalid UTF-8 in form field '\(name)'"))
                return false
            }
            form.append(name, value)
        case .file(let fieldName, let filename, let contentType, let path, let fd):
            close(fd)
            files.append(UploadedFile(fieldName: fieldName, filename: filename, contentType: contentType, path: path, size: fileSize))
        case .discard:
            break
        }
        return true
    }

    private mutating func fail(_ e: BodyError) {
        if error == nil { error = e }
        state = .failed
        closeOpenFile()
    }

    private mutating func closeOpenFile() {
        if case .file(_, _, _, _, let fd) = part { close(fd) }
        part = nil
    }

    /// Index of `needle` in `hay` at or after `from`.
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        let n = needle.count
        guard n > 0, hay.count - from >= n else { return nil }
        return hay.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { nd -> Int? in
                let first = nd[0]
                let base = h.baseAddress!
                var i = from
                let last = h.count - n
                while i <= last {
                    guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
                    let j = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(base + j, nd.baseAddress!, n) == 0 { return j }
                    i = j + 1
                }
                return nil
            }
        }
    }
}

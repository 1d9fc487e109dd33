/// Reads a request body as it arrives and turns it into `body`, `form`, `files` and `bodyError`.
/// Used by both the MHD transport and `TestClient`, so tests exercise the same parsing code.
struct BodyReader {
    struct Result {
        var body: [UInt8] = []
        var form = FormData()
        var files: [UploadedFile] = []
        var error: BodyError?
    }

    private enum Mode {
        case raw
        case urlencoded
        case multipart(MultipartParser)
        /// Counting only: the body is over the limit or already known to be bad.
        case discard
    }

    private var mode: Mode
    /// The limit that applies to this body.
    let limit: Int
    /// True when Content-Length alone showed the body is too large: it should not be read at all.
    let rejectedUpFront: Bool
    private(set) var received = 0
    private var raw: [UInt8] = []
    private var error: BodyError?
    private var temporaryFiles: [String] = []

    init(contentType: String?, contentLength: Int?, configuration: ServerConfiguration) {
        var mode = Mode.raw
        var limit = configuration.maxBodyBytes
        if let contentType {
            if ContentType.isMultipart(contentType) {
                limit = configuration.maxUploadBytes
                if let boundary = MultipartParser.boundary(fromContentType: contentType) {
                    mode = .multipart(MultipartParser(boundary: boundary, uploadDirectory: configuration.uploadDirectory))
                } else {
                    error = .malformed("multipart/form-data without a valid boundary")
                    mode = .discard
                }
            } else if ContentType.isURLEncoded(contentType) {
                mode = .urlencoded
            }
        }
        self.limit = limit
        if let contentLength, contentLength > limit {
            rejectedUpFront = true
            error = .tooLarge(limit: limit)
            mode = .discard
        } else {
            rejectedUpFront = false
            if let contentLength, case .raw = mode { raw.reserveCapacity(contentLength) }
            if let contentLength, case .urlencoded = mode { raw.reserveCapacity(contentLength) }
        }
        self.mode = mode
    }

    /// How much a client may send past the limit (while we discard it, so we can still answer
    /// with a proper page) before the connection is dropped instead.
    var discardCap: Int { limit &* 2 &+ (1 << 20) }

    /// Feeds the next chunk. Returns false when the client has sent far more than the limit and the
    /// connection should be dropped.
    mutating func feed(_ chunk: UnsafeRawBufferPointer) -> Bool {
        received += chunk.count
        if received > limit, error != .tooLarge(limit: limit) {
            if case .multipart(let parser) = mode { temporaryFiles += parser.temporaryFiles }
            error = .tooLarge(limit: limit)
            mode = .discard
            raw = []
        }
        switch mode {
        case .raw, .urlencoded:
            raw.append(contentsOf: chunk)
        case .multipart(var parser):
            mode = .discard // release the enum's copy so the parser mutates in place
            parser.feed(chunk)
            mode = .multipart(parser)
        case .discard:
            return received <= discardCap
        }
        return true
    }

    mutating func feed(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Finishes the body. Temporary files must be removed with `removeTemporaryFiles` when the request is done.
    mutating func finish() -> Result {
        var result = Result()
        switch mode {
        case .raw:
            result.body = raw
        case .urlencoded:
            result.body = raw
            do { result.form = try QueryEncoding.parse(raw) } catch { result.error = error }
        case .multipart(var parser):
            parser.finish()
            temporaryFiles += parser.temporaryFiles
            if let e = parser.error {
                result.error = e
            } else {
                result.form = parser.form
                result.files = parser.files
            }
            mode = .discard
        case .discard:
            break
        }
        if let error { result.error = error }
        raw = []
        return result
    }

    /// Deletes the temporary files of multipart uploads.
    mutating func removeTemporaryFiles() {
        if case .multipart(var parser) = mode {
            parser.finish() // closes a file left open by an aborted upload
            temporaryFiles += parser.temporaryFiles
            mode = .discard
        }
        for path in temporaryFiles { unlink(path) }
        temporaryFiles = []
    }
}

#if canImport(Glibc)
import Glibc
#endif

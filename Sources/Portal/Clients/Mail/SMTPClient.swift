import CCurl
import Foundation

/// Sends mail over SMTP with libcurl: one connection per message, certificate
/// verification always on, STARTTLS required unless configured otherwise.
///
/// `send` blocks the calling thread for the whole SMTP dialogue (up to
/// `timeoutSeconds`); from async code run it off the cooperative pool, e.g. in a
/// background job or `DispatchQueue.global().async`.
public final class SMTPClient: MailTransport {
    // Sendable without @unchecked: every stored property is an immutable Sendable value.

    /// Server, credentials and TLS policy.
    public let configuration: SMTPConfiguration
    /// Envelope sender (`MAIL FROM`) used by `send(_:)`; defaults to the message's From address.
    public let defaultEnvelopeFrom: String?

    /// Creates a client.
    /// - Parameter envelopeFrom: bounce address for `send(_:)`; `nil` uses the message's From.
    public init(configuration: SMTPConfiguration, envelopeFrom: String? = nil) {
        self.configuration = configuration
        self.defaultEnvelopeFrom = envelopeFrom
    }

    /// Sends `message` with its From address (or `defaultEnvelopeFrom`) as envelope sender.
    /// - Throws: `MailError`.
    public func send(_ message: EmailMessage) throws {
        try send(message, envelopeFrom: defaultEnvelopeFrom ?? message.from)
    }

    /// Sends `message` to every address in `message.to`.
    /// - Parameter envelopeFrom: `MAIL FROM` address (where bounces go).
    /// - Throws: `MailError`; check `isTemporary` to decide whether to retry.
    public func send(_ message: EmailMessage, envelopeFrom: String) throws {
        guard let sender = MailAddress(parsing: envelopeFrom) else { throw MailError.invalidAddress(envelopeFrom) }
        guard !message.to.isEmpty else { throw MailError.noRecipients }
        let recipients = try message.to.map { text -> String in
            guard let parsed = MailAddress(parsing: text) else { throw MailError.invalidAddress(text) }
            return parsed.address
        }
        guard MailAddress(parsing: message.from) != nil else { throw MailError.invalidAddress(message.from) }
        try CurlRuntime.ensureInitialized()

        guard let handle = curl_easy_init() else {
            throw MailError.transport(curlCode: -1, message: "curl_easy_init failed")
        }
        defer { curl_easy_cleanup(handle) }

        var recipientList: UnsafeMutablePointer<curl_slist>?
        defer { curl_slist_free_all(recipientList) }
        for address in recipients {
            guard let appended = curl_slist_append(recipientList, "<\(address)>") else {
                throw MailError.transport(curlCode: -1, message: "out of memory")
            }
            recipientList = appended
        }

        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        let reader = UploadReader(MIMEWriter.render(message))
        let result: CURLcode = try withExtendedLifetime(reader) {
            let c = configuration
            var failed: CURLcode?
            func set(_ code: CURLcode) { if code != CURLE_OK && failed == nil { failed = code } }
            set(hs_curl_setopt_str(handle, CURLOPT_URL, c.curlURL))
            set(hs_curl_setopt_str(handle, CURLOPT_PROTOCOLS_STR, "smtp,smtps"))
            set(hs_curl_setopt_long(handle, CURLOPT_NOSIGNAL, 1))
            set(hs_curl_setopt_ptr(handle, CURLOPT_ERRORBUFFER, errorBuffer))
            set(hs_curl_setopt_long(handle, CURLOPT_TIMEOUT, c.timeoutSeconds))
            set(hs_curl_setopt_long(handle, CURLOPT_CONNECTTIMEOUT, min(c.timeoutSeconds, 10)))
            let useSSL = (c.requireTLS || c.isImplicitTLS) ? CURLUSESSL_ALL : CURLUSESSL_TRY
            set(hs_curl_setopt_long(handle, CURLOPT_USE_SSL, Int(useSSL.rawValue)))
            set(hs_curl_setopt_long(handle, CURLOPT_SSL_VERIFYPEER, 1))
            set(hs_curl_setopt_long(handle, CURLOPT_SSL_VERIFYHOST, 2))
            if let caFile = c.caFile { set(hs_curl_setopt_str(handle, CURLOPT_CAINFO, caFile)) }
            if let user = c.username { set(hs_curl_setopt_str(handle, CURLOPT_USERNAME, user)) }
            if let password = c.password { set(hs_curl_setopt_str(handle, CURLOPT_PASSWORD, password)) }
            set(hs_curl_setopt_str(handle, CURLOPT_MAIL_FROM, "<\(sender.address)>"))
            set(hs_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, recipientList))
            set(hs_curl_setopt_long(handle, CURLOPT_UPLOAD, 1))
            set(hs_curl_setopt_read_callback(handle, uploadReadCallback))
            set(hs_curl_setopt_ptr(handle, CURLOPT_READDATA, Unmanaged.passUnretained(reader).toOpaque()))
            if let failed {
                throw MailError.invalidConfiguration("libcurl refused an option: \(String(cString: curl_easy_strerror(failed)))")
            }
            return curl_easy_perform(handle)
        }
        guard result != CURLE_OK else { return }

        var responseCode = 0
        _ = hs_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &responseCode)
        let detail = String(cString: errorBuffer)
        let text = detail.isEmpty ? String(cString: curl_easy_strerror(result)) : detail
        throw Self.mapError(result, responseCode: responseCode, message: text)
    }

    /// Maps a libcurl result and the last SMTP reply code to a `MailError`.
    static func mapError(_ code: CURLcode, responseCode: Int, message: String) -> MailError {
        switch code {
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_PROXY:
            return .connectionFailed(message)
        case CURLE_OPERATION_TIMEDOUT:
            return .timedOut(message)
        case CURLE_USE_SSL_FAILED, CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_ENGINE_NOTFOUND:
            return .tlsFailed(message)
        case CURLE_LOGIN_DENIED:
            return .authenticationFailed(message)
        default:
            if (400..<600).contains(responseCode) {
                return .rejected(smtpCode: responseCode, message: message)
            }
            return .transport(curlCode: Int(code.rawValue), message: message)
        }
    }
}

/// Feeds the rendered message to libcurl's read callback. Used by one transfer on one
/// thread only, so it needs no synchronisation and is not shared.
private final class UploadReader {
    let bytes: [UInt8]
    var offset = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

/// `CURLOPT_READFUNCTION`: copies the next chunk of the message; 0 signals the end.
private let uploadReadCallback: curl_read_callback = { buffer, size, count, userData in
    guard let buffer, let userData else { return 0 }
    let reader = Unmanaged<UploadReader>.fromOpaque(userData).takeUnretainedValue()
    let room = size * count
    let remaining = reader.bytes.count - reader.offset
    let n = min(room, remaining)
    guard n > 0 else { return 0 }
    reader.bytes.withUnsafeBytes { source in
        guard let base = source.baseAddress else { return }
        UnsafeMutableRawPointer(buffer).copyMemory(from: base + reader.offset, byteCount: n)
    }
    reader.offset += n
    return n
}

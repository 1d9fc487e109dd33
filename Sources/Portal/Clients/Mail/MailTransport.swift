/// Something that delivers e-mail: `SMTPClient` in production, `FileMailTransport`
/// when no SMTP server is configured (development, tests).
///
/// `send` may block for network I/O; call it from a background job, not a request task.
public protocol MailTransport: Sendable {
    /// Delivers `message` to all of `message.to`.
    /// - Throws: `MailError`.
    func send(_ message: EmailMessage) throws
}

/// Chooses the transport from configuration.
public enum MailTransports {
    /// An `SMTPClient` when `smtpURL` is set (see `SMTPConfiguration` for the format),
    /// otherwise a `FileMailTransport` writing into `outboxDirectory`.
    /// - Throws: `MailError.invalidConfiguration` for a malformed URL.
    public static func make(smtpURL: String?, outboxDirectory: String, envelopeFrom: String? = nil) throws -> any MailTransport {
        if let smtpURL, !smtpURL.isEmpty {
            return SMTPClient(configuration: try SMTPConfiguration(parsing: smtpURL), envelopeFrom: envelopeFrom)
        }
        return FileMailTransport(directory: outboxDirectory)
    }
}

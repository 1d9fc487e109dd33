import Foundation

/// An extra header of an `EmailMessage`, e.g. `Auto-Submitted: auto-generated`.
public struct EmailHeader: Sendable, Equatable {
    /// Header field name (printable ASCII without `:`; others are dropped when rendering).
    public var name: String
    /// Unencoded value; CR/LF are replaced by spaces and non-ASCII is RFC 2047-encoded.
    public var value: String

    /// Creates a header.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// An outgoing e-mail: addresses as `"Display Name <user@example.com>"` or `"user@example.com"`.
public struct EmailMessage: Sendable, Equatable {
    /// The `From` mailbox.
    public var from: String
    /// `To` recipients (also the SMTP envelope recipients).
    public var to: [String]
    /// Optional `Reply-To` mailbox.
    public var replyTo: String?
    /// Subject; non-ASCII is sent as RFC 2047 encoded words.
    public var subject: String
    /// Plain-text body (always sent).
    public var textBody: String
    /// Optional HTML alternative; when present the message is multipart/alternative.
    public var htmlBody: String?
    /// `Date` header value.
    public var date: Date
    /// `Message-ID` including angle brackets, e.g. `<abc@hosterra.example>`.
    public var messageID: String
    /// Additional headers, e.g. `Auto-Submitted`, `List-Unsubscribe`.
    public var headers: [EmailHeader]

    /// Creates a message; `messageID` defaults to a random id at the sender's domain.
    public init(
        from: String, to: [String], subject: String, textBody: String, htmlBody: String? = nil,
        replyTo: String? = nil, date: Date = Date(), messageID: String? = nil, headers: [EmailHeader] = []
    ) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.date = date
        let domain = MailAddress(parsing: from)?.domain ?? "localhost"
        self.messageID = messageID ?? "<\(SecureRandom.token(bytes: 18))@\(domain)>"
        self.headers = headers
    }
}

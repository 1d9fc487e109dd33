/// Strings of the Mailbox area (see `Text`).
public enum MailboxText: Sendable, Hashable {
    case title
}

extension Catalog {
    static func english(_ text: MailboxText) -> String {
        switch text {
        case .title: return "Mailbox"
        }
    }
}

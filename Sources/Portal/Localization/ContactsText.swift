/// Strings of the Contacts area (see `Text`).
public enum ContactsText: Sendable, Hashable {
    case title
}

extension Catalog {
    static func english(_ text: ContactsText) -> String {
        switch text {
        case .title: return "Contacts"
        }
    }
}

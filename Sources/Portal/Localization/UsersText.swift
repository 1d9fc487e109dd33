/// Strings of the Users area (see `Text`).
public enum UsersText: Sendable, Hashable {
    case title
}

extension Catalog {
    static func english(_ text: UsersText) -> String {
        switch text {
        case .title: return "Users"
        }
    }
}

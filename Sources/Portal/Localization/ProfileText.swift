/// Strings of the Profile area (see `Text`).
public enum ProfileText: Sendable, Hashable {
    case title
}

extension Catalog {
    static func english(_ text: ProfileText) -> String {
        switch text {
        case .title: return "Profile"
        }
    }
}

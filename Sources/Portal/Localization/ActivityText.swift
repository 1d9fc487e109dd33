/// Strings of the Activity area (see `Text`).
public enum ActivityText: Sendable, Hashable {
    case title
}

extension Catalog {
    static func english(_ text: ActivityText) -> String {
        switch text {
        case .title: return "Activity"
        }
    }
}

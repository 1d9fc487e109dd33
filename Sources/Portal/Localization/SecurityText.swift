/// Strings of the Security area (see `Text`).
public enum SecurityText: Sendable, Hashable {
    case title
}

extension Catalog {
    static func english(_ text: SecurityText) -> String {
        switch text {
        case .title: return "Security"
        }
    }
}

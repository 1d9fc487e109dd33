/// Languages the panel speaks. English is complete; French will follow (add a case and a catalog).
public enum Language: String, Sendable, CaseIterable {
    case english = "en"

    public var code: String { rawValue }

    /// Picks the best supported language from an Accept-Language header; English when nothing matches.
    public static func negotiate(acceptLanguage: String?) -> Language {
        guard let header = acceptLanguage else { return .english }
        for part in header.split(separator: ",") {
            let tag = part.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            let primary = tag.split(separator: "-").first.map(String.init) ?? tag
            if let language = Language(rawValue: primary) { return language }
        }
        return .english
    }
}

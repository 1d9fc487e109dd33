/// Validation problems by form field, shown beside the field with what was typed kept.
struct FieldErrors: Sendable, Equatable {
    private var storage: [String: Text] = [:]

    subscript(field: String) -> Text? {
        get { storage[field] }
        set { storage[field] = newValue }
    }

    var isEmpty: Bool { storage.isEmpty }
    var fields: [String] { storage.keys.sorted() }
}

/// Field rules shared by every form and the API.
enum Validation {
    static func email(_ email: String) -> Text? {
        if email.isEmpty { return .fieldRequired }
        if email.utf8.count > 254 { return .fieldTooLong(254) }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].utf8.count <= 64,
              parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains(".."),
              !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," || $0 == ";" || $0 == "\"" }),
              parts[1].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." }),
              // What we cannot send to would fail at delivery: refuse it at the form.
              MailAddress(parsing: email) != nil
        else { return .emailInvalid }
        return nil
    }

    static func password(_ password: String, email: String?) -> Text? {
        guard let problem = PasswordPolicy.validate(password: password, email: email).first else { return nil }
        switch problem {
        case .tooShort(let minimum): return .passwordTooShort(minimum)
        case .tooLong(let maximum): return .passwordTooLong(maximum)
        case .common: return .passwordCommon
        case .containsEmail: return .passwordContainsEmail
        case .repeatedCharacter: return .passwordRepeated
        }
    }
}

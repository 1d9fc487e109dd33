import Foundation

/// Rules for new passwords, following NIST SP 800-63B and OWASP ASVS 2.1:
/// length 12…256, no composition rules, no common passwords, no e-mail local part,
/// not a single repeated character. Apply it when a password is set or changed,
/// never at login.
public struct PasswordPolicy: Sendable {
    /// Minimum length in grapheme clusters after NFKC.
    public let minimumLength: Int
    /// Maximum length in grapheme clusters after NFKC.
    public let maximumLength: Int

    /// Creates a policy; the defaults are the application's rules.
    public init(minimumLength: Int = 12, maximumLength: Int = 256) {
        self.minimumLength = minimumLength
        self.maximumLength = maximumLength
    }

    /// The application's policy (12…256 characters).
    public static let standard = PasswordPolicy()

    /// Checks a candidate password with the standard policy.
    public static func validate(password: String, email: String?) -> [PasswordProblem] {
        standard.validate(password: password, email: email)
    }

    /// Checks a candidate password; returns an empty array when acceptable.
    /// - Parameters:
    ///   - password: the password as typed (it is normalised to NFKC here, as for hashing).
    ///   - email: the account's e-mail address, if known.
    public func validate(password: String, email: String?) -> [PasswordProblem] {
        let normalized = PasswordHasher.normalize(password)
        let length = normalized.count
        var problems: [PasswordProblem] = []
        if length < minimumLength { problems.append(.tooShort(minimum: minimumLength)) }
        if length > maximumLength {
            problems.append(.tooLong(maximum: maximumLength))
            return problems  // don't spend time analysing an oversized input
        }
        let lower = normalized.lowercased()
        if let first = normalized.first, normalized.allSatisfy({ $0 == first }) {
            problems.append(.repeatedCharacter)
        }
        if Self.isCommon(lower) { problems.append(.common) }
        if let email, Self.containsLocalPart(of: email, in: lower) { problems.append(.containsEmail) }
        return problems
    }

    /// Whether the lowercase password is in the list, or a common base word (possibly
    /// in leetspeak) decorated only with digits, symbols and spaces.
    static func isCommon(_ lower: String) -> Bool {
        let compact = String(lower.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) })
        if CommonPasswords.list.contains(lower) || CommonPasswords.list.contains(compact) { return true }
        let core = stripDecoration(compact)
        if core.isEmpty { return false }
        if CommonPasswords.list.contains(core) { return true }
        for candidate in [core, undoLeet(core, one: "i"), undoLeet(core, one: "l")]
        where CommonPasswords.baseWords.contains(candidate) {
            return true
        }
        return false
    }

    /// Removes leading and trailing digits, punctuation and symbols.
    private static func stripDecoration(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        func isDecoration(_ s: Unicode.Scalar) -> Bool {
            CharacterSet.decimalDigits.contains(s) || CharacterSet.punctuationCharacters.contains(s)
                || CharacterSet.symbols.contains(s)
        }
        guard let start = scalars.firstIndex(where: { !isDecoration($0) }),
              let end = scalars.lastIndex(where: { !isDecoration($0) })
        else { return "" }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[start...end])
        return String(out)
    }

    private static func undoLeet(_ text: String, one: Character) -> String {
        String(text.map { ch -> Character in
            switch ch {
            case "0": return "o"
            case "1", "!", "|": return one
            case "3": return "e"
            case "4", "@": return "a"
            case "5", "$": return "s"
            case "7", "+": return "t"
            case "8": return "b"
            case "9": return "g"
            default: return ch
            }
        })
    }

    /// Whether `lowerPassword` contains the e-mail's local part (or the part before a
    /// `+` sub-address) when that part has at least 3 characters.
    private static func containsLocalPart(of email: String, in lowerPassword: String) -> Bool {
        guard let at = email.lastIndex(of: "@") else { return false }
        let local = PasswordHasher.normalize(String(email[..<at])).lowercased()
        var parts = [local]
        if let plus = local.firstIndex(of: "+") { parts.append(String(local[..<plus])) }
        return parts.contains { $0.count >= 3 && lowerPassword.contains($0) }
    }
}

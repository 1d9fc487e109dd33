/// A reason why `PasswordPolicy` refuses a new password. The UI maps each case to a message.
public enum PasswordProblem: Sendable, Hashable {
    /// Fewer characters (grapheme clusters after NFKC) than `minimum`.
    case tooShort(minimum: Int)
    /// More characters than `maximum`.
    case tooLong(maximum: Int)
    /// A well-known password, or a common word decorated with digits or symbols.
    case common
    /// Contains the local part of the account's e-mail address.
    case containsEmail
    /// The same character repeated, e.g. "aaaaaaaaaaaa".
    case repeatedCharacter
}

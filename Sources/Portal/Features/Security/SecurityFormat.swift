import Foundation

/// How the Security pages write times, keys and events for people.
enum SecurityFormat {
    /// "4 Dec 2026, 16:05" in the account's time zone, plus the UTC instant for `<time datetime>`.
    struct Times {
        private let local: LocalTime

        init(timeZone identifier: String, language: Language) {
            local = LocalTime(timeZone: identifier, language: language)
        }

        func display(_ date: Date) -> String { local.format(date) }
        func datetime(_ date: Date) -> String { LocalTime.iso(date) }
    }

    /// The Base32 key in groups of four, as authenticator apps ask for it to be typed.
    static func groupedKey(_ secret: [UInt8]) -> String {
        var groups: [String] = []
        var current = ""
        for character in Base32.encode(secret) {
            current.append(character)
            if current.count == 4 {
                groups.append(current)
                current = ""
            }
        }
        if !current.isEmpty { groups.append(current) }
        return groups.joined(separator: " ")
    }

    /// The human description of a stored event; nil for kinds this version does not know.
    static func eventText(kind: String, detail: String) -> Text? {
        guard let known = SecurityEventKind(rawValue: kind) else { return nil }
        if known == .loginFailed && detail.hasPrefix("second_factor:") { return .security(.eventWrongCode) }
        return .security(eventText(known))
    }

    static func eventText(_ kind: SecurityEventKind) -> SecurityText {
        switch kind {
        case .loginSucceeded: return .eventLoginSucceeded
        case .loginFailed: return .eventLoginFailed
        case .accountLocked: return .eventAccountLocked
        case .logout: return .eventLogout
        case .passwordChanged: return .eventPasswordChanged
        case .passwordReset: return .eventPasswordReset
        case .emailChanged: return .eventEmailChanged
        case .emailVerified: return .eventEmailVerified
        case .twoFactorEnabled: return .eventTwoFactorEnabled
        case .twoFactorDisabled: return .eventTwoFactorDisabled
        case .recoveryCodesRegenerated: return .eventRecoveryCodesRegenerated
        case .recoveryCodeUsed: return .eventRecoveryCodeUsed
        case .sessionEnded: return .eventSessionEnded
        case .passwordConfirmationFailed: return .eventPasswordConfirmationFailed
        }
    }
}

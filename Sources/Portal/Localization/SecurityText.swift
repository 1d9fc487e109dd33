/// Strings of the Security area (see `Text`).
public enum SecurityText: Sendable, Hashable {
    case title
    case lead

    // Second step of login
    case loginTitle
    case loginLead
    case loginCodeLabel
    case loginCodeHint
    case loginSubmit
    case loginCancel
    case codeMalformed
    case codeWrong(attemptsLeft: Int)
    case tooManyCodes

    // Two-factor state on /account/security
    case twoFactorHeading
    case twoFactorOnLead
    case twoFactorOffLead
    case twoFactorEnable
    case disableHeading
    case disableLead
    case disableSubmit
    case fieldCurrentCode
    case passwordWrong
    case recoveryHeading
    case recoveryRemaining(Int)
    case recoveryLead
    case recoverySubmit

    // Enrolment
    case setupTitle
    case setupLead
    case setupStepScan
    case setupQRLabel
    case setupKeyIntro
    case setupStepConfirm
    case setupSubmit
    case setupCodeWrong
    case setupCancel

    // Recovery codes shown once
    case codesTitleEnabled
    case codesTitleRegenerated
    case codesLead
    case codesWarning
    case codesDone

    // Sessions
    case sessionsHeading
    case sessionsLead
    case sessionDevice
    case sessionAddress
    case sessionStarted
    case sessionLastSeen
    case sessionActions
    case sessionThis
    case sessionEnd
    case sessionEndLabel(String)
    case sessionsEndOthers
    case sessionsNone

    // Activity
    case activityHeading
    case activityLead
    case activityWhen
    case activityWhat
    case activityFrom
    case activityNone
    case eventLoginSucceeded
    case eventLoginFailed
    case eventAccountLocked
    case eventLogout
    case eventPasswordChanged
    case eventPasswordReset
    case eventEmailChanged
    case eventEmailVerified
    case eventTwoFactorEnabled
    case eventTwoFactorDisabled
    case eventRecoveryCodesRegenerated
    case eventRecoveryCodeUsed
    case eventSessionEnded
    case eventPasswordConfirmationFailed
    case eventWrongCode

    // Notifications (stored as text in the bell)
    case noticeTwoFactorEnabled
    case noticeTwoFactorDisabled
    case noticeRecoveryCodesRegenerated
    case noticeRecoveryCodeUsed(device: String, ip: String)
    case noticeRecoveryCodesLow(Int)
}

extension Catalog {
    static func english(_ text: SecurityText) -> String {
        switch text {
        case .title: return "Security settings"
        case .lead: return "Two-factor authentication, the places you are signed in, and recent activity."

        case .loginTitle: return "Two-factor authentication"
        case .loginLead: return "Enter the 6-digit code shown in your authenticator app. If you do not have your phone, enter one of your recovery codes."
        case .loginCodeLabel: return "Authentication code or recovery code"
        case .loginCodeHint: return "6 digits, or a recovery code like 4f7q2-kx9m3."
        case .loginSubmit: return "Verify"
        case .loginCancel: return "Cancel and log out"
        case .codeMalformed: return "Enter the 6 digits from your authenticator app, or a 10-character recovery code."
        case .codeWrong(let left):
            return left == 1
                ? "This code is not valid. One attempt left before this sign-in is cancelled."
                : "This code is not valid. Check the time on your phone and try the newest code (\(left) attempts left)."
        case .tooManyCodes: return "Too many wrong codes: this sign-in was cancelled for your security. Log in again with your password."

        case .twoFactorHeading: return "Two-factor authentication"
        case .twoFactorOnLead: return "Each login asks for a code from your authenticator app."
        case .twoFactorOffLead: return "Turn it on so that a stolen password alone cannot open your account."
        case .twoFactorEnable: return "Turn on two-factor authentication"
        case .disableHeading: return "Turn off two-factor authentication"
        case .disableLead: return "Your password and a current code from your app are needed."
        case .disableSubmit: return "Turn off two-factor authentication"
        case .fieldCurrentCode: return "Current code from your app"
        case .passwordWrong: return "This password is not correct."
        case .recoveryHeading: return "Recovery codes"
        case .recoveryRemaining(let count):
            return count == 0 ? "No unused recovery codes left." : count == 1 ? "1 unused recovery code left." : "\(count) unused recovery codes left."
        case .recoveryLead: return "Each recovery code lets you log in once without your phone. New codes replace all the old ones."
        case .recoverySubmit: return "Create new recovery codes"

        case .setupTitle: return "Turn on two-factor authentication"
        case .setupLead: return "You need an authenticator app on your phone, such as Aegis, Google Authenticator or 1Password."
        case .setupStepScan: return "1. Scan this QR code with your authenticator app."
        case .setupQRLabel: return "QR code for setting up your authenticator app"
        case .setupKeyIntro: return "Cannot scan it? Enter this key in the app instead (time-based):"
        case .setupStepConfirm: return "2. Enter the 6-digit code the app now shows."
        case .setupSubmit: return "Turn on"
        case .setupCodeWrong: return "This code does not match. Check that you scanned this page's QR code and that your phone's time is set automatically."
        case .setupCancel: return "Back to security settings"

        case .codesTitleEnabled: return "Two-factor authentication is on"
        case .codesTitleRegenerated: return "Your new recovery codes"
        case .codesLead: return "Save these recovery codes somewhere safe, such as a password manager or a printed page. Each one works once, if you lose your phone."
        case .codesWarning: return "They are shown only this once. Any earlier codes no longer work."
        case .codesDone: return "I have saved my codes"

        case .sessionsHeading: return "Where you are signed in"
        case .sessionsLead: return "End any session you do not recognise, then change your password."
        case .sessionDevice: return "Device"
        case .sessionAddress: return "Address"
        case .sessionStarted: return "Started"
        case .sessionLastSeen: return "Last active"
        case .sessionActions: return "Actions"
        case .sessionThis: return "This session"
        case .sessionEnd: return "End"
        case .sessionEndLabel(let device): return "End the session on \(device)"
        case .sessionsEndOthers: return "End all other sessions"
        case .sessionsNone: return "No other sessions."

        case .activityHeading: return "Recent security activity"
        case .activityLead: return "The latest sign-ins and changes to your login. Something you do not recognise? Change your password."
        case .activityWhen: return "When"
        case .activityWhat: return "What"
        case .activityFrom: return "From"
        case .activityNone: return "No activity yet."
        case .eventLoginSucceeded: return "Logged in"
        case .eventLoginFailed: return "Failed login (wrong password)"
        case .eventAccountLocked: return "Sign-in paused after failed attempts"
        case .eventLogout: return "Logged out"
        case .eventPasswordChanged: return "Password changed"
        case .eventPasswordReset: return "Password reset by email link"
        case .eventEmailChanged: return "Sign-in email changed"
        case .eventEmailVerified: return "Email address confirmed"
        case .eventTwoFactorEnabled: return "Two-factor authentication turned on"
        case .eventTwoFactorDisabled: return "Two-factor authentication turned off"
        case .eventRecoveryCodesRegenerated: return "New recovery codes created"
        case .eventRecoveryCodeUsed: return "Logged in with a recovery code"
        case .eventSessionEnded: return "Session ended from security settings"
        case .eventPasswordConfirmationFailed: return "Wrong password given to confirm a change"
        case .eventWrongCode: return "Wrong authentication code"

        case .noticeTwoFactorEnabled: return "Two-factor authentication was turned on."
        case .noticeTwoFactorDisabled: return "Two-factor authentication was turned off."
        case .noticeRecoveryCodesRegenerated: return "New recovery codes were created; the old ones no longer work."
        case .noticeRecoveryCodeUsed(let device, let ip): return "A recovery code was used to log in from \(device) (\(ip))."
        case .noticeRecoveryCodesLow(let count):
            return count == 0
                ? "You have no recovery codes left. Create new ones in your security settings."
                : "Only \(count) recovery code\(count == 1 ? "" : "s") left. Create new ones in your security settings."
        }
    }
}

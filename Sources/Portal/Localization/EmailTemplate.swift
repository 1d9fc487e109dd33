import HTML

/// Every email the panel sends, with its words per language (English for now). Plain text and
/// HTML are produced from the same sentences so the two parts never disagree.
enum EmailTemplate: Sendable {
    case verifyEmail(name: String, link: String)
    case alreadyRegistered(name: String, loginURL: String, resetURL: String)
    case accountLocked(name: String, minutes: Int, ip: String, resetURL: String)
    case newDevice(name: String, device: String, ip: String, securityURL: String)
    case passwordChanged(name: String, ip: String, resetURL: String)
    case passwordReset(name: String, link: String)
    case passwordResetDone(name: String, ip: String)
    case twoFactorChanged(name: String, enabled: Bool, ip: String)
    case recoveryCodesRegenerated(name: String, ip: String)
    case emailChangeConfirm(name: String, newEmail: String, link: String)
    case emailChangeNotice(name: String, newEmail: String)
    case emailChangeToTakenAddress(name: String, securityURL: String)
    case invitation(inviterName: String, accountName: String, permissions: [String], accessUntil: String?, linkExpires: String, link: String)
    case accessChanged(name: String, accountName: String, permissions: String, accessUntil: String?, accountsURL: String)
    case accessRevoked(name: String, accountName: String, accountsURL: String)

    var category: EmailCategory { .security }

    /// The secret link this email carries (a token whose holder can verify, reset, confirm or join),
    /// if any. Such an email is delivered but its content is never shown in the email history.
    /// Exhaustive on purpose: a new template must say whether it carries one.
    var secretLink: String? {
        switch self {
        case .verifyEmail(_, let link), .passwordReset(_, let link), .emailChangeConfirm(_, _, let link): return link
        case .invitation(_, _, _, _, _, let link): return link
        case .alreadyRegistered, .accountLocked, .newDevice, .passwordChanged, .passwordResetDone, .twoFactorChanged,
             .recoveryCodesRegenerated, .emailChangeNotice, .emailChangeToTakenAddress, .accessChanged, .accessRevoked:
            return nil
        }
    }

    struct Content: Sendable {
        let subject: String
        let text: String
        let html: String
    }

    /// Paragraphs, an optional call-to-action button, then closing lines.
    private struct Parts {
        let subject: String
        let greeting: String
        let paragraphs: [String]
        let action: (label: String, url: String)?
        let after: [String]
    }

    var content: Content {
        let parts = english
        var text = parts.greeting + "\n\n" + parts.paragraphs.joined(separator: "\n\n")
        if let action = parts.action { text += "\n\n" + action.label + ":\n" + action.url }
        if !parts.after.isEmpty { text += "\n\n" + parts.after.joined(separator: "\n\n") }
        text += "\n\n— Hosterra\n"
        let html = EmailBody(parts: parts).renderString()
        return Content(subject: parts.subject, text: text, html: html)
    }

    private var english: Parts {
        switch self {
        case .verifyEmail(let name, let link):
            return Parts(subject: "Confirm your email address", greeting: "Hello \(name),",
                         paragraphs: ["Welcome to Hosterra Account. Confirm that this address is yours to finish creating your account."],
                         action: ("Confirm my email address", link),
                         after: ["The link works once and expires in 24 hours. If you did not sign up, ignore this email."])
        case .alreadyRegistered(let name, let loginURL, let resetURL):
            return Parts(subject: "Someone tried to sign up with your email", greeting: "Hello \(name),",
                         paragraphs: ["Someone tried to create a Hosterra account with this address, which already has one. If it was you, log in instead.",
                                      "Forgot your password? Reset it here: \(resetURL)"],
                         action: ("Log in", loginURL), after: ["If it was not you, nothing changed and you can ignore this email."])
        case .accountLocked(let name, let minutes, let ip, let resetURL):
            return Parts(subject: "Sign-in paused after failed attempts", greeting: "Hello \(name),",
                         paragraphs: ["We stopped accepting sign-ins to your account for \(minutes) minutes after repeated wrong passwords (last from \(ip)).",
                                      "If these attempts were not yours, choose a new, unique password and turn on two-factor authentication."],
                         action: ("Reset my password", resetURL), after: [])
        case .newDevice(let name, let device, let ip, let securityURL):
            return Parts(subject: "New sign-in to your Hosterra account", greeting: "Hello \(name),",
                         paragraphs: ["Your account was just signed in from \(device) at \(ip)."],
                         action: ("Review my security settings", securityURL),
                         after: ["If this was you, nothing to do. If not, change your password and end the unknown session."])
        case .passwordChanged(let name, let ip, let resetURL):
            return Parts(subject: "Your password was changed", greeting: "Hello \(name),",
                         paragraphs: ["The password of your Hosterra account was changed from \(ip). Your other sessions were signed out."],
                         action: ("I did not do this: reset my password", resetURL), after: [])
        case .passwordReset(let name, let link):
            return Parts(subject: "Reset your password", greeting: "Hello \(name),",
                         paragraphs: ["Someone asked to reset the password of your Hosterra account. If it was you, choose a new one."],
                         action: ("Choose a new password", link),
                         after: ["The link works once and expires in 30 minutes. If you did not ask, ignore this email: your password stays as it is."])
        case .passwordResetDone(let name, let ip):
            return Parts(subject: "Your password was reset", greeting: "Hello \(name),",
                         paragraphs: ["The password of your Hosterra account was reset from \(ip), and every session was signed out. Two-factor authentication stays as it was."],
                         action: nil, after: ["If this was not you, contact support at once."])
        case .twoFactorChanged(let name, let enabled, let ip):
            return Parts(subject: enabled ? "Two-factor authentication is on" : "Two-factor authentication was turned off", greeting: "Hello \(name),",
                         paragraphs: [enabled
                                      ? "Two-factor authentication was turned on for your Hosterra account from \(ip). Keep your recovery codes somewhere safe."
                                      : "Two-factor authentication was turned off for your Hosterra account from \(ip)."],
                         action: nil, after: ["If this was not you, change your password and contact support."])
        case .recoveryCodesRegenerated(let name, let ip):
            return Parts(subject: "New recovery codes were created", greeting: "Hello \(name),",
                         paragraphs: ["New two-factor recovery codes were created for your account from \(ip); the old ones no longer work."],
                         action: nil, after: ["If this was not you, change your password and contact support."])
        case .emailChangeConfirm(let name, let newEmail, let link):
            return Parts(subject: "Confirm your new email address", greeting: "Hello \(name),",
                         paragraphs: ["Confirm that \(newEmail) should become the sign-in address of your Hosterra account."],
                         action: ("Confirm the new address", link), after: ["The link works once and expires in 24 hours."])
        case .emailChangeNotice(let name, let newEmail):
            return Parts(subject: "Your sign-in email is changing", greeting: "Hello \(name),",
                         paragraphs: ["A change of the sign-in address of your Hosterra account to \(newEmail) was requested. It takes effect once the new address is confirmed."],
                         action: nil, after: ["If this was not you, change your password and contact support."])
        case .emailChangeToTakenAddress(let name, let securityURL):
            return Parts(subject: "Someone tried to use your email address", greeting: "Hello \(name),",
                         paragraphs: ["Someone signed in to another Hosterra login asked to make this address their sign-in email. It already belongs to your login, so nothing changed and your account is untouched."],
                         action: ("Review my security settings", securityURL),
                         after: ["If you have two Hosterra logins and meant to merge them, contact support. Otherwise you can ignore this email."])
        case .invitation(let inviterName, let accountName, let permissions, let accessUntil, let linkExpires, let link):
            // A fixed subject: names are the customer's own words and stay in the body, where they read as quoted.
            return Parts(subject: "Invitation to help manage a Hosterra account", greeting: "Hello,",
                         paragraphs: ["\(inviterName) invited you to help manage the Hosterra account \(accountName).",
                                      "You would be able to use: " + permissions.joined(separator: ", ") + "."
                                          + (accessUntil.map { " This access ends after \($0)." } ?? ""),
                                      "Open the invitation to accept or decline it. If you have no Hosterra login yet, you can create one with this email address from there."],
                         action: ("Open the invitation", link),
                         after: ["The link works once and expires on \(linkExpires). If you do not know \(inviterName), ignore this email or decline."])
        case .accessChanged(let name, let accountName, let permissions, let accessUntil, let accountsURL):
            return Parts(subject: "Your access to \(accountName) changed", greeting: "Hello \(name),",
                         paragraphs: ["What you may do in the Hosterra account \(accountName) was changed. You can now use: \(permissions)."
                                          + (accessUntil.map { " This access ends after \($0)." } ?? "")],
                         action: ("See my accounts", accountsURL), after: ["Questions about this change? Ask the person who manages \(accountName)."])
        case .accessRevoked(let name, let accountName, let accountsURL):
            return Parts(subject: "Your access to \(accountName) was removed", greeting: "Hello \(name),",
                         paragraphs: ["You can no longer manage the Hosterra account \(accountName): your access was removed. Your own login and any other accounts stay as they were."],
                         action: ("See my accounts", accountsURL), after: ["Questions about this change? Ask the person who manages \(accountName)."])
        }
    }

    private struct EmailBody: HTML {
        let parts: Parts

        var content: some HTML {
            HTMLRaw("<!DOCTYPE html>")
            html(.lang("en")) {
                head {
                    meta(.charset("utf-8"))
                    title { parts.subject }
                }
                body {
                    div(.class("email")) {
                        p { strong { "Hosterra" } }
                        p { parts.greeting }
                        for paragraph in parts.paragraphs { p { paragraph } }
                        if let action = parts.action {
                            p { a(.href(action.url)) { action.label } }
                        }
                        for paragraph in parts.after { p { paragraph } }
                        p { "— Hosterra" }
                    }
                }
            }
        }
    }
}

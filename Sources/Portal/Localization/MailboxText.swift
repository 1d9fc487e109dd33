/// Strings of the Mailbox area (see `Text`): the email history and the notifications page.
public enum MailboxText: Sendable, Hashable {
    case title

    // Email history
    case emailsTitle
    case emailsLead
    case emailsEmpty
    case emailsTableCaption
    case columnDate
    case columnSubject
    case columnCategory
    case columnStatus
    case categorySecurity
    case categoryBilling
    case categoryTechnical
    case categoryCommercial
    case statusSent
    case statusPending
    case statusKept
    case statusFailed
    case lastError(String)
    case noSubject

    // One email
    case emailDetails
    case fieldTo
    case textVersion
    case htmlVersion
    case htmlFrameTitle(String)
    case noHTMLVersion
    case privateLinkHidden
    case backToHistory

    // Paging
    case pagination

    // Notifications
    case notificationsLead
    case notificationsEmpty
    case markAllRead
    case unreadLabel
    case newTag
    case openLink
    case severityInfo
    case severitySuccess
    case severityWarning
    case severityCritical
}

extension Catalog {
    static func english(_ text: MailboxText) -> String {
        switch text {
        case .title: return "Mailbox"

        case .emailsTitle: return "Email history"
        case .emailsLead: return "Every email we sent about this account, newest first, and whether it was delivered."
        case .emailsEmpty: return "No emails have been sent about this account yet."
        case .emailsTableCaption: return "Emails sent about this account"
        case .columnDate: return "Date"
        case .columnSubject: return "Subject"
        case .columnCategory: return "Category"
        case .columnStatus: return "Status"
        case .categorySecurity: return "Security"
        case .categoryBilling: return "Billing"
        case .categoryTechnical: return "Technical"
        case .categoryCommercial: return "Commercial"
        case .statusSent: return "Sent"
        case .statusPending: return "Waiting"
        case .statusKept: return "Kept: no SMTP configured"
        case .statusFailed: return "Failed"
        case .lastError(let kind):
            return kind == "failed" ? "It could not be delivered. Contact support if you need it again."
                                    : "Delivery failed for now; it is retried automatically."
        case .noSubject: return "(no subject)"

        case .emailDetails: return "Email details"
        case .fieldTo: return "To"
        case .textVersion: return "Text version"
        case .htmlVersion: return "HTML version"
        case .htmlFrameTitle(let subject): return "HTML version of “\(subject)”"
        case .noHTMLVersion: return "This email has no HTML version."
        case .privateLinkHidden: return "This email carries a private link (to confirm an address or reset a password), so its content is shown only in the inbox it was sent to."
        case .backToHistory: return "Back to the email history"

        case .pagination: return "Pages"

        case .notificationsLead: return "Messages about your account and services. Unread ones are marked “New”."
        case .notificationsEmpty: return "You have no notifications."
        case .markAllRead: return "Mark all as read"
        case .unreadLabel: return "Unread:"
        case .newTag: return "New"
        case .openLink: return "Open"
        case .severityInfo: return "Information"
        case .severitySuccess: return "Success"
        case .severityWarning: return "Warning"
        case .severityCritical: return "Critical"
        }
    }
}

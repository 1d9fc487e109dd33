/// Strings of the Activity area (see `Text`).
public enum ActivityText: Sendable, Hashable {
    case title
    case lead

    // Filters
    case filtersHeading
    case fieldAction
    case anyAction
    case fieldPerson
    case fieldPersonHint
    case fieldFrom
    case fieldTo
    case dateHint(timeZone: String)
    case applyFilters
    case clearFilters
    case downloadCSV
    case filtersIgnored
    case dateInvalid
    case dateRangeReversed
    case actionUnknown

    // The table
    case tableCaption
    case columnTime
    case columnWho
    case columnAddress
    case columnAction
    case columnTarget
    case columnChange
    case change(before: String, after: String)
    case empty
    case emptyFiltered

    // Pages
    case paginationLabel
    case pageStatus(page: Int, pages: Int, events: Int)

    /// The human description of a recorded action, by its stored code (`AuditAction.rawValue`);
    /// a code this version does not know is shown as it is.
    case action(String)
}

extension Catalog {
    static func english(_ text: ActivityText) -> String {
        switch text {
        case .title: return "Activity log"
        case .lead: return "Every change made in this account: when, by whom, from which address, and what changed."

        case .filtersHeading: return "Filter the log"
        case .fieldAction: return "Action"
        case .anyAction: return "All actions"
        case .fieldPerson: return "Person"
        case .fieldPersonHint: return "Part of a name or email address."
        case .fieldFrom: return "From"
        case .fieldTo: return "To"
        case .dateHint(let zone): return "YYYY-MM-DD, in the account's time zone (\(zone))."
        case .applyFilters: return "Apply filters"
        case .clearFilters: return "Clear filters"
        case .downloadCSV: return "Download as CSV"
        case .filtersIgnored: return "Some filters could not be used and were ignored; see the message beside each one."
        case .dateInvalid: return "Enter a date as YYYY-MM-DD, for example 2026-12-04."
        case .dateRangeReversed: return "The end date must be on or after the start date."
        case .actionUnknown: return "Choose an action from the list."

        case .tableCaption: return "Recorded actions, newest first"
        case .columnTime: return "Time"
        case .columnWho: return "Who"
        case .columnAddress: return "Address"
        case .columnAction: return "Action"
        case .columnTarget: return "Target"
        case .columnChange: return "Change"
        case .change(let before, let after):
            if before.isEmpty { return after }
            if after.isEmpty { return before }
            return "\(before) → \(after)"
        case .empty: return "Nothing has been recorded in this account yet."
        case .emptyFiltered: return "No recorded action matches these filters."

        case .paginationLabel: return "Pages of the activity log"
        case .pageStatus(let page, let pages, let events):
            return "Page \(page) of \(pages) (\(events == 1 ? "1 action" : "\(events) actions"))"

        case .action(let code): return AuditAction(rawValue: code).flatMap(englishActionName) ?? code
        }
    }

    /// The description of each action; exhaustive, so a new action does not build without its text.
    static func englishActionName(_ action: AuditAction) -> String? {
        switch action {
        case .invitationSent: return "Invitation sent"
        case .invitationResent: return "Invitation sent again"
        case .invitationCancelled: return "Invitation cancelled"
        case .invitationAccepted: return "Invitation accepted"
        case .invitationDeclined: return "Invitation declined"
        case .accessUpdated: return "Access changed"
        case .accessRevoked: return "Access revoked"
        case .accessLeft: return "Left the account"
        case .delegateTwoFactorChanged: return "Two-factor requirement for users changed"
        case .profileUpdated: return "Account details updated"
        case .preferencesUpdated: return "Communication preferences updated"
        case .contactCreated: return "Contact added"
        case .contactUpdated: return "Contact updated"
        case .contactDeleted: return "Contact deleted"
        case .invitationExpired: return "Invitation expired"
        }
    }
}

import Foundation
import HTTPServer

/// What a delegate is given: every permission, or a chosen set, optionally until a day ends.
struct AccessGrant: Sendable, Equatable {
    var fullAccess: Bool
    var permissions: Set<Permission>
    /// The first instant the access no longer works (the end of the chosen day in the account's time zone).
    var expiresAt: Date?

    /// A short, stable summary for the audit log ("full access" / "contacts, emails; until 2026-12-04").
    func auditSummary(timeZone: String) -> String {
        var text = fullAccess ? "full access" : "permissions: " + permissions.sorted().map(\.rawValue).joined(separator: ", ")
        if let expiresAt { text += "; until " + AccessGrant.dayString(expiresAt, timeZone: timeZone) }
        return text
    }

    /// The day an expiry falls at the end of, as YYYY-MM-DD in the zone (what the form shows back).
    static func dayString(_ expiresAt: Date, timeZone: String) -> String {
        CalendarDay(expiresAt.addingTimeInterval(-1), timeZone: timeZone).description
    }

    /// The end of the day `text` (YYYY-MM-DD) in the zone, i.e. the next midnight; nil when not a real date.
    static func endOfDay(_ text: String, timeZone: String) -> Date? {
        CalendarDay(text)?.end(in: timeZone)
    }
}

/// Who may give what. Nobody grants a permission they do not hold; only the owner grants
/// "users" or full access (which includes users and every permission added later).
enum GrantRules {
    static func grantable(by actor: Identity.AccountRef) -> Set<Permission> {
        if actor.role == .owner { return Set(Permission.allCases) }
        let held = actor.fullAccess ? Set(Permission.allCases) : actor.permissions
        return held.subtracting([.users])
    }

    static func mayGrantFullAccess(_ actor: Identity.AccountRef) -> Bool { actor.role == .owner }

    static func allows(_ actor: Identity.AccountRef, fullAccess: Bool, permissions: Set<Permission>) -> Bool {
        if fullAccess { return mayGrantFullAccess(actor) }
        return permissions.isSubset(of: grantable(by: actor))
    }

    /// Whether the actor may give access ending at `expiresAt` (nil: no end). A delegate whose own
    /// access ends never gives access beyond that day, nor access without an end.
    static func allowsEnd(_ actor: Identity.AccountRef, _ expiresAt: Date?) -> Bool {
        guard let own = actor.accessEndsAt else { return true }
        guard let expiresAt else { return false }
        return expiresAt <= own
    }

    /// A delegate can be changed, revoked or re-invited by someone who could have granted all they hold,
    /// for as long as they hold it: a delegate never touches the owner, anyone holding more than they
    /// may give, or anyone whose access outlasts theirs.
    static func mayManage(_ actor: Identity.AccountRef, fullAccess: Bool, permissions: Set<Permission>, expiresAt: Date?) -> Bool {
        allows(actor, fullAccess: fullAccess, permissions: permissions) && allowsEnd(actor, expiresAt)
    }
}

/// The access part of the invite and change forms, as typed.
struct AccessForm: Sendable {
    enum Field {
        static let email = "email"
        static let access = "access"
        static let permissions = "permissions"
        static let expires = "expires"
    }

    static let fullValue = "full"
    static let chosenValue = "chosen"

    var email = ""
    var access = AccessForm.chosenValue
    /// Raw checkbox values, kept so the page can tick them again.
    var permissions: [String] = []
    var expires = ""

    init() {}

    init(form: FormData) {
        email = String((form[Field.email] ?? "").prefix(320))
        access = form[Field.access] == Self.fullValue ? Self.fullValue : Self.chosenValue
        permissions = Array(form.all(Field.permissions).prefix(64))
        expires = String((form[Field.expires] ?? "").trimmingCharacters(in: .whitespaces).prefix(32))
    }

    init(grant: AccessGrant, timeZone: String) {
        access = grant.fullAccess ? Self.fullValue : Self.chosenValue
        permissions = grant.permissions.sorted().map(\.rawValue)
        expires = grant.expiresAt.map { AccessGrant.dayString($0, timeZone: timeZone) } ?? ""
    }

    var isFullAccess: Bool { access == Self.fullValue }

    func isChecked(_ permission: Permission) -> Bool { permissions.contains(permission.rawValue) }

    /// The grant typed, or the problems beside each field. Whether the actor may give it is checked apart.
    func grant(timeZone: String, now: Date) -> (AccessGrant?, FieldErrors) {
        var errors = FieldErrors()
        var chosen = Set<Permission>()
        for raw in permissions {
            if let permission = Permission(rawValue: raw) { chosen.insert(permission) }
            else { errors[Field.permissions] = .users(.permissionUnknown) }
        }
        if !isFullAccess, chosen.isEmpty, errors[Field.permissions] == nil { errors[Field.permissions] = .users(.permissionsRequired) }
        var expiresAt: Date?
        if !expires.isEmpty {
            if let end = AccessGrant.endOfDay(expires, timeZone: timeZone) {
                if end <= now { errors[Field.expires] = .users(.expiryPast) }
                else if end > now.addingTimeInterval(10 * 366 * 24 * 3600) { errors[Field.expires] = .users(.expiryTooFar) }
                else { expiresAt = end }
            } else {
                errors[Field.expires] = .users(.expiryInvalid)
            }
        }
        guard errors.isEmpty else { return (nil, errors) }
        return (AccessGrant(fullAccess: isFullAccess, permissions: isFullAccess ? [] : chosen, expiresAt: expiresAt), errors)
    }
}

import Foundation

/// How the Users pages write access and times.
enum UsersFormat {
    /// "Full access", or the permission names ("Contacts, Email history").
    static func access(fullAccess: Bool, permissions: Set<Permission>, role: MembershipRole, _ catalog: Catalog) -> String {
        if role == .owner || fullAccess { return catalog(.users(.fullAccess)) }
        if permissions.isEmpty { return catalog(.users(.noPermissions)) }
        return permissions.sorted().map { catalog(.permissionName($0)) }.joined(separator: ", ")
    }

    /// The last day an access works ("4 Dec 2026"), from the instant it ends.
    static func lastDay(_ expiresAt: Date, timeZone: String) -> String {
        let full = TimeZones.format(expiresAt.addingTimeInterval(-1), in: timeZone)
        return full.components(separatedBy: ", ").first ?? full
    }

    static func moment(_ date: Date, timeZone: String) -> String {
        TimeZones.format(date, in: timeZone)
    }
}

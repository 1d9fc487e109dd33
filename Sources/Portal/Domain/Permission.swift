/// What a person may do in an account. The owner holds every permission; a delegate holds the
/// ones granted. This list is the one place permissions are declared: later features add cases.
public enum Permission: String, Sendable, CaseIterable, Hashable, Comparable {
    case profile
    case contacts
    case servicesView = "services.view"
    case servicesManage = "services.manage"
    case orders
    case domainsView = "domains.view"
    case domainsManage = "domains.manage"
    case sslView = "ssl.view"
    case sslManage = "ssl.manage"
    case billingView = "billing.view"
    case billingPay = "billing.pay"
    case billingMethods = "billing.methods"
    case support
    case emails
    case consumption
    case users

    public static func < (lhs: Permission, rhs: Permission) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// Stored as a comma-separated list of raw values; unknown names (from a newer release) are ignored.
    static func decode(_ text: String) -> Set<Permission> {
        Set(text.split(separator: ",").compactMap { Permission(rawValue: String($0)) })
    }

    static func encode(_ permissions: Set<Permission>) -> String {
        permissions.sorted().map(\.rawValue).joined(separator: ",")
    }
}

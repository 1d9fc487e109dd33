import Foundation

/// A person who logs in. Email, password, 2FA and sessions belong to the user.
struct User: Sendable, Decodable {
    let id: Int64
    let publicId: String
    let email: String
    let name: String
    let passwordHash: String
    let emailVerifiedAt: Date?
    let totpSecret: [UInt8]?
    let totpPendingSecret: [UInt8]?
    let totpEnabledAt: Date?
    let totpLastStep: Int64?
    let lastAccountId: Int64?
    let lockedUntil: Date?
    let createdAt: Date

    var isVerified: Bool { emailVerifiedAt != nil }
    var hasTwoFactor: Bool { totpEnabledAt != nil && totpSecret != nil }
}

/// A customer: profile, services and billing belong to the account.
struct Account: Sendable, Decodable {
    let id: Int64
    let publicId: String
    let number: String
    let name: String
    let company: String
    let addressLine1: String
    let addressLine2: String
    let postalCode: String
    let city: String
    let country: String
    let phone: String
    let vatNumber: String
    let language: String
    let timeZone: String
    let prefBilling: Bool
    let prefTechnical: Bool
    let prefCommercial: Bool
    let requireDelegateTwoFactor: Bool
}

enum MembershipRole: String, Sendable {
    case owner, delegate
}

enum SessionStage: String, Sendable {
    /// Password given, second factor still due: only /login/2fa and logout are reachable.
    case pendingSecondFactor = "pending_2fa"
    case full
}

/// Everything about the signed-in visitor that middleware and pages need, loaded in one query.
public struct Identity: Sendable {
    let sessionID: Int64
    let sessionPublicID: String
    let stage: SessionStage
    let sessionCreatedAt: Date
    let sessionLastSeenAt: Date
    let userID: Int64
    let userPublicID: String
    let userName: String
    let email: String
    let emailVerified: Bool
    let twoFactorEnabled: Bool
    /// The account being managed, when the user has one they may enter.
    let account: AccountRef?
    /// The bell's count; the notifications page lowers it for the page that marks them read.
    var unreadNotifications: Int

    struct AccountRef: Sendable {
        let id: Int64
        let publicID: String
        let number: String
        let name: String
        let role: MembershipRole
        /// Every permission, including those added by later releases.
        let fullAccess: Bool
        let permissions: Set<Permission>
        let requireDelegateTwoFactor: Bool
        /// When this delegate's own access ends; nil for the owner and for access without an end.
        var accessEndsAt: Date? = nil
    }

    /// Whether the current account grants `permission` (the owner holds them all).
    func may(_ permission: Permission) -> Bool {
        guard let account else { return false }
        return account.role == .owner || account.fullAccess || account.permissions.contains(permission)
    }
}

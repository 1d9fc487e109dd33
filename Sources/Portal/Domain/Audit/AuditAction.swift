/// Everything recorded in an account's audit log (/account/activity). Each later feature adds its actions here.
enum AuditAction: String, Sendable, CaseIterable {
    case invitationSent = "invitation.sent"
    case invitationResent = "invitation.resent"
    case invitationCancelled = "invitation.cancelled"
    case invitationAccepted = "invitation.accepted"
    case invitationDeclined = "invitation.declined"
    case invitationExpired = "invitation.expired"
    case accessUpdated = "access.updated"
    case accessRevoked = "access.revoked"
    case accessLeft = "access.left"
    case delegateTwoFactorChanged = "access.require-2fa"
    case profileUpdated = "profile.updated"
    case preferencesUpdated = "preferences.updated"
    case contactCreated = "contact.created"
    case contactUpdated = "contact.updated"
    case contactDeleted = "contact.deleted"
}

/// Who did something, from where: the person signed in and their address.
struct AuditActor: Sendable {
    let userID: Int64?
    /// "Name <email>", kept as text so the log still reads right after the user is gone.
    let label: String
    let ip: String

    init(userID: Int64?, label: String, ip: String) {
        self.userID = userID
        self.label = label
        self.ip = ip
    }

    init(_ identity: Identity, ip: String) {
        self.init(userID: identity.userID, label: "\(identity.userName) <\(identity.email)>", ip: ip)
    }
}

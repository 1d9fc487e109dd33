/// Strings of the Users area: /account/users, invitations, /accounts (see `Text`).
public enum UsersText: Sendable, Hashable {
    case title
    case lead

    // Who has access
    case membersHeading
    case columnPerson
    case columnRole
    case columnAccess
    case columnExpires
    case columnSince
    case columnLastActive
    case columnActions
    case columnInvitedBy
    case columnLinkExpires
    case you
    case roleOwner
    case roleDelegate
    case fullAccess
    case fullAccessHint
    case noPermissions
    case noExpiry
    case expired
    case neverActive
    case until(String)
    case change
    case changeLabel(String)

    // Invitations
    case invitationsHeading
    case invitationsNone
    case resend
    case cancelInvitation
    case inviteHeading
    case inviteLead
    case inviteSubmit
    case verifyBeforeInviting
    case alreadyMember
    case alreadyMemberResend
    case inviteTooOften(Int)
    case inviteDailyLimit(Int)
    case inviteRecipientLimit

    // The access fields
    case accessLegend
    case chosenAccess
    case chosenAccessHint
    case grantOnlyYourOwn
    case permissionsLegend
    case permissionsRequired
    case permissionUnknown
    case fieldExpires
    case fieldExpiresHint(String)
    case expiryInvalid
    case expiryPast
    case expiryTooFar
    case expiryBeyondOwn(String)
    case fieldExpiresOwnLimit(String)

    // Changing one person's access
    case editTitle(String)
    case editLead
    case backToUsers
    case accessHeading
    case sinceLine(since: String, lastActive: String)
    case accessExpiredNote
    case saveAccess
    case revokeHeading
    case revokeLead(String)
    case revokeSubmit

    // Refusals (403)
    case noAccount
    case ownerOnly
    case ownerUntouchable
    case grantBeyondOwn
    case memberBeyondOwn
    case invitationBeyondOwn
    case ownerCannotLeave

    // Two-factor requirement
    case requireTwoFactorHeading
    case requireTwoFactorLabel
    case requireTwoFactorHint
    case requireTwoFactorSave

    // The invitation link
    case invitationTitle(String)
    case invitationLead(inviter: String, account: String, email: String)
    case invitationOffered
    case invitationAccessEnds(String)
    case invitationLinkExpires(String)
    case accept
    case decline
    case invitationSignIn(String)
    case invitationLogIn
    case invitationCreateLogin
    case invitationWrongUser(invited: String, signedInAs: String)
    case invitationVerifyFirst(String)
    case invitationAlreadyMember
    case invitationDeclineLead
    case invitationProblemTitle
    case invitationInvalid
    case invitationUsed
    case invitationWithdrawn
    case invitationExpired
    case declinedTitle
    case declinedMessage(String)
    case goToAccounts

    // Notifications
    case noticeAccessChanged(String)
    case noticeAccessRevoked(String)
    case noticeInvitationAccepted(email: String, account: String)
    case noticeInvitationDeclined(email: String, account: String)
    case noticeMemberLeft(email: String, account: String)

    // Switch account
    case accountsTitle
    case accountsLead
    case accountsNoneTitle
    case accountsNone
    case accountCurrent
    case accountLastUsed
    case accountLine(number: String, owner: String)
    case switchSubmit
    case switchContinue
    case leaveSubmit
}

extension Catalog {
    static func english(_ text: UsersText) -> String {
        switch text {
        case .title: return "Users and access"
        case .lead: return "Invite people to help manage this account, choose what each may do, and remove access at any time."

        case .membersHeading: return "People with access"
        case .columnPerson: return "Person"
        case .columnRole: return "Role"
        case .columnAccess: return "May use"
        case .columnExpires: return "Access ends"
        case .columnSince: return "Since"
        case .columnLastActive: return "Last active"
        case .columnActions: return "Actions"
        case .columnInvitedBy: return "Invited by"
        case .columnLinkExpires: return "Link valid until"
        case .you: return "(you)"
        case .roleOwner: return "Owner"
        case .roleDelegate: return "Delegate"
        case .fullAccess: return "Full access"
        case .fullAccessHint: return "Everything in this account, including managing users and anything added later."
        case .noPermissions: return "Nothing"
        case .noExpiry: return "Never"
        case .expired: return "Expired"
        case .neverActive: return "Not yet"
        case .until(let day): return "Until \(day)"
        case .change: return "Change"
        case .changeLabel(let name): return "Change the access of \(name)"

        case .invitationsHeading: return "Pending invitations"
        case .invitationsNone: return "No invitation is waiting for an answer."
        case .resend: return "Resend"
        case .cancelInvitation: return "Cancel"
        case .inviteHeading: return "Invite someone"
        case .inviteLead: return "They receive an email with a link valid for 7 days. Someone without a Hosterra login creates one from that link."
        case .inviteSubmit: return "Send the invitation"
        case .verifyBeforeInviting: return "Confirm your email address before inviting anyone: use the link we sent you."
        case .alreadyMember: return "This person already has access to this account."
        case .alreadyMemberResend: return "This person has access to this account already; cancel the invitation instead."
        case .inviteTooOften(let count): return "This address was sent \(count) invitations in the last hour. Wait an hour before sending another."
        case .inviteRecipientLimit: return "This address has received the most invitations allowed today. Try again tomorrow."
        case .inviteDailyLimit(let count): return "This account has sent \(count) invitations in the last 24 hours, the most allowed. Try again tomorrow, or contact support."

        case .accessLegend: return "What they may do"
        case .chosenAccess: return "Only the permissions ticked below"
        case .chosenAccessHint: return "Choose at least one."
        case .grantOnlyYourOwn: return "You can give only permissions you hold yourself; only the owner can give access to users or full access."
        case .permissionsLegend: return "Permissions"
        case .permissionsRequired: return "Tick at least one permission, or choose full access."
        case .permissionUnknown: return "One of the permissions does not exist. Tick them again."
        case .fieldExpires: return "Access ends after (optional)"
        case .fieldExpiresHint(let zone): return "A date as YYYY-MM-DD. The access stops at the end of that day, \(zone) time. Leave empty for no end."
        case .expiryInvalid: return "Enter a date as YYYY-MM-DD, for example 2027-03-31."
        case .expiryPast: return "Choose today or a later day."
        case .expiryBeyondOwn(let day): return "Your own access ends after \(day): choose that day or an earlier one."
        case .fieldExpiresOwnLimit(let day): return "Required: your own access ends after \(day), and what you give cannot outlast it."
        case .expiryTooFar: return "Choose a day within the next 10 years, or leave empty for no end."

        case .editTitle(let name): return "Access of \(name)"
        case .editLead: return "Changes apply on their very next page, in every session they have open."
        case .backToUsers: return "Back to users and access"
        case .accessHeading: return "What they may do"
        case .sinceLine(let since, let lastActive): return "Access since \(since) · last active: \(lastActive)"
        case .accessExpiredNote: return "This access has ended. Choose a later end date (or none) to give it back."
        case .saveAccess: return "Save the access"
        case .revokeHeading: return "Remove access"
        case .revokeLead(let name): return "\(name) can no longer enter this account, from their very next page. Their own login stays."
        case .revokeSubmit: return "Remove access"

        case .noAccount: return "Choose an account first."
        case .ownerOnly: return "Only the account owner can do this."
        case .ownerUntouchable: return "The owner's access cannot be changed or removed."
        case .grantBeyondOwn: return "You can give only permissions you hold yourself, and only the owner can give access to users or full access."
        case .memberBeyondOwn: return "This person holds permissions you do not have: only the owner can change or remove their access."
        case .invitationBeyondOwn: return "This invitation offers permissions you do not have: only the owner can change it."
        case .ownerCannotLeave: return "The owner cannot leave their own account."

        case .requireTwoFactorHeading: return "Two-factor authentication for delegates"
        case .requireTwoFactorLabel: return "Require two-factor authentication"
        case .requireTwoFactorHint: return "Delegates without it are sent to set it up before they can use this account."
        case .requireTwoFactorSave: return "Save"

        case .invitationTitle(let account): return "Invitation to manage \(account)"
        case .invitationLead(let inviter, let account, let email):
            return "\(inviter.isEmpty ? "Someone" : inviter) invited \(email) to help manage the Hosterra account \(account)."
        case .invitationOffered: return "What you could do"
        case .invitationAccessEnds(let day): return "This access would end after \(day)."
        case .invitationLinkExpires(let moment): return "This link is valid until \(moment)."
        case .accept: return "Accept"
        case .decline: return "Decline"
        case .invitationSignIn(let email): return "To accept, log in as \(email). No Hosterra login yet? Create one with that address; you come back here afterwards."
        case .invitationLogIn: return "Log in to accept"
        case .invitationCreateLogin: return "Create an account"
        case .invitationWrongUser(let invited, let signedInAs):
            return "This invitation is for \(invited); you are signed in as \(signedInAs). Log out and log in as \(invited) to accept it."
        case .invitationVerifyFirst(let email): return "Confirm \(email) first with the link we sent, then open this invitation again."
        case .invitationAlreadyMember: return "You already have access to this account."
        case .invitationDeclineLead: return "Not interested? Declining tells the person who invited you."
        case .invitationProblemTitle: return "Invitation"
        case .invitationInvalid: return "This invitation link is not valid. Check that you copied the whole link."
        case .invitationUsed: return "This invitation was already answered."
        case .invitationWithdrawn: return "This invitation was cancelled or replaced by a newer one. Use the link in the latest email, or ask for a new invitation."
        case .invitationExpired: return "This invitation has expired. Ask the person who invited you to send it again."
        case .declinedTitle: return "Invitation declined"
        case .declinedMessage(let account): return "You declined the invitation to manage \(account). Nothing else changes."
        case .goToAccounts: return "My accounts"

        case .noticeAccessChanged(let account): return "Your access to \(account) was changed."
        case .noticeAccessRevoked(let account): return "Your access to \(account) was removed."
        case .noticeInvitationAccepted(let email, let account): return "\(email) accepted the invitation to \(account)."
        case .noticeInvitationDeclined(let email, let account): return "\(email) declined the invitation to \(account)."
        case .noticeMemberLeft(let email, let account): return "\(email) gave up their access to \(account)."

        case .accountsTitle: return "Switch account"
        case .accountsLead: return "Every account you may manage with this login. Your choice is remembered for your next login."
        case .accountsNoneTitle: return "No account to manage"
        case .accountsNone: return "Your login has no account it may enter right now: your access may have been removed or may have ended. Ask the account's owner to invite you again. Your password and security settings remain available from the menu."
        case .accountCurrent: return "Current"
        case .accountLastUsed: return "Last used"
        case .accountLine(let number, let owner): return "Account \(number) · owner: \(owner)"
        case .switchSubmit: return "Switch"
        case .switchContinue: return "Continue with this account"
        case .leaveSubmit: return "Leave"
        }
    }
}

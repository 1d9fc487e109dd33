import Foundation
import HTML

/// /account/users: everyone with access, pending invitations, the invite form and (for the owner)
/// the two-factor requirement for delegates.
enum UsersPage {
    static let requireTwoFactorField = "require"

    struct MemberRow: Sendable {
        let publicID: String
        let name: String
        let email: String
        let role: MembershipRole
        let access: String
        /// "4 Dec 2026", or nil when the access does not end.
        let lastDay: String?
        let expired: Bool
        let since: String
        let lastActive: String?
        let isYou: Bool
        /// Whether this viewer may change or revoke it (never the owner, never someone holding more).
        let manageable: Bool
    }

    struct InvitationRow: Sendable {
        let publicID: String
        let email: String
        let access: String
        let lastDay: String?
        let invitedBy: String
        let sent: String
        let linkExpires: String
        let manageable: Bool
    }

    struct Model: Sendable {
        let members: [MemberRow]
        let invitations: [InvitationRow]
        let access: AccessFields.Model
        let inviteEmail: String
        let inviteEmailError: Text?
        let inviterVerified: Bool
        /// The require-2FA setting, shown to the owner only.
        let requireDelegateTwoFactor: Bool?
    }

    static func model(_ overview: DelegationService.Overview, identity: Identity, actor: Identity.AccountRef,
                      form: AccessForm, errors: FieldErrors, catalog: Catalog) -> Model {
        let zone = overview.account.timeZone
        let members = overview.members.map { member -> MemberRow in
            let role = member.membershipRole
            return MemberRow(
                publicID: member.publicId, name: member.userName, email: member.email, role: role,
                access: UsersFormat.access(fullAccess: member.fullAccess, permissions: member.permissionSet, role: role, catalog),
                lastDay: member.expiresAt.map { UsersFormat.lastDay($0, timeZone: zone) }, expired: !member.isLive(at: overview.now),
                since: UsersFormat.moment(member.createdAt, timeZone: zone),
                lastActive: member.lastActiveAt.map { UsersFormat.moment($0, timeZone: zone) },
                isYou: member.userId == identity.userID,
                manageable: role == .delegate && GrantRules.mayManage(actor, fullAccess: member.fullAccess, permissions: member.permissionSet,
                                                                      expiresAt: member.expiresAt))
        }
        let invitations = overview.invitations.map { invitation in
            InvitationRow(
                publicID: invitation.publicId, email: invitation.email,
                access: UsersFormat.access(fullAccess: invitation.fullAccess, permissions: invitation.permissionSet, role: .delegate, catalog),
                lastDay: invitation.accessExpiresAt.map { UsersFormat.lastDay($0, timeZone: zone) },
                invitedBy: invitation.inviterName ?? "",
                sent: UsersFormat.moment(invitation.createdAt, timeZone: zone),
                linkExpires: UsersFormat.moment(invitation.expiresAt, timeZone: zone),
                manageable: GrantRules.mayManage(actor, fullAccess: invitation.fullAccess, permissions: invitation.permissionSet,
                                                 expiresAt: invitation.accessExpiresAt))
        }
        return Model(members: members, invitations: invitations,
                     access: AccessFields.Model(form: form, errors: errors, actor: actor, timeZone: zone),
                     inviteEmail: String(form.email.prefix(254)), inviteEmailError: errors[AccessForm.Field.email],
                     inviterVerified: identity.emailVerified,
                     requireDelegateTwoFactor: actor.role == .owner ? overview.account.requireDelegateTwoFactor : nil)
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            PageHeader(title: catalog(.users(.title)), lead: catalog(.users(.lead)))
            div(.class("stack")) {
                MembersCard(rows: model.members, catalog: catalog, csrf: csrf)
                InvitationsCard(rows: model.invitations, catalog: catalog, csrf: csrf)
                InviteCard(model: model, catalog: catalog, csrf: csrf)
                if let required = model.requireDelegateTwoFactor {
                    TwoFactorRequirementCard(required: required, catalog: catalog, csrf: csrf)
                }
            }
        }
    }

    struct MembersCard: HTML {
        let rows: [MemberRow]
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            section(.class("card stack"), .aria("labelledby", "members-title")) {
                h2(.id("members-title")) { catalog(.users(.membersHeading)) }
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col")) { catalog(.users(.columnPerson)) }
                                th(.scope("col")) { catalog(.users(.columnRole)) }
                                th(.scope("col")) { catalog(.users(.columnAccess)) }
                                th(.scope("col")) { catalog(.users(.columnExpires)) }
                                th(.scope("col")) { catalog(.users(.columnSince)) }
                                th(.scope("col")) { catalog(.users(.columnLastActive)) }
                                th(.scope("col")) { catalog(.users(.columnActions)) }
                            }
                        }
                        tbody {
                            for row in rows {
                                tr {
                                    td {
                                        strong { row.name }
                                        if row.isYou { " " + catalog(.users(.you)) }
                                        br()
                                        span(.class("muted")) { row.email }
                                    }
                                    td { catalog(.users(row.role == .owner ? .roleOwner : .roleDelegate)) }
                                    td { row.access }
                                    td {
                                        if row.expired {
                                            span(.class("tag tag-danger")) { catalog(.users(.expired)) }
                                            " "
                                        }
                                        row.lastDay ?? catalog(.users(.noExpiry))
                                    }
                                    td { row.since }
                                    td { row.lastActive ?? catalog(.users(.neverActive)) }
                                    td {
                                        if row.manageable {
                                            a(.href(SiteRoute.userEdit(row.publicID).path), .aria("label", catalog(.users(.changeLabel(row.name))))) {
                                                catalog(.users(.change))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    struct InvitationsCard: HTML {
        let rows: [InvitationRow]
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            section(.class("card stack"), .aria("labelledby", "invitations-title")) {
                h2(.id("invitations-title")) { catalog(.users(.invitationsHeading)) }
                if rows.isEmpty {
                    p(.class("muted")) { catalog(.users(.invitationsNone)) }
                } else {
                    div(.class("table-wrap")) {
                        table {
                            thead {
                                tr {
                                    th(.scope("col")) { catalog(.fieldEmail) }
                                    th(.scope("col")) { catalog(.users(.columnAccess)) }
                                    th(.scope("col")) { catalog(.users(.columnInvitedBy)) }
                                    th(.scope("col")) { catalog(.users(.columnLinkExpires)) }
                                    th(.scope("col")) { catalog(.users(.columnActions)) }
                                }
                            }
                            tbody {
                                for row in rows {
                                    tr {
                                        td { row.email }
                                        td {
                                            row.access
                                            if let lastDay = row.lastDay { br(); span(.class("muted")) { catalog(.users(.until(lastDay))) } }
                                        }
                                        td {
                                            row.invitedBy
                                            br()
                                            span(.class("muted")) { row.sent }
                                        }
                                        td { row.linkExpires }
                                        td {
                                            if row.manageable {
                                                div(.class("actions")) {
                                                    ButtonForm(route: .invitationResendSubmit(row.publicID), csrf: csrf,
                                                               label: catalog(.users(.resend)), style: "button button-secondary")
                                                    ButtonForm(route: .invitationCancelSubmit(row.publicID), csrf: csrf,
                                                               label: catalog(.users(.cancelInvitation)), style: "button button-danger")
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    struct InviteCard: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            let hasErrors = model.inviteEmailError != nil || !model.access.errors.isEmpty
            section(.class("card stack"), .aria("labelledby", "invite-title")) {
                h2(.id("invite-title")) { catalog(.users(.inviteHeading)) }
                p(.class("muted")) { catalog(.users(.inviteLead)) }
                if !model.inviterVerified {
                    Alert(kind: .warning, message: catalog(.users(.verifyBeforeInviting)))
                } else {
                    if hasErrors { Alert(kind: .danger, message: catalog(.formHasErrors)) }
                    form(.method("post"), .action(SiteRoute.userInviteSubmit.path), .class("stack"), .novalidate) {
                        CSRFField(token: csrf)
                        FormField(id: AccessForm.Field.email, labelText: catalog(.fieldEmail), type: "email", value: model.inviteEmail,
                                  error: model.inviteEmailError.map { catalog($0) }, autocomplete: "off", required: true, maxLength: 254)
                        AccessFields(model: model.access, catalog: catalog)
                        div(.class("actions")) { button(.type("submit")) { catalog(.users(.inviteSubmit)) } }
                    }
                }
            }
        }
    }

    struct TwoFactorRequirementCard: HTML {
        let required: Bool
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            section(.class("card stack"), .aria("labelledby", "require-2fa-title")) {
                h2(.id("require-2fa-title")) { catalog(.users(.requireTwoFactorHeading)) }
                form(.method("post"), .action(SiteRoute.delegateTwoFactorSubmit.path), .class("stack")) {
                    CSRFField(token: csrf)
                    CheckboxField(id: UsersPage.requireTwoFactorField, labelText: catalog(.users(.requireTwoFactorLabel)),
                                  hint: catalog(.users(.requireTwoFactorHint)), checked: required)
                    div(.class("actions")) { button(.type("submit"), .class("button-secondary")) { catalog(.users(.requireTwoFactorSave)) } }
                }
            }
        }
    }
}

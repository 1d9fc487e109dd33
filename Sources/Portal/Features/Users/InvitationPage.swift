import Foundation
import HTML

/// /invitations/accept?token=…: who invites, to which account, with what; then Accept and Decline,
/// or what to do first (log in, create a login, verify the email, switch user).
enum InvitationPage {
    struct Model: Sendable {
        let token: String
        let accountName: String
        let inviterName: String
        let email: String
        let fullAccess: Bool
        let permissions: [Permission]
        let accessLastDay: String?
        let linkExpires: String
        let standing: DelegationService.Standing

        init(invitation: InvitationStore.Invitation, token: String, standing: DelegationService.Standing, timeZone: String) {
            self.token = token
            accountName = invitation.accountName
            inviterName = invitation.inviterName ?? ""
            email = invitation.email
            fullAccess = invitation.fullAccess
            permissions = invitation.permissionSet.sorted()
            accessLastDay = invitation.accessExpiresAt.map { UsersFormat.lastDay($0, timeZone: timeZone) }
            linkExpires = UsersFormat.moment(invitation.expiresAt, timeZone: timeZone) + " (" + timeZone + ")"
            self.standing = standing
        }

        /// This page, so that login and sign-up come back to it.
        var selfURL: String { SiteRoute.invitation.url(query: [("token", token)]) }
        var loginURL: String { SiteRoute.login.url(query: [("next", selfURL)]) }
        var signupURL: String { SiteRoute.signup.url(query: [("email", email), ("next", selfURL)]) }
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            div(.class("card stack")) {
                h1 { catalog(.users(.invitationTitle(model.accountName))) }
                p { catalog(.users(.invitationLead(inviter: model.inviterName, account: model.accountName, email: model.email))) }
                h2 { catalog(.users(.invitationOffered)) }
                if model.fullAccess {
                    p {
                        strong { catalog(.users(.fullAccess)) }
                        " — " + catalog(.users(.fullAccessHint))
                    }
                } else {
                    ul {
                        for permission in model.permissions {
                            li {
                                strong { catalog(.permissionName(permission)) }
                                " — " + catalog(.permissionDescription(permission))
                            }
                        }
                    }
                }
                if let lastDay = model.accessLastDay { p { catalog(.users(.invitationAccessEnds(lastDay))) } }
                p(.class("muted")) { catalog(.users(.invitationLinkExpires(model.linkExpires))) }
                Standing(model: model, catalog: catalog, csrf: csrf)
            }
        }
    }

    /// What the visitor can do now.
    struct Standing: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            switch model.standing {
            case .ready:
                div(.class("actions")) {
                    ButtonForm(route: .invitationAcceptSubmit, csrf: csrf, label: catalog(.users(.accept)), fields: [("token", model.token)])
                    ButtonForm(route: .invitationDeclineSubmit, csrf: csrf, label: catalog(.users(.decline)),
                               style: "button button-secondary", fields: [("token", model.token)])
                }
            case .signInNeeded:
                Alert(kind: .info, message: catalog(.users(.invitationSignIn(model.email))))
                div(.class("actions")) {
                    a(.class("button"), .href(model.loginURL)) { catalog(.users(.invitationLogIn)) }
                    a(.class("button button-secondary"), .href(model.signupURL)) { catalog(.users(.invitationCreateLogin)) }
                }
                DeclineForm(model: model, catalog: catalog, csrf: csrf)
            case .wrongUser(let signedInAs):
                Alert(kind: .warning, message: catalog(.users(.invitationWrongUser(invited: model.email, signedInAs: signedInAs))))
                ButtonForm(route: .logout, csrf: csrf, label: catalog(.logOut), style: "button button-secondary")
                DeclineForm(model: model, catalog: catalog, csrf: csrf)
            case .verifyFirst:
                Alert(kind: .warning, message: catalog(.users(.invitationVerifyFirst(model.email))))
                ButtonForm(route: .verifyEmailResend, csrf: csrf, label: catalog(.unverifiedResend), style: "button button-secondary")
                DeclineForm(model: model, catalog: catalog, csrf: csrf)
            case .alreadyMember:
                Alert(kind: .info, message: catalog(.users(.invitationAlreadyMember)))
                p { a(.class("button"), .href(SiteRoute.accounts.path)) { catalog(.users(.goToAccounts)) } }
            }
        }
    }

    struct DeclineForm: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            div(.class("stack")) {
                p(.class("muted")) { catalog(.users(.invitationDeclineLead)) }
                ButtonForm(route: .invitationDeclineSubmit, csrf: csrf, label: catalog(.users(.decline)),
                           style: "button button-secondary", fields: [("token", model.token)])
            }
        }
    }
}

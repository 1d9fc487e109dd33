import Foundation
import HTML

/// /account/users/:id: change what one delegate may do and until when, or remove their access.
enum MemberEditPage {
    struct Model: Sendable {
        let publicID: String
        let name: String
        let email: String
        let since: String
        let lastActive: String?
        let expired: Bool
        let access: AccessFields.Model

        init(member: MembershipStore.Member, access: AccessFields.Model, timeZone: String, now: Date) {
            publicID = member.publicId
            name = member.userName
            email = member.email
            since = UsersFormat.moment(member.createdAt, timeZone: timeZone)
            lastActive = member.lastActiveAt.map { UsersFormat.moment($0, timeZone: timeZone) }
            expired = !member.isLive(at: now)
            self.access = access
        }
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            PageHeader(title: catalog(.users(.editTitle(model.name))), lead: catalog(.users(.editLead)))
            p { a(.href(SiteRoute.users.path)) { catalog(.users(.backToUsers)) } }
            div(.class("stack")) {
                section(.class("card stack"), .aria("labelledby", "access-title")) {
                    h2(.id("access-title")) { catalog(.users(.accessHeading)) }
                    p {
                        model.email
                        br()
                        span(.class("muted")) { catalog(.users(.sinceLine(since: model.since, lastActive: model.lastActive ?? catalog(.users(.neverActive))))) }
                    }
                    if model.expired { Alert(kind: .warning, message: catalog(.users(.accessExpiredNote))) }
                    if !model.access.errors.isEmpty { Alert(kind: .danger, message: catalog(.formHasErrors)) }
                    form(.method("post"), .action(SiteRoute.userEditSubmit(model.publicID).path), .class("stack"), .novalidate) {
                        CSRFField(token: csrf)
                        AccessFields(model: model.access, catalog: catalog)
                        div(.class("actions")) { button(.type("submit")) { catalog(.users(.saveAccess)) } }
                    }
                }
                section(.class("card stack"), .aria("labelledby", "revoke-title")) {
                    h2(.id("revoke-title")) { catalog(.users(.revokeHeading)) }
                    p(.class("muted")) { catalog(.users(.revokeLead(model.name))) }
                    ButtonForm(route: .userRevokeSubmit(model.publicID), csrf: csrf, label: catalog(.users(.revokeSubmit)), style: "button button-danger")
                }
            }
        }
    }
}

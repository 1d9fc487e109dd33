import Foundation
import HTML

/// /accounts: the accounts this login may manage, the current one marked, each with Switch
/// (and Leave for delegated ones). Explains what to do when there is none.
enum AccountsPage {
    struct Row: Sendable {
        let publicID: String
        let name: String
        let number: String
        let ownerName: String
        let role: MembershipRole
        let access: String
        let lastDay: String?
        let isCurrent: Bool
        let isLastUsed: Bool
    }

    struct Model: Sendable {
        let rows: [Row]
    }

    static func model(_ overview: DelegationService.AccountsOverview, catalog: Catalog) -> Model {
        let rows = overview.entries.map { entry -> Row in
            let role = MembershipRole(rawValue: entry.role) ?? .delegate
            return Row(publicID: entry.accountPublicId, name: entry.accountName, number: entry.accountNumber, ownerName: entry.ownerName,
                       role: role, access: UsersFormat.access(fullAccess: entry.fullAccess, permissions: Permission.decode(entry.permissions), role: role, catalog),
                       lastDay: entry.expiresAt.map { UsersFormat.lastDay($0, timeZone: entry.timeZone) },
                       isCurrent: entry.accountId == overview.currentAccountID, isLastUsed: entry.accountId == overview.lastAccountID)
        }
        return Model(rows: rows)
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            PageHeader(title: catalog(.users(.accountsTitle)), lead: catalog(.users(.accountsLead)))
            if model.rows.isEmpty {
                section(.class("card stack")) {
                    h2 { catalog(.users(.accountsNoneTitle)) }
                    p { catalog(.users(.accountsNone)) }
                }
            } else {
                ul(.class("cards")) {
                    for row in model.rows {
                        li(.class("card stack")) {
                            h2 {
                                row.name
                                if row.isCurrent {
                                    " "
                                    span(.class("tag tag-success")) { catalog(.users(.accountCurrent)) }
                                } else if row.isLastUsed {
                                    " "
                                    span(.class("tag")) { catalog(.users(.accountLastUsed)) }
                                }
                            }
                            p(.class("muted")) { catalog(.users(.accountLine(number: row.number, owner: row.ownerName))) }
                            p {
                                strong { catalog(.users(row.role == .owner ? .roleOwner : .roleDelegate)) }
                                " · " + row.access
                            }
                            if let lastDay = row.lastDay { p(.class("muted")) { catalog(.users(.until(lastDay))) } }
                            div(.class("actions")) {
                                ButtonForm(route: .accountSwitchSubmit, csrf: csrf,
                                           label: catalog(.users(row.isCurrent ? .switchContinue : .switchSubmit)),
                                           style: row.isCurrent ? "button button-secondary" : "button",
                                           fields: [(AccountsController.accountField, row.publicID)])
                                if row.role == .delegate {
                                    ButtonForm(route: .accountLeaveSubmit(row.publicID), csrf: csrf, label: catalog(.users(.leaveSubmit)),
                                               style: "button button-danger")
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

import Database
import Foundation
import HTML
import HTTPServer

/// `/`: the account's summary panel and shortcuts. Later sections add their panels here.
enum DashboardPage {
    struct Model: Sendable {
        let accountName: String
        let accountNumber: String
        let userName: String
        let emailVerified: Bool
        let twoFactorEnabled: Bool
        let shortcuts: [MenuItem]
    }

    static func model(for identity: Identity) -> Model {
        Model(accountName: identity.account?.name ?? identity.userName,
              accountNumber: identity.account?.number ?? "",
              userName: identity.userName,
              emailVerified: identity.emailVerified,
              twoFactorEnabled: identity.twoFactorEnabled,
              shortcuts: Menus.account(for: identity).filter { $0.route != .notifications && $0.route != .accounts })
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog

        var content: some HTML {
            PageHeader(title: catalog(.dashboardTitle), lead: catalog(.dashboardLead(model.userName)))
            if !model.twoFactorEnabled {
                div(.class("alert alert-info nudge")) {
                    p { strong { catalog(.dashboardTwoFactorNudgeTitle) } }
                    p { catalog(.dashboardTwoFactorNudge) }
                    a(.class("button"), .href(SiteRoute.twoFactorSetup.path)) { catalog(.dashboardTwoFactorEnable) }
                }
            }
            div(.class("cards")) {
                section(.class("card"), .aria("labelledby", "summary-title")) {
                    h2(.id("summary-title")) { catalog(.dashboardSummary) }
                    dl(.class("summary")) {
                        dt { catalog(.dashboardAccountName) }
                        dd { model.accountName }
                        dt { catalog(.dashboardAccountNumber) }
                        dd(.class("mono")) { model.accountNumber }
                        dt { catalog(.dashboardEmailState) }
                        dd {
                            if model.emailVerified {
                                span(.class("tag tag-success")) { catalog(.stateVerified) }
                            } else {
                                span(.class("tag tag-warning")) { catalog(.stateUnverified) }
                            }
                        }
                        dt { catalog(.dashboardTwoFactorState) }
                        dd {
                            if model.twoFactorEnabled {
                                span(.class("tag tag-success")) { catalog(.stateOn) }
                            } else {
                                span(.class("tag tag-warning")) { catalog(.stateOff) }
                            }
                        }
                    }
                }
                section(.class("card"), .aria("labelledby", "shortcuts-title")) {
                    h2(.id("shortcuts-title")) { catalog(.dashboardShortcuts) }
                    ul(.class("shortcut-list")) {
                        for item in model.shortcuts {
                            li { a(.href(item.route.path)) { catalog(item.text) } }
                        }
                    }
                }
            }
        }
    }
}

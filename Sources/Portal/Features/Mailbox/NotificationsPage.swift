import HTML

/// `/notifications`: the person's notifications, newest first. Opening a page marks what it shows
/// read (highlighted as unread this once); "Mark all as read" clears the other pages too.
enum NotificationsPage {
    static let perPage = 20

    struct Item: Sendable {
        let severity: NotificationSeverity
        let message: String
        let date: String
        let isoDate: String
        /// A path inside the panel, or nil: links are only ever local.
        let link: String?
        let unread: Bool
    }

    struct Model: Sendable {
        let items: [Item]
        let pagination: Pagination
        let unread: Int
        let csrf: String
    }

    static func severityText(_ severity: NotificationSeverity) -> MailboxText {
        switch severity {
        case .info: return .severityInfo
        case .success: return .severitySuccess
        case .warning: return .severityWarning
        case .critical: return .severityCritical
        }
    }

    static func severityClass(_ severity: NotificationSeverity) -> String {
        switch severity {
        case .info: return "tag"
        case .success: return "tag tag-success"
        case .warning: return "tag tag-warning"
        case .critical: return "tag tag-danger"
        }
    }

    /// Stored links are written by the panel, but only a local path is ever rendered as one.
    static func safeLink(_ link: String) -> String? {
        guard link.hasPrefix("/"), !link.hasPrefix("//"), !link.contains("\\"), link.utf8.count < 1024 else { return nil }
        return link
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog

        var content: some HTML {
            div(.class("page-header")) {
                div {
                    h1 { catalog(.notifications) }
                    p { catalog(.mailbox(.notificationsLead)) }
                }
                if model.unread > 0 {
                    ButtonForm(route: .notificationsReadSubmit, csrf: model.csrf, label: catalog(.mailbox(.markAllRead)), style: "button button-secondary")
                }
            }
            if model.items.isEmpty {
                div(.class("card")) { p(.class("muted")) { catalog(.mailbox(.notificationsEmpty)) } }
            } else {
                ul(.class("card notification-list")) {
                    for item in model.items {
                        NotificationItemView(item: item, catalog: catalog)
                    }
                }
            }
            PagerView(pagination: model.pagination, route: .notifications, label: .mailbox(.pagination), catalog: catalog)
        }
    }

    struct NotificationItemView: HTML {
        let item: Item
        let catalog: Catalog

        var content: some HTML {
            li(.class(item.unread ? "notification notification-unread" : "notification")) {
                p {
                    if item.unread {
                        span(.class("visually-hidden")) { catalog(.mailbox(.unreadLabel)) + " " }
                        span(.class("tag tag-warning"), .ariaHidden) { catalog(.mailbox(.newTag)) }
                        " "
                    }
                    span(.class(NotificationsPage.severityClass(item.severity))) { catalog(.mailbox(NotificationsPage.severityText(item.severity))) }
                    " "
                    if item.unread {
                        strong { item.message }
                    } else {
                        item.message
                    }
                }
                p(.class("hint")) {
                    time(.datetime(item.isoDate)) { item.date }
                    if let link = item.link {
                        " · "
                        a(.href(link)) { catalog(.mailbox(.openLink)) }
                    }
                }
            }
        }
    }
}

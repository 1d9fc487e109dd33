import Foundation
import HTML

/// `/account/emails`: the emails sent about the current account, newest first, a page at a time.
enum EmailHistoryPage {
    static let perPage = 20

    struct Row: Sendable {
        let publicID: String
        let date: String
        let isoDate: String
        let subject: String
        let category: MailboxText
        let status: DeliveryTag
        let lastError: String
    }

    struct Model: Sendable {
        let rows: [Row]
        let pagination: Pagination
    }

    static func categoryText(_ raw: String) -> MailboxText {
        switch EmailCategory(rawValue: raw) {
        case .billing: return .categoryBilling
        case .technical: return .categoryTechnical
        case .commercial: return .categoryCommercial
        case .security, nil: return .categorySecurity
        }
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog

        var content: some HTML {
            PageHeader(title: catalog(.mailbox(.emailsTitle)), lead: catalog(.mailbox(.emailsLead)))
            if model.rows.isEmpty {
                div(.class("card")) { p(.class("muted")) { catalog(.mailbox(.emailsEmpty)) } }
            } else {
                div(.class("card table-wrap")) {
                    table {
                        caption(.class("visually-hidden")) { catalog(.mailbox(.emailsTableCaption)) }
                        thead {
                            tr {
                                th(.scope("col")) { catalog(.mailbox(.columnDate)) }
                                th(.scope("col")) { catalog(.mailbox(.columnSubject)) }
                                th(.scope("col")) { catalog(.mailbox(.columnCategory)) }
                                th(.scope("col")) { catalog(.mailbox(.columnStatus)) }
                            }
                        }
                        tbody {
                            for row in model.rows {
                                EmailRowView(row: row, catalog: catalog)
                            }
                        }
                    }
                }
            }
            PagerView(pagination: model.pagination, route: .accountEmails, label: .mailbox(.pagination), catalog: catalog)
        }
    }

    struct EmailRowView: HTML {
        let row: Row
        let catalog: Catalog

        var content: some HTML {
            tr {
                td { time(.datetime(row.isoDate)) { row.date } }
                td { a(.href(SiteRoute.accountEmail(row.publicID).path)) { row.subject.isEmpty ? catalog(.mailbox(.noSubject)) : row.subject } }
                td { catalog(.mailbox(row.category)) }
                td {
                    DeliveryTagView(tag: row.status, catalog: catalog)
                    if !row.lastError.isEmpty {
                        p(.class("hint")) { catalog(.mailbox(.lastError(row.lastError))) }
                    }
                }
            }
        }
    }
}

/// The delivery state of an email as shown to customers.
enum DeliveryTag: Sendable {
    case sent, waiting, kept, failed

    init(status: String) {
        switch OutboxStatus(rawValue: status) {
        case .sent: self = .sent
        case .kept: self = .kept
        case .failed: self = .failed
        case .pending, nil: self = .waiting
        }
    }

    var cssClass: String {
        switch self {
        case .sent: return "tag tag-success"
        case .waiting: return "tag tag-warning"
        case .kept: return "tag"
        case .failed: return "tag tag-danger"
        }
    }

    var text: MailboxText {
        switch self {
        case .sent: return .statusSent
        case .waiting: return .statusPending
        case .kept: return .statusKept
        case .failed: return .statusFailed
        }
    }
}

struct DeliveryTagView: HTML {
    let tag: DeliveryTag
    let catalog: Catalog

    var content: some HTML {
        span(.class(tag.cssClass)) { catalog(.mailbox(tag.text)) }
    }
}

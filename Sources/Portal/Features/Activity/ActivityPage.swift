import Foundation
import HTML

/// /account/activity: the account's audit log, filtered and paged, newest first.
enum ActivityPage {
    static let pageSize = 50

    struct Row: Sendable {
        let when: String
        let whenISO: String
        let actor: String
        let ip: String
        let action: Text
        let target: String
        let before: String
        let after: String
    }

    struct Model: Sendable {
        let rows: [Row]
        let filters: ActivityFilters
        let timeZone: String
        let pagination: Pagination
    }

    /// Rows for people: times in the account's zone, actions described (unknown codes shown as stored).
    static func rows(_ events: [AuditStore.Event], timeZone: String) -> [Row] {
        events.map { event in
            Row(when: TimeZones.format(event.createdAt, in: timeZone), whenISO: event.createdAt.formatted(.iso8601),
                       actor: event.actor, ip: event.ip, action: .activity(.action(event.action)), target: event.target,
                       before: event.beforeValue, after: event.afterValue)
        }
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog

        var content: some HTML {
            PageHeader(title: catalog(.activity(.title)), lead: catalog(.activity(.lead)))
            if !model.filters.errors.isEmpty { Alert(kind: .danger, message: catalog(.activity(.filtersIgnored))) }
            div(.class("stack")) {
                FiltersCard(filters: model.filters, timeZone: model.timeZone, catalog: catalog)
                LogCard(model: model, catalog: catalog)
            }
        }
    }

    struct FiltersCard: HTML {
        let filters: ActivityFilters
        let timeZone: String
        let catalog: Catalog

        private typealias F = ActivityFilters.Field

        private var choices: [SelectField.Choice] {
            AuditAction.allCases.map { SelectField.Choice(value: $0.rawValue, text: catalog(.activity(.action($0.rawValue)))) }
        }

        private var dateHint: String { catalog(.activity(.dateHint(timeZone: timeZone))) }

        var content: some HTML {
            section(.class("card stack"), .aria("labelledby", "filters-title")) {
                h2(.id("filters-title")) { catalog(.activity(.filtersHeading)) }
                form(.method("get"), .action(SiteRoute.activity.path), .class("stack")) {
                    div(.class("filters")) {
                        SelectField(id: F.action, labelText: catalog(.activity(.fieldAction)), choices: choices,
                                    selected: filters.action, placeholder: catalog(.activity(.anyAction)),
                                    error: filters.errors[F.action].map { catalog($0) })
                        FormField(id: F.person, labelText: catalog(.activity(.fieldPerson)), type: "search", value: filters.person,
                                  error: filters.errors[F.person].map { catalog($0) }, hint: catalog(.activity(.fieldPersonHint)),
                                  maxLength: ActivityFilters.personLimit)
                        FormField(id: F.from, labelText: catalog(.activity(.fieldFrom)), value: filters.from,
                                  error: filters.errors[F.from].map { catalog($0) }, hint: dateHint, maxLength: 10, inputMode: "numeric")
                        FormField(id: F.to, labelText: catalog(.activity(.fieldTo)), value: filters.to,
                                  error: filters.errors[F.to].map { catalog($0) }, hint: dateHint, maxLength: 10, inputMode: "numeric")
                    }
                    div(.class("actions")) {
                        button(.type("submit")) { catalog(.activity(.applyFilters)) }
                        if filters.isFiltered || !filters.errors.isEmpty {
                            a(.href(SiteRoute.activity.path), .class("button button-secondary")) { catalog(.activity(.clearFilters)) }
                        }
                        a(.href(SiteRoute.activityCSV.url(query: filters.queryItems)), .class("button button-secondary")) {
                            catalog(.activity(.downloadCSV))
                        }
                    }
                }
            }
        }
    }

    struct LogCard: HTML {
        let model: Model
        let catalog: Catalog

        var content: some HTML {
            section(.class("card stack"), .aria("labelledby", "log-title")) {
                h2(.id("log-title"), .class("visually-hidden")) { catalog(.activity(.tableCaption)) }
                if model.rows.isEmpty {
                    p { catalog(.activity(model.filters.isFiltered ? .emptyFiltered : .empty)) }
                } else {
                    div(.class("table-wrap")) {
                        table {
                            caption(.class("visually-hidden")) { catalog(.activity(.tableCaption)) }
                            thead {
                                tr {
                                    th(.scope("col")) { catalog(.activity(.columnTime)) }
                                    th(.scope("col")) { catalog(.activity(.columnWho)) }
                                    th(.scope("col")) { catalog(.activity(.columnAddress)) }
                                    th(.scope("col")) { catalog(.activity(.columnAction)) }
                                    th(.scope("col")) { catalog(.activity(.columnTarget)) }
                                    th(.scope("col")) { catalog(.activity(.columnChange)) }
                                }
                            }
                            tbody {
                                for row in model.rows {
                                    tr {
                                        td(.class("nowrap")) { time(.datetime(row.whenISO)) { row.when } }
                                        td { row.actor }
                                        td(.class("mono")) { row.ip }
                                        td { catalog(row.action) }
                                        td { row.target }
                                        td(.class("change")) { catalog(.activity(.change(before: row.before, after: row.after))) }
                                    }
                                }
                            }
                        }
                    }
                    PagerView(pagination: model.pagination, route: .activity, query: model.filters.queryItems,
                              label: .activity(.paginationLabel),
                              status: .activity(.pageStatus(page: model.pagination.page, pages: model.pagination.pages,
                                                            events: model.pagination.total)),
                              catalog: catalog)
                }
            }
        }
    }
}

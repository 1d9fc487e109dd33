import HTML

/// Which slice of a list a page shows, from `?page=N`: the one paging rule of the panel (email
/// history, notifications, activity log). Pages count from 1; an empty list still has page 1.
struct Pagination: Sendable, Equatable {
    /// The query parameter every paged list reads.
    static let parameter = "page"

    let page: Int
    let pages: Int
    let perPage: Int
    let total: Int

    var offset: Int { (page - 1) * perPage }
    var hasPrevious: Bool { page > 1 }
    var hasNext: Bool { page < pages }

    /// The page asked for. A missing parameter is page 1. Anything that is not a page number
    /// (letters, a sign, zero, over nine digits) is nil: the caller answers 404, as for any address
    /// that names nothing. A number past the end, as in an old link to a list that has since
    /// shrunk, shows the last page rather than an empty one.
    static func resolve(_ parameter: String?, total: Int, perPage: Int) -> Pagination? {
        let pages = max(1, (max(0, total) + perPage - 1) / perPage)
        guard let parameter else { return Pagination(page: 1, pages: pages, perPage: perPage, total: total) }
        // Digits only: Int("+2") parses, and a page number has one spelling.
        guard !parameter.isEmpty, parameter.utf8.count <= 9, parameter.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let page = Int(parameter), page >= 1
        else { return nil }
        return Pagination(page: min(page, pages), pages: pages, perPage: perPage, total: total)
    }
}

/// "Newer" and "Older" links around "Page X of Y", shown when there is more than one page; a list
/// with its own status line (how many entries match) shows that line even on a single page.
/// Every paged list is newest first. The links keep the list's other query items (filters).
struct PagerView: HTML {
    let pagination: Pagination
    let route: SiteRoute
    /// The list's filters, repeated on every page link (never the page number).
    var query: [(String, String)] = []
    /// The navigation landmark's name, e.g. "Pages of the activity log".
    let label: Text
    /// Replaces the plain "Page X of Y" when the list says more (e.g. how many entries match).
    var status: Text? = nil
    let catalog: Catalog

    func url(_ page: Int) -> String {
        route.url(query: query + (page > 1 ? [(Pagination.parameter, String(page))] : []))
    }

    var content: some HTML {
        if pagination.pages > 1 {
            nav(.class("pager actions"), .aria("label", catalog(label))) {
                if pagination.hasPrevious {
                    a(.class("button button-secondary"), .href(url(pagination.page - 1)), .rel("prev")) { catalog(.pagerNewer) }
                }
                span(.ariaCurrent("page")) { catalog(status ?? .pagerStatus(page: pagination.page, pages: pagination.pages)) }
                if pagination.hasNext {
                    a(.class("button button-secondary"), .href(url(pagination.page + 1)), .rel("next")) { catalog(.pagerOlder) }
                }
            }
        } else if let status {
            p(.class("muted pager")) { catalog(status) }
        }
    }
}

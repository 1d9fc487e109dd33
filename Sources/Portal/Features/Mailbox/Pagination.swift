import HTML

/// Which slice of a list a page shows, from `?page=N`. Pages count from 1; an empty list still
/// has page 1.
struct Pagination: Sendable, Equatable {
    let page: Int
    let pages: Int
    let perPage: Int

    var offset: Int { (page - 1) * perPage }
    var hasPrevious: Bool { page > 1 }
    var hasNext: Bool { page < pages }

    /// The requested page, or nil when `?page=` is not a page of this list (not a number, zero,
    /// negative, past the end): the caller answers 404, as for any address that names nothing.
    /// A missing parameter means page 1.
    static func resolve(_ parameter: String?, total: Int, perPage: Int) -> Pagination? {
        let pages = max(1, (max(0, total) + perPage - 1) / perPage)
        guard let parameter else { return Pagination(page: 1, pages: pages, perPage: perPage) }
        // Digits only: Int("+2") parses, and a page number has one spelling.
        guard !parameter.isEmpty, parameter.utf8.count <= 9, parameter.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let page = Int(parameter), page >= 1, page <= pages
        else { return nil }
        return Pagination(page: page, pages: pages, perPage: perPage)
    }
}

/// "Page X of Y" with previous and next links, shown only when there is more than one page.
struct PagerView: HTML {
    let pagination: Pagination
    let route: SiteRoute
    let catalog: Catalog

    func url(_ page: Int) -> String {
        page == 1 ? route.url() : route.url(query: [("page", String(page))])
    }

    var content: some HTML {
        if pagination.pages > 1 {
            nav(.class("pager actions"), .aria("label", catalog(.mailbox(.pagination)))) {
                if pagination.hasPrevious {
                    a(.class("button button-secondary"), .href(url(pagination.page - 1)), .rel("prev")) { catalog(.mailbox(.previousPage)) }
                }
                span(.ariaCurrent("page")) { catalog(.mailbox(.pageOf(pagination.page, pagination.pages))) }
                if pagination.hasNext {
                    a(.class("button button-secondary"), .href(url(pagination.page + 1)), .rel("next")) { catalog(.mailbox(.nextPage)) }
                }
            }
        }
    }
}

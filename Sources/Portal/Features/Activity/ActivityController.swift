import HTTPServer

/// /account/activity and its CSV export: the current account's audit log, for its owner and the
/// holders of the "users" permission. Every read is scoped to the session's current account.
struct ActivityController: Sendable {
    let services: Services

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        // Authorization already ran; checked again so a gap in the table can never open another log.
        guard let identity = request.context.identity, let account = identity.account, identity.may(.users) else {
            throw HTTPError(.forbidden)
        }
        switch route {
        case .activity: return try page(request, account)
        case .activityCSV: return try export(request, account)
        default: throw HTTPError(.notFound)
        }
    }

    private func timeZone(_ account: Identity.AccountRef) throws -> String {
        try services.database.read { db in try AccountTimeZoneStore.timeZone(accountID: account.id, db) } ?? TimeZones.defaultIdentifier
    }

    private func page(_ request: Request, _ account: Identity.AccountRef) throws -> Response {
        let zone = try timeZone(account)
        let filters = ActivityFilters(query: request.query, accountID: account.id, timeZone: zone)
        let asked = ActivityFilters.page(request.query)
        let size = ActivityPage.pageSize
        let model = try services.database.read { db in
            let total = try AuditStore.count(filters.filter, db)
            let pageCount = max(1, (total + size - 1) / size)
            // Past the end (an old link after filtering): the last page rather than an empty one.
            let page = min(asked, pageCount)
            let events = try AuditStore.page(filters.filter, limit: size, offset: (page - 1) * size, db)
            return ActivityPage.Model(rows: ActivityPage.rows(events, timeZone: zone), filters: filters, timeZone: zone,
                                      page: page, pageCount: pageCount, total: total)
        }
        let catalog = request.context.catalog
        return services.renderer.panelPage(request, title: catalog(.activity(.title))) {
            ActivityPage.View(model: model, catalog: catalog)
        }
    }

    private func export(_ request: Request, _ account: Identity.AccountRef) throws -> Response {
        let zone = try timeZone(account)
        let filters = ActivityFilters(query: request.query, accountID: account.id, timeZone: zone)
        let day = ActivityFilters.today(services.clock.now(), zone)
        return ActivityCSV.response(database: services.database, filter: filters.filter,
                                    fileName: ActivityCSV.fileName(accountNumber: account.number, day: day))
    }
}

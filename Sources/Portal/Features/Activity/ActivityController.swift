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
        try services.database.read { db in try AccountStore.timeZone(accountID: account.id, db) }
    }

    private func page(_ request: Request, _ account: Identity.AccountRef) throws -> Response {
        let zone = try timeZone(account)
        let filters = ActivityFilters(query: request.query, accountID: account.id, timeZone: zone)
        let size = ActivityPage.pageSize
        let model = try services.database.read { db -> ActivityPage.Model? in
            let total = try AuditStore.count(filters.filter, db)
            guard let pagination = Pagination.resolve(request.query[Pagination.parameter], total: total, perPage: size) else { return nil }
            let events = try AuditStore.page(filters.filter, limit: size, offset: pagination.offset, db)
            return ActivityPage.Model(rows: ActivityPage.rows(events, timeZone: zone), filters: filters, timeZone: zone,
                                      pagination: pagination)
        }
        guard let model else { throw HTTPError(.notFound) }
        let catalog = request.context.catalog
        return services.renderer.panelPage(request, title: catalog(.activity(.title))) {
            ActivityPage.View(model: model, catalog: catalog)
        }
    }

    private func export(_ request: Request, _ account: Identity.AccountRef) throws -> Response {
        let zone = try timeZone(account)
        let filters = ActivityFilters(query: request.query, accountID: account.id, timeZone: zone)
        let day = CalendarDay(services.clock.now(), timeZone: zone).description
        return ActivityCSV.response(database: services.database, filter: filters.filter,
                                    fileName: ActivityCSV.fileName(accountNumber: account.number, day: day))
    }
}

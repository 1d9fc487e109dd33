import Foundation
import HTTPServer

/// /account/emails (email history) and /notifications.
struct MailboxController: Sendable {
    let services: Services

    /// The policy of a stored email's HTML: nothing may load but inline styles and data: images,
    /// the document is sandboxed even when opened directly, and only the panel may frame it.
    static let emailContentSecurityPolicy = [
        "default-src 'none'",
        "img-src data:",
        "style-src 'unsafe-inline'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self'",
        "sandbox",
    ].joined(separator: "; ")

    func handle(_ route: SiteRoute, _ request: Request) throws -> Response {
        switch route {
        case .accountEmails: return try emails(request)
        case .accountEmail(let id): return try email(request, publicID: id)
        case .accountEmailHTML(let id): return try emailHTML(request, publicID: id)
        case .notifications: return try notifications(request)
        case .notificationsReadSubmit: return try markAllRead(request)
        default: throw HTTPError(.notFound)
        }
    }

    // MARK: Email history

    /// The visitor and their account; the authorization table already required the `emails` permission.
    private func viewer(_ request: Request) throws -> (identity: Identity, account: Identity.AccountRef) {
        guard let identity = request.context.identity, let account = identity.account else { throw HTTPError(.forbidden) }
        return (identity, account)
    }

    private func localTime(accountID: Int64?) throws -> LocalTime {
        guard let accountID else { return LocalTime(timeZone: TimeZones.defaultIdentifier) }
        return LocalTime(timeZone: try services.database.read { db in try AccountStore.timeZone(accountID: accountID, db) })
    }

    func emails(_ request: Request) throws -> Response {
        let (identity, account) = try viewer(request)
        let catalog = request.context.catalog
        let perPage = EmailHistoryPage.perPage
        let loaded = try services.database.read { db -> (Pagination, [OutboxStore.Email])? in
            let total = try OutboxStore.historyCount(accountID: account.id, viewerUserID: identity.userID, db)
            guard let pagination = Pagination.resolve(request.query[Pagination.parameter], total: total, perPage: perPage) else { return nil }
            let emails = try OutboxStore.history(accountID: account.id, viewerUserID: identity.userID,
                                                 offset: pagination.offset, limit: perPage, db)
            return (pagination, emails)
        }
        guard let (pagination, emails) = loaded else { throw HTTPError(.notFound) }
        let clock = try localTime(accountID: account.id)
        let rows = emails.map { email in
            EmailHistoryPage.Row(
                publicID: email.publicId, date: clock.format(email.createdAt), isoDate: LocalTime.iso(email.createdAt),
                subject: email.subject, category: EmailHistoryPage.categoryText(email.category),
                status: DeliveryTag(status: email.status), lastError: Self.shownError(email))
        }
        let model = EmailHistoryPage.Model(rows: rows, pagination: pagination)
        return services.renderer.panelPage(request, title: catalog(.mailbox(.emailsTitle))) {
            EmailHistoryPage.View(model: model, catalog: catalog)
        }
    }

    /// What customers are told about a delivery problem: whether it is being retried or gave up. The
    /// mail server's own message (host names, paths) stays in the server log and the outbox row.
    static func shownError(_ email: OutboxStore.Email) -> String {
        guard !email.lastError.isEmpty else { return "" }
        switch OutboxStatus(rawValue: email.status) {
        case .failed: return "failed"
        case .pending: return "retrying"
        default: return ""
        }
    }

    /// The email, or 404 when it is not this visitor's to see (another account's, or another person's
    /// security email): the answer is the same as for an id that never existed.
    private func findEmail(_ request: Request, publicID: String) throws -> OutboxStore.Email {
        let (identity, account) = try viewer(request)
        guard publicID.utf8.count <= 64 else { throw HTTPError(.notFound) }
        let email = try services.database.read { db in
            try OutboxStore.historyEmail(publicID: publicID, accountID: account.id, viewerUserID: identity.userID, db)
        }
        guard let email else { throw HTTPError(.notFound) }
        return email
    }

    func email(_ request: Request, publicID: String) throws -> Response {
        let email = try findEmail(request, publicID: publicID)
        let catalog = request.context.catalog
        let clock = try localTime(accountID: email.accountId)
        let model = EmailDetailPage.Model(
            publicID: email.publicId, date: clock.format(email.createdAt), isoDate: LocalTime.iso(email.createdAt),
            to: email.toAddress, subject: email.subject, category: EmailHistoryPage.categoryText(email.category),
            status: DeliveryTag(status: email.status), lastError: Self.shownError(email),
            textBody: email.privateLink ? nil : email.textBody, hasHTML: !email.htmlBody.isEmpty && !email.privateLink)
        return services.renderer.panelPage(request, title: email.subject.isEmpty ? catalog(.mailbox(.noSubject)) : email.subject) {
            EmailDetailPage.View(model: model, catalog: catalog)
        }
    }

    /// The stored HTML as it was sent, under its own policy (see `emailContentSecurityPolicy`).
    func emailHTML(_ request: Request, publicID: String) throws -> Response {
        let email = try findEmail(request, publicID: publicID)
        guard !email.htmlBody.isEmpty, !email.privateLink else { throw HTTPError(.notFound) }
        var response = Response.html(email.htmlBody)
        response.headers["Content-Security-Policy"] = Self.emailContentSecurityPolicy
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["Cross-Origin-Resource-Policy"] = "same-origin"
        return response
    }

    // MARK: Notifications

    /// Lists a page of notifications and marks the ones it shows read, as opening a letter does. Those
    /// that were unread are still highlighted on this page, and the bell counts what is left.
    /// Only a page the person opened from the panel itself (or typed, or bookmarked) marks anything:
    /// another site sending the browser here, a HEAD, a prefetch or a client without Fetch Metadata
    /// changes nothing, so nobody can clear someone's security notices from outside.
    static func marksRead(_ request: Request) -> Bool {
        guard request.method == .GET else { return false }
        let site = request.headers["Sec-Fetch-Site"], mode = request.headers["Sec-Fetch-Mode"]
        let purpose = request.headers["Sec-Purpose"] ?? request.headers["Purpose"]
        return (site == "same-origin" || site == "none") && mode == "navigate" && purpose == nil
    }

    func notifications(_ request: Request) throws -> Response {
        guard var identity = request.context.identity else { throw HTTPError(.forbidden) }
        let catalog = request.context.catalog
        let perPage = NotificationsPage.perPage
        let loaded = try services.database.read { db -> (Pagination, [NotificationStore.Item])? in
            let total = try NotificationStore.count(userID: identity.userID, db)
            guard let pagination = Pagination.resolve(request.query[Pagination.parameter], total: total, perPage: perPage) else { return nil }
            return (pagination, try NotificationStore.list(userID: identity.userID, offset: pagination.offset, limit: perPage, db))
        }
        guard let (pagination, items) = loaded else { throw HTTPError(.notFound) }
        let unreadShown = items.filter { $0.readAt == nil }.map(\.id)
        if !unreadShown.isEmpty, Self.marksRead(request) {
            let now = services.clock.now()
            let marked = try services.database.write { db in
                try NotificationStore.markRead(userID: identity.userID, ids: unreadShown, now: now, db)
            }
            identity.unreadNotifications = max(0, identity.unreadNotifications - marked)
        }
        var request = request
        request.context.identity = identity
        // Notifications belong to the person; the account being managed supplies the time zone.
        let clock = try localTime(accountID: identity.account?.id)
        let shown = items.map { item in
            NotificationsPage.Item(
                severity: NotificationSeverity(rawValue: item.severity) ?? .info, message: item.message,
                date: clock.format(item.createdAt), isoDate: LocalTime.iso(item.createdAt),
                link: NotificationsPage.safeLink(item.link), unread: item.readAt == nil)
        }
        let model = NotificationsPage.Model(items: shown, pagination: pagination, unread: identity.unreadNotifications,
                                            csrf: request.context.csrfToken)
        return services.renderer.panelPage(request, title: catalog(.notifications)) {
            NotificationsPage.View(model: model, catalog: catalog)
        }
    }

    func markAllRead(_ request: Request) throws -> Response {
        guard let identity = request.context.identity else { throw HTTPError(.forbidden) }
        let now = services.clock.now()
        try services.database.write { db in _ = try NotificationStore.markAllRead(userID: identity.userID, now: now, db) }
        return .redirect(to: .notifications, flash: .notificationsRead)
    }
}

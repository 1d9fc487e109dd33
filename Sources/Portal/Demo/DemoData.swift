import Database
import Foundation

/// A realistic demo customer for `make run` and `make bench`. Idempotent: running it twice keeps one customer.
enum DemoData {
    static let email = "demo@hosterra.example"
    static let password = "sunlit harbour quay 42"
    static let name = "Camille Martin"

    struct Result: Sendable {
        let created: Bool
        let email: String
        let password: String
    }

    static func seed(_ application: Application) throws -> Result {
        let services = application.services
        let now = services.clock.now()
        if try services.database.read({ db in try UserStore.user(email: email, db) }) != nil {
            return Result(created: false, email: email, password: password)
        }
        let hash = try services.hasher.hashBlocking(password)
        try services.database.write { db in
            let ids = try UserStore.createUserWithAccount(email: email, name: name, passwordHash: hash, verified: true, now: now, db)
            try AccountStore.updateProfile(accountID: ids.account, AccountProfile(
                name: "Atelier Martin", company: "Atelier Martin SARL", addressLine1: "12 rue de la République", addressLine2: "",
                postalCode: "69002", city: "Lyon", country: "FR", phone: "+33472000000", vatNumber: "FR40303265045",
                language: "en", timeZone: "Europe/Paris"), now: now, db)
            let day: TimeInterval = 24 * 3600
            try NotificationStore.add(userID: ids.user, severity: .info, message: "Welcome to Hosterra Account. Turn on two-factor authentication to protect it.",
                                      link: SiteRoute.twoFactorSetup.path, now: now.addingTimeInterval(-2 * day), db)
            try NotificationStore.add(userID: ids.user, severity: .warning, message: "Planned maintenance of the Lyon-2 data center on Saturday 02:00–04:00 UTC.",
                                      link: SiteRoute.dashboard.path, now: now.addingTimeInterval(-day), db)
            try NotificationStore.add(userID: ids.user, severity: .success, message: "Your email address is confirmed.",
                                      link: SiteRoute.account.path, now: now.addingTimeInterval(-3 * day), db)
            let template = EmailTemplate.verifyEmail(name: name, link: SiteRoute.verifyEmail.absoluteURL(base: services.configuration.publicURL, query: [("token", "demo")]))
            let content = template.content
            let emailID = try OutboxStore.enqueue(to: email, userID: ids.user, accountID: ids.account, category: .security, subject: content.subject,
                                                  text: content.text, html: content.html, privateLink: template.secretLink != nil,
                                                  now: now.addingTimeInterval(-3 * day), db)
            if let email = try OutboxStore.email(publicID: emailID, db) {
                try OutboxStore.markDelivered(id: email.id, status: .sent, now: email.createdAt, db)
            }
            try SecurityEventStore.record(userID: ids.user, kind: .emailVerified, ip: "192.0.2.10", device: "Firefox on Linux", now: now.addingTimeInterval(-3 * day), db)
        }
        return Result(created: true, email: email, password: password)
    }
}

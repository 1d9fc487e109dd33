import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Notifications")
struct NotificationsTests {
    /// What a browser sends when the person opens the page from the panel (the bell, a link).
    static let opened = [("Sec-Fetch-Site", "same-origin"), ("Sec-Fetch-Mode", "navigate"), ("Sec-Fetch-Dest", "document")]

    @Test("the page lists the person's notifications newest first, unread ones marked for eyes and screen readers, and viewing marks them read")
    func list() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let other = Person.make("Eve Other")
        try other.signUpAndLogIn(app)
        let ids = try app.ids(of: person.email)
        let start = app.time.current
        try app.addNotification(userID: ids.user, severity: .info, message: "Domain renewed", at: start.addingTimeInterval(1))
        try app.addNotification(userID: ids.user, severity: .critical, message: "Server down", link: "/account/security", at: start.addingTimeInterval(2))
        try app.addNotification(userID: ids.user, severity: .warning, message: "Suspicious <link>", link: "https://evil.example/x", at: start.addingTimeInterval(3))
        try app.addNotification(userID: try app.ids(of: other.email).user, message: "Eve's secret")
        // MUT
        let before = try browser.get("/")
        let page = try browser.get("/notifications", headers: Self.opened)
        let again = try browser.get("/notifications", headers: Self.opened)
        let dashboard = try browser.get("/")
        // validate
        #expect(page.status == .ok)
        let newest = try #require(page.text.range(of: "Suspicious &lt;link&gt;"))
        let middle = try #require(page.text.range(of: "Server down"))
        let oldest = try #require(page.text.range(of: "Domain renewed"))
        #expect(newest.lowerBound < middle.lowerBound && middle.lowerBound < oldest.lowerBound)
        #expect(occurrences(of: "class=\"notification notification-unread\"", in: page.text) == 3)
        #expect(occurrences(of: "<span class=\"visually-hidden\">Unread: </span>", in: page.text) == 3)
        #expect(page.text.contains("tag tag-danger\">Critical<"))
        #expect(page.text.contains("<a href=\"/account/security\">Open</a>"))
        #expect(!page.text.contains("evil.example"))
        #expect(!page.text.contains("Eve's secret") && !page.text.contains("Eve&#39;s secret"))
        #expect(!page.text.contains("Mark all as read"), "nothing unread is left once this page is seen")
        #expect(before.text.contains("<span class=\"badge-count\" aria-hidden=\"true\">3</span>"))
        #expect(!page.text.contains("badge-count"), "the bell on the page itself already counts them read")
        #expect(occurrences(of: "class=\"notification notification-unread\"", in: again.text) == 0)
        #expect(!dashboard.text.contains("badge-count"))
    }

    @Test("a visit sent from another site, a HEAD, a prefetch or a client without Fetch Metadata marks nothing read",
          arguments: [
            (HTTPMethod.GET, [("Sec-Fetch-Site", "cross-site"), ("Sec-Fetch-Mode", "navigate")]),
            (HTTPMethod.GET, [("Sec-Fetch-Site", "same-site"), ("Sec-Fetch-Mode", "navigate")]),
            (HTTPMethod.GET, [("Sec-Fetch-Site", "same-origin"), ("Sec-Fetch-Mode", "no-cors")]),
            (HTTPMethod.GET, [("Sec-Fetch-Site", "none"), ("Sec-Fetch-Mode", "navigate"), ("Sec-Purpose", "prefetch")]),
            (HTTPMethod.GET, []),
            (HTTPMethod.HEAD, opened),
          ])
    func onlyOpeningMarksRead(method: HTTPMethod, headers: [(String, String)]) throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        try app.addNotification(userID: try app.ids(of: person.email).user, severity: .warning, message: "New sign-in from Firefox on Linux")
        // MUT
        let visit = try browser.send(method, "/notifications", headers: headers)
        let dashboard = try browser.get("/")
        // validate
        #expect(visit.status == .ok)
        #expect(dashboard.text.contains("<span class=\"badge-count\" aria-hidden=\"true\">1</span>"))
    }

    @Test("Mark all as read clears the pages not yet seen and the bell count, and says so")
    func markAllRead() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let ids = try app.ids(of: person.email)
        let start = app.time.current
        try app.addNotification(userID: ids.user, message: "Invoice paid", at: start)
        for number in 1...21 {
            try app.addNotification(userID: ids.user, message: "Notice \(number).", at: start.addingTimeInterval(Double(number)))
        }
        let firstPage = try browser.get("/notifications", headers: Self.opened)   // marks the 20 it shows
        // MUT
        let response = try browser.submit("/notifications/read", form: [], from: "/notifications")
        let page = try browser.get(response.location ?? "")
        let older = try browser.get("/notifications?page=2")
        let dashboard = try browser.get("/")
        // validate
        #expect(firstPage.text.contains("<span class=\"badge-count\" aria-hidden=\"true\">2</span>"))
        #expect(firstPage.text.contains("Mark all as read"))
        #expect(response.status == .seeOther)
        #expect(response.location == "/notifications")
        #expect(page.text.contains("All notifications are marked as read."))
        #expect(!page.text.contains("notification-unread"))
        #expect(older.text.contains("Invoice paid"))
        #expect(!older.text.contains("notification-unread"))
        #expect(!page.text.contains("Mark all as read"))
        #expect(!dashboard.text.contains("badge-count"))
    }

    @Test("marking as read without the form's CSRF token is refused and changes nothing")
    func csrf() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        try app.addNotification(userID: try app.ids(of: person.email).user, message: "Invoice paid")
        // MUT
        let response = try browser.post("/notifications/read", form: [])
        let forged = try browser.post("/notifications/read", form: [("_csrf", "forged")])
        let dashboard = try browser.get("/")
        // validate
        #expect(response.status == .forbidden)
        #expect(forged.status == .forbidden)
        #expect(dashboard.text.contains("<span class=\"badge-count\" aria-hidden=\"true\">1</span>"))
    }

    @Test("notifications are paged by 20; a page past the end shows the last one, a malformed number is 404")
    func paging() throws {
        // setup
        let app = try TestApp()
        let person = Person.make()
        let browser = try person.signUpAndLogIn(app)
        let ids = try app.ids(of: person.email)
        let start = app.time.current
        for number in 1...23 {
            try app.addNotification(userID: ids.user, message: "Notice \(number).", at: start.addingTimeInterval(Double(number)))
        }
        // MUT
        let first = try browser.get("/notifications", headers: Self.opened)
        let second = try browser.get("/notifications?page=2")
        let beyond = try browser.get("/notifications?page=3")
        let malformed = try browser.get("/notifications?page=2x")
        // validate
        #expect(occurrences(of: "<li class=\"notification", in: first.text) == 20)
        #expect(first.text.contains("<span class=\"badge-count\" aria-hidden=\"true\">3</span>"), "the 3 on page 2 are still unread")
        #expect(occurrences(of: "notification-unread", in: second.text) == 3)
        #expect(first.text.contains("Page 1 of 2"))
        #expect(first.text.contains("Notice 23."))
        #expect(!first.text.contains("Notice 3."))
        #expect(occurrences(of: "<li class=\"notification", in: second.text) == 3)
        #expect(second.text.contains("Notice 1."))
        #expect(second.text.contains("href=\"/notifications\" rel=\"prev\""))
        #expect(beyond.status == .ok)
        #expect(beyond.text.contains("Page 2 of 2"))
        #expect(occurrences(of: "<li class=\"notification", in: beyond.text) == 3)
        #expect(malformed.status == .notFound)
    }

    @Test("with no notifications the page says so and offers nothing to mark")
    func empty() throws {
        // setup
        let app = try TestApp()
        let browser = try Person.make().signUpAndLogIn(app)
        // MUT
        let page = try browser.get("/notifications")
        // validate
        #expect(page.status == .ok)
        #expect(page.text.contains("You have no notifications."))
        #expect(!page.text.contains("Mark all as read"))
        #expect(!page.text.contains("Page 1 of 1"))
    }
}

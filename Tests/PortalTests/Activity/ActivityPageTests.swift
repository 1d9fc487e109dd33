import Foundation
import HTTPServer
import Testing
@testable import Portal

@Suite("Activity log page")
struct ActivityPageTests {
    @Test("saving the details and the preferences records who, from where, and what changed before and after")
    func profileSavesAreRecorded() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        // MUT
        try owner.browser.submit("/account", form: detailsForm(), from: "/account")
        try owner.browser.submit("/account/preferences", form: [("pref_billing", "1"), ("pref_commercial", "1")], from: "/account")
        // Saving the same values again changes nothing, so it records nothing.
        try owner.browser.submit("/account", form: detailsForm(), from: "/account")
        let page = try owner.browser.get("/account/activity")
        // validate
        let events = try owner.events()
        #expect(events.map(\.action) == [AuditAction.preferencesUpdated.rawValue, AuditAction.profileUpdated.rawValue])
        let details = try #require(events.last)
        #expect(details.actor == owner.label)
        #expect(details.ip == "127.0.0.1")
        #expect(details.target == owner.accountNumber)
        #expect(details.beforeValue.contains("city: \"\""))
        #expect(details.afterValue.contains("city: \"Paris\""))
        #expect(details.beforeValue.contains("time_zone: \"UTC\""))
        #expect(details.afterValue.contains("time_zone: \"Europe/Paris\""))
        #expect(!details.beforeValue.contains("language"))
        let preferences = try #require(events.first)
        #expect(preferences.beforeValue == "technical_emails: on; commercial_emails: off")
        #expect(preferences.afterValue == "technical_emails: off; commercial_emails: on")

        #expect(page.status == .ok)
        #expect(page.text.contains(ActivityHTML.english(.pageStatus(page: 1, pages: 1, events: 2))), "a single page still says how many")
        #expect(!page.text.contains("rel=\"next\""))
        #expect(page.text.contains(ActivityHTML.english(.action(AuditAction.profileUpdated.rawValue))))
        #expect(page.text.contains(ActivityHTML.english(.action(AuditAction.preferencesUpdated.rawValue))))
        #expect(page.text.contains(ProfileHTML.escape(owner.label)))
        #expect(page.text.contains("127.0.0.1"))
        #expect(page.text.contains(ProfileHTML.escape("technical_emails: on; commercial_emails: off → technical_emails: off; commercial_emails: on")))
        // Times in the account's zone, which the save just set to Paris.
        #expect(page.text.contains(TimeZones.format(details.createdAt, in: "Europe/Paris")))
        #expect(ActivityHTML.rowCount(page.text) == 2)
    }

    @Test("an owner reads the log newest first, with the action described and the change shown")
    func ownerReadsNewestFirst() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        try owner.record(.invitationSent, target: "first@example.com", after: "permissions: contacts")
        app.time.advance(by: 60)
        try owner.record(.accessRevoked, target: "second@example.com", before: "permissions: contacts, emails")
        // MUT
        let page = try owner.browser.get("/account/activity")
        // validate
        #expect(page.status == .ok)
        let second = try #require(page.text.range(of: "second@example.com"))
        let first = try #require(page.text.range(of: "first@example.com"))
        #expect(second.lowerBound < first.lowerBound)
        #expect(page.text.contains("Invitation sent"))
        #expect(page.text.contains("Access revoked"))
        #expect(page.text.contains("permissions: contacts, emails"))
        #expect(page.text.contains("203.0.113.7"))
        #expect(page.text.contains("Grace Hopper &lt;grace@example.com&gt;"))
    }

    @Test("an empty log says so, and the page needs a signed-in visitor")
    func emptyAndAnonymous() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        // MUT
        let page = try owner.browser.get("/account/activity")
        let anonymous = try app.browser().get("/account/activity")
        let anonymousCSV = try app.browser().get("/account/activity.csv")
        // validate
        #expect(page.status == .ok)
        #expect(page.text.contains(ActivityHTML.english(.empty)))
        #expect(ActivityHTML.rowCount(page.text) == 0)
        #expect(anonymous.status == .seeOther)
        #expect(anonymous.location?.hasPrefix("/login") == true)
        #expect(anonymousCSV.status == .seeOther)
        #expect(!anonymousCSV.text.contains("time_utc"))
    }

    @Test("another account's events never appear, on the page or in the export")
    func otherAccountsAbsent() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        let stranger = try ActivityFixture.make(app, name: "Charles Babbage")
        try owner.record(.contactCreated, target: "mine@example.com")
        try stranger.record(.contactCreated, target: "theirs@example.com")
        try stranger.browser.submit("/account", form: detailsForm(["city": "Londonderry"]), from: "/account")
        // MUT
        let page = try owner.browser.get("/account/activity")
        let filtered = try owner.browser.get("/account/activity?person=Babbage")
        let csv = try owner.browser.get("/account/activity.csv")
        // validate
        #expect(page.text.contains("mine@example.com"))
        #expect(!page.text.contains("theirs@example.com"))
        #expect(!page.text.contains("Londonderry"))
        #expect(ActivityHTML.rowCount(page.text) == 1)
        #expect(ActivityHTML.rowCount(filtered.text) == 0)
        #expect(csv.text.contains("mine@example.com"))
        #expect(!csv.text.contains("theirs@example.com"))
        #expect(!csv.text.contains("Londonderry"))
        #expect(try CSVReader.records(csv.text).count == 2)
    }

    @Test("filtering by action shows only that action, keeps the choice selected and in the links")
    func filterByAction() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        try owner.record(.contactCreated, target: "created@example.com")
        try owner.record(.contactDeleted, target: "deleted@example.com")
        try owner.record(.contactCreated, target: "again@example.com")
        // MUT
        let page = try owner.browser.get("/account/activity?action=contact.created")
        // validate
        #expect(page.status == .ok)
        #expect(ActivityHTML.rowCount(page.text) == 2)
        #expect(page.text.contains("created@example.com"))
        #expect(!page.text.contains("deleted@example.com"))
        #expect(page.text.contains("<option value=\"contact.created\" selected>"))
        #expect(ActivityHTML.links(page.text, startingWith: "/account/activity.csv") == ["/account/activity.csv?action=contact.created"])
    }

    @Test("filtering by person matches part of the name or email, ignoring case, and takes % and _ literally")
    func filterByPerson() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        try owner.record(.contactCreated, actor: "Grace Hopper <grace@example.com>", target: "one@example.com")
        try owner.record(.contactCreated, actor: "Alan Turing <alan@example.com>", target: "two@example.com")
        try owner.record(.contactCreated, actor: "Percent 100% <a_e@example.com>", target: "three@example.com")
        // MUT
        let byName = try owner.browser.get("/account/activity?person=HOPPER")
        let byEmail = try owner.browser.get("/account/activity?person=alan%40example")
        let percent = try owner.browser.get("/account/activity?person=%25")
        // As wildcards, "%" would match everyone and "a_e" would match "grace" too.
        let underscore = try owner.browser.get("/account/activity?person=a_e")
        let nobody = try owner.browser.get("/account/activity?person=nobody")
        // validate
        #expect(ActivityHTML.rowCount(byName.text) == 1)
        #expect(byName.text.contains("one@example.com"))
        #expect(byName.text.contains("value=\"HOPPER\""))
        #expect(ActivityHTML.rowCount(byEmail.text) == 1)
        #expect(byEmail.text.contains("two@example.com"))
        #expect(ActivityHTML.rowCount(percent.text) == 1)
        #expect(percent.text.contains("three@example.com"))
        #expect(ActivityHTML.rowCount(underscore.text) == 1)
        #expect(underscore.text.contains("three@example.com"))
        #expect(ActivityHTML.rowCount(nobody.text) == 0)
        #expect(nobody.text.contains(ActivityHTML.english(.emptyFiltered)))
    }

    @Test("date filters read whole days in the account's time zone, both ends included")
    func filterByDate() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        try owner.setTimeZone("Europe/Paris")
        let iso = ISO8601DateFormatter()
        // 3 Dec 23:30 UTC is already 4 Dec in Paris; 5 Dec 22:59 UTC is still 5 Dec there.
        for (target, instant) in [("dec3", "2026-12-03T22:30:00Z"), ("dec4", "2026-12-03T23:30:00Z"),
                                  ("dec5", "2026-12-05T22:59:00Z"), ("dec6", "2026-12-05T23:00:00Z")] {
            let date: Date = try #require(iso.date(from: instant))
            try owner.record(.contactCreated, target: target + "@example.com", at: date)
        }
        // MUT
        let range = try owner.browser.get("/account/activity?from=2026-12-04&to=2026-12-05")
        let fromOnly = try owner.browser.get("/account/activity?from=2026-12-05")
        let toOnly = try owner.browser.get("/account/activity?to=2026-12-03")
        let oneDay = try owner.browser.get("/account/activity?from=2026-12-06&to=2026-12-06")
        // validate
        #expect(range.status == .ok)
        #expect(ActivityHTML.rowCount(range.text) == 2)
        #expect(range.text.contains("dec4@example.com"))
        #expect(range.text.contains("dec5@example.com"))
        #expect(range.text.contains("4 Dec 2026, 00:30"))
        #expect(ActivityHTML.rowCount(fromOnly.text) == 2)
        #expect(fromOnly.text.contains("dec6@example.com"))
        #expect(ActivityHTML.rowCount(toOnly.text) == 1)
        #expect(toOnly.text.contains("dec3@example.com"))
        #expect(ActivityHTML.rowCount(oneDay.text) == 1)
        #expect(oneDay.text.contains("dec6@example.com"))
        #expect(ActivityHTML.links(range.text, startingWith: "/account/activity.csv") == ["/account/activity.csv?from=2026-12-04&to=2026-12-05"])
    }

    struct BadFilter: Sendable, CustomTestStringConvertible {
        let query: String
        let field: String
        let message: String
        let kept: String?
        var testDescription: String { query }
    }

    static let badFilters: [BadFilter] = [
        BadFilter(query: "from=2026-13-01", field: "from", message: Catalog.english(ActivityText.dateInvalid), kept: "2026-13-01"),
        BadFilter(query: "from=2026-02-30", field: "from", message: Catalog.english(ActivityText.dateInvalid), kept: "2026-02-30"),
        BadFilter(query: "to=yesterday", field: "to", message: Catalog.english(ActivityText.dateInvalid), kept: "yesterday"),
        BadFilter(query: "to=4%2F12%2F2026", field: "to", message: Catalog.english(ActivityText.dateInvalid), kept: "4/12/2026"),
        BadFilter(query: "from=2026-1-04", field: "from", message: Catalog.english(ActivityText.dateInvalid), kept: "2026-1-04"),
        BadFilter(query: "from=%EF%BC%92026-12-04", field: "from", message: Catalog.english(ActivityText.dateInvalid), kept: nil),
        BadFilter(query: "from=2099-12-05&to=2099-12-04", field: "to", message: Catalog.english(ActivityText.dateRangeReversed), kept: "2099-12-04"),
        BadFilter(query: "action=contact.exploded", field: "action", message: Catalog.english(ActivityText.actionUnknown), kept: nil),
        BadFilter(query: "person=" + String(repeating: "x", count: 201), field: "person", message: Catalog(.english)(.fieldTooLong(200)), kept: nil),
    ]

    @Test("a bad filter value is shown beside its field, kept, and ignored; the page still answers", arguments: badFilters)
    func badFilterValues(_ bad: BadFilter) throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        try owner.record(.contactCreated, target: "one@example.com")
        try owner.record(.contactDeleted, target: "two@example.com")
        // MUT
        let page = try owner.browser.get("/account/activity?" + bad.query)
        // validate
        #expect(page.status == .ok)
        #expect(ProfileHTML.fieldError(page.text, bad.field) == ProfileHTML.escape(bad.message))
        #expect(page.text.contains(ActivityHTML.english(.filtersIgnored)))
        #expect(ProfileHTML.tag(page.text, id: bad.field)?.contains("aria-invalid=\"true\"") == true)
        if let kept = bad.kept { #expect(ProfileHTML.tag(page.text, id: bad.field)?.contains("value=\"\(ProfileHTML.escape(kept))\"") == true) }
        // Ignored: every event is listed, and the bad value is not carried into the export link.
        #expect(ActivityHTML.rowCount(page.text) == (bad.field == "to" && bad.query.hasPrefix("from=") ? 0 : 2))
        let csvLink = try #require(ActivityHTML.links(page.text, startingWith: "/account/activity.csv").first)
        #expect(!csvLink.contains(bad.field + "="))
    }

    @Test("the log is paged by 50, newest first, the page links keep the filters; past the end is the last page, a malformed number 404")
    func pagination() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        for index in 1...120 {
            try owner.record(.contactUpdated, target: "contact-\(index)@example.com")
        }
        try owner.record(.contactDeleted, target: "other@example.com")
        // MUT
        let first = try owner.browser.get("/account/activity?action=contact.updated")
        let second = try owner.browser.get("/account/activity?action=contact.updated&page=2")
        let last = try owner.browser.get("/account/activity?action=contact.updated&page=3")
        let beyond = try owner.browser.get("/account/activity?action=contact.updated&page=99")
        let garbage = try owner.browser.get("/account/activity?action=contact.updated&page=-4x")
        // validate
        #expect(ActivityHTML.rowCount(first.text) == 50)
        #expect(first.text.contains("contact-120@example.com"))
        #expect(first.text.contains("contact-71@example.com"))
        #expect(!first.text.contains("contact-70@example.com"))
        #expect(first.text.contains(ActivityHTML.english(.pageStatus(page: 1, pages: 3, events: 120))))
        #expect(ActivityHTML.links(first.text, startingWith: "/account/activity?") == ["/account/activity?action=contact.updated&page=2"])

        #expect(ActivityHTML.rowCount(second.text) == 50)
        #expect(second.text.contains("contact-70@example.com"))
        #expect(second.text.contains("contact-21@example.com"))
        #expect(ActivityHTML.links(second.text, startingWith: "/account/activity?")
                == ["/account/activity?action=contact.updated", "/account/activity?action=contact.updated&page=3"])

        #expect(ActivityHTML.rowCount(last.text) == 20)
        #expect(last.text.contains("contact-1@example.com"))
        #expect(!last.text.contains("other@example.com"))
        #expect(last.text.contains(ActivityHTML.english(.pageStatus(page: 3, pages: 3, events: 120))))
        #expect(ActivityHTML.links(last.text, startingWith: "/account/activity?") == ["/account/activity?action=contact.updated&page=2"])

        #expect(beyond.status == .ok)
        #expect(ActivityHTML.rowCount(beyond.text) == 20)
        #expect(beyond.text.contains(ActivityHTML.english(.pageStatus(page: 3, pages: 3, events: 120))))
        #expect(garbage.status == .notFound)
    }

    @Test("every action has a description, and the action filter offers each one")
    func everyActionDescribed() throws {
        // setup
        let app = try TestApp()
        let owner = try ActivityFixture.make(app)
        // MUT
        let page = try owner.browser.get("/account/activity")
        // validate
        for action in AuditAction.allCases {
            #expect(Catalog.englishActionName(action) != nil, "no description for \(action.rawValue)")
            #expect(page.text.contains("<option value=\"\(action.rawValue)\">"))
        }
        #expect(Catalog.english(ActivityText.action("from.a.later.version")) == "from.a.later.version")
    }
}

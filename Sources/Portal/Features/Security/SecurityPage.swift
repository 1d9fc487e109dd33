import Foundation
import HTML

/// /account/security: the second factor, recovery codes, sessions and recent activity.
enum SecurityPage {
    struct SessionRow: Sendable {
        let publicID: String
        let device: String
        let ip: String
        let started: String
        let startedISO: String
        let lastSeen: String
        let lastSeenISO: String
        let isCurrent: Bool
    }

    struct EventRow: Sendable {
        let what: Text
        let device: String
        let ip: String
        let when: String
        let whenISO: String
    }

    struct Model: Sendable {
        let twoFactorEnabled: Bool
        let recoveryCodesLeft: Int
        let sessions: [SessionRow]
        let events: [EventRow]

        var hasOtherSessions: Bool { sessions.contains { !$0.isCurrent } }
    }

    static func model(_ overview: IdentityService.SecurityOverview, identity: Identity, language: Language) -> Model {
        let times = SecurityFormat.Times(timeZone: overview.timeZone, language: language)
        let sessions = overview.sessions.map { session in
            SessionRow(publicID: session.publicId, device: session.device, ip: session.ip,
                       started: times.display(session.createdAt), startedISO: times.datetime(session.createdAt),
                       lastSeen: times.display(session.lastSeenAt), lastSeenISO: times.datetime(session.lastSeenAt),
                       isCurrent: session.id == identity.sessionID)
        }
        // The current session first: it is the one people look for.
        let ordered = sessions.filter(\.isCurrent) + sessions.filter { !$0.isCurrent }
        let events = overview.events.compactMap { event -> EventRow? in
            guard let what = SecurityFormat.eventText(kind: event.kind, detail: event.detail) else { return nil }
            return EventRow(what: what, device: event.device, ip: event.ip, when: times.display(event.createdAt), whenISO: times.datetime(event.createdAt))
        }
        return Model(twoFactorEnabled: overview.twoFactor.enabled, recoveryCodesLeft: overview.twoFactor.recoveryCodesLeft,
                     sessions: ordered, events: events)
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String
        var errors = FieldErrors()

        var content: some HTML {
            PageHeader(title: catalog(.security(.title)), lead: catalog(.security(.lead)))
            if !errors.isEmpty { Alert(kind: .danger, message: catalog(.formHasErrors)) }
            div(.class("stack")) {
                TwoFactorCard(model: model, catalog: catalog, csrf: csrf, errors: errors)
                SessionsCard(model: model, catalog: catalog, csrf: csrf)
                ActivityCard(model: model, catalog: catalog)
            }
        }
    }

    struct TwoFactorCard: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String
        let errors: FieldErrors

        var content: some HTML {
            section(.class("card stack"), .aria("labelledby", "two-factor-title")) {
                h2(.id("two-factor-title")) { catalog(.security(.twoFactorHeading)) }
                if model.twoFactorEnabled {
                    p {
                        span(.class("tag tag-success")) { catalog(.stateOn) }
                        " " + catalog(.security(.twoFactorOnLead))
                    }
                    h3(.id("recovery-title")) { catalog(.security(.recoveryHeading)) }
                    p { catalog(.security(.recoveryRemaining(model.recoveryCodesLeft))) }
                    p(.class("muted")) { catalog(.security(.recoveryLead)) }
                    form(.method("post"), .action(SiteRoute.recoveryCodesSubmit.path), .class("stack"), .novalidate) {
                        CSRFField(token: csrf)
                        FormField(id: "recovery_password", labelText: catalog(.fieldCurrentPassword), type: "password",
                                  error: errors["recovery_password"].map { catalog($0) }, autocomplete: "current-password", required: true)
                        div(.class("actions")) {
                            button(.type("submit"), .class("button-secondary")) { catalog(.security(.recoverySubmit)) }
                        }
                    }
                    h3(.id("disable-title")) { catalog(.security(.disableHeading)) }
                    p(.class("muted")) { catalog(.security(.disableLead)) }
                    form(.method("post"), .action(SiteRoute.twoFactorDisableSubmit.path), .class("stack"), .novalidate) {
                        CSRFField(token: csrf)
                        FormField(id: "disable_password", labelText: catalog(.fieldCurrentPassword), type: "password",
                                  error: errors["disable_password"].map { catalog($0) }, autocomplete: "current-password", required: true)
                        FormField(id: "disable_code", labelText: catalog(.security(.fieldCurrentCode)),
                                  error: errors["disable_code"].map { catalog($0) }, autocomplete: "one-time-code",
                                  required: true, maxLength: 12, inputMode: "numeric")
                        div(.class("actions")) {
                            button(.type("submit"), .class("button-danger")) { catalog(.security(.disableSubmit)) }
                        }
                    }
                } else {
                    p {
                        span(.class("tag tag-warning")) { catalog(.stateOff) }
                        " " + catalog(.security(.twoFactorOffLead))
                    }
                    p { a(.class("button"), .href(SiteRoute.twoFactorSetup.path)) { catalog(.security(.twoFactorEnable)) } }
                }
            }
        }
    }

    struct SessionsCard: HTML {
        let model: Model
        let catalog: Catalog
        let csrf: String

        var content: some HTML {
            section(.class("card stack"), .aria("labelledby", "sessions-title")) {
                h2(.id("sessions-title")) { catalog(.security(.sessionsHeading)) }
                p(.class("muted")) { catalog(.security(.sessionsLead)) }
                div(.class("table-wrap")) {
                    table {
                        thead {
                            tr {
                                th(.scope("col")) { catalog(.security(.sessionDevice)) }
                                th(.scope("col")) { catalog(.security(.sessionAddress)) }
                                th(.scope("col")) { catalog(.security(.sessionStarted)) }
                                th(.scope("col")) { catalog(.security(.sessionLastSeen)) }
                                th(.scope("col")) { catalog(.security(.sessionActions)) }
                            }
                        }
                        tbody {
                            for session in model.sessions {
                                tr {
                                    td { session.device }
                                    td(.class("mono")) { session.ip }
                                    td { time(.datetime(session.startedISO)) { session.started } }
                                    td { time(.datetime(session.lastSeenISO)) { session.lastSeen } }
                                    td {
                                        if session.isCurrent {
                                            span(.class("tag tag-success")) { catalog(.security(.sessionThis)) }
                                        } else {
                                            form(.method("post"), .action(SiteRoute.sessionEndSubmit(session.publicID).path), .class("inline-form")) {
                                                CSRFField(token: csrf)
                                                button(.type("submit"), .class("button-secondary"), .aria("label", catalog(.security(.sessionEndLabel(session.device))))) {
                                                    catalog(.security(.sessionEnd))
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                if model.hasOtherSessions {
                    ButtonForm(route: .sessionsEndOthersSubmit, csrf: csrf, label: catalog(.security(.sessionsEndOthers)), style: "button button-danger")
                } else {
                    p(.class("muted")) { catalog(.security(.sessionsNone)) }
                }
            }
        }
    }

    struct ActivityCard: HTML {
        let model: Model
        let catalog: Catalog

        var content: some HTML {
            section(.class("card stack"), .aria("labelledby", "activity-title")) {
                h2(.id("activity-title")) { catalog(.security(.activityHeading)) }
                p(.class("muted")) { catalog(.security(.activityLead)) }
                if model.events.isEmpty {
                    p { catalog(.security(.activityNone)) }
                } else {
                    div(.class("table-wrap")) {
                        table {
                            thead {
                                tr {
                                    th(.scope("col")) { catalog(.security(.activityWhen)) }
                                    th(.scope("col")) { catalog(.security(.activityWhat)) }
                                    th(.scope("col")) { catalog(.security(.activityFrom)) }
                                }
                            }
                            tbody {
                                for event in model.events {
                                    tr {
                                        td { time(.datetime(event.whenISO)) { event.when } }
                                        td { catalog(event.what) }
                                        td {
                                            event.device
                                            if !event.ip.isEmpty { span(.class("muted mono")) { " · " + event.ip } }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

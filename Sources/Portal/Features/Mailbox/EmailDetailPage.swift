import HTML

/// `/account/emails/:id`: one email as it was sent. The HTML part is shown in a sandboxed frame
/// served by `/account/emails/:id/html` under its own locked-down policy, so markup stored in an
/// email can never run script or reach the panel.
enum EmailDetailPage {
    struct Model: Sendable {
        let publicID: String
        let date: String
        let isoDate: String
        let to: String
        let subject: String
        let category: MailboxText
        let status: DeliveryTag
        let lastError: String
        /// nil when the email carries a private link: only its recipient's inbox shows it.
        let textBody: String?
        let hasHTML: Bool
    }

    struct View: HTML {
        let model: Model
        let catalog: Catalog

        var shownSubject: String { model.subject.isEmpty ? catalog(.mailbox(.noSubject)) : model.subject }

        var content: some HTML {
            PageHeader(title: shownSubject)
            p { a(.href(SiteRoute.accountEmails.path)) { catalog(.mailbox(.backToHistory)) } }
            section(.class("card"), .aria("labelledby", "email-details-title")) {
                h2(.id("email-details-title")) { catalog(.mailbox(.emailDetails)) }
                dl(.class("summary")) {
                    dt { catalog(.mailbox(.columnDate)) }
                    dd { time(.datetime(model.isoDate)) { model.date } }
                    dt { catalog(.mailbox(.fieldTo)) }
                    dd { model.to }
                    dt { catalog(.mailbox(.columnSubject)) }
                    dd { shownSubject }
                    dt { catalog(.mailbox(.columnCategory)) }
                    dd { catalog(.mailbox(model.category)) }
                    dt { catalog(.mailbox(.columnStatus)) }
                    dd {
                        DeliveryTagView(tag: model.status, catalog: catalog)
                        if !model.lastError.isEmpty {
                            p(.class("hint")) { catalog(.mailbox(.lastError(model.lastError))) }
                        }
                    }
                }
            }
            if let textBody = model.textBody {
                section(.class("card email-part"), .aria("labelledby", "email-text-title")) {
                    h2(.id("email-text-title")) { catalog(.mailbox(.textVersion)) }
                    div(.class("table-wrap")) { pre { textBody } }
                }
                EmailHTMLPart(model: model, shownSubject: shownSubject, catalog: catalog)
            } else {
                section(.class("card")) { p(.class("muted")) { catalog(.mailbox(.privateLinkHidden)) } }
            }
        }
    }

    struct EmailHTMLPart: HTML {
        let model: Model
        let shownSubject: String
        let catalog: Catalog

        var content: some HTML {
            section(.class("card email-part"), .aria("labelledby", "email-html-title")) {
                h2(.id("email-html-title")) { catalog(.mailbox(.htmlVersion)) }
                if model.hasHTML {
                    EmailFrame(source: SiteRoute.accountEmailHTML(model.publicID).path, frameTitle: catalog(.mailbox(.htmlFrameTitle(shownSubject))))
                } else {
                    p(.class("muted")) { catalog(.mailbox(.noHTMLVersion)) }
                }
            }
        }
    }
}

/// `<iframe sandbox>`: the HTML library has no iframe element, and only this page needs one.
enum IFrameTag: HTMLTagDefinition {
    static var name: StaticString { "iframe" }
    static var openingTag: StaticString { "<iframe" }
    static var closingTag: StaticString { "</iframe>" }
}

/// The frame showing an email's HTML: an empty `sandbox` grants nothing (no script, no forms,
/// no same-origin access, no top navigation). Size comes from attributes: the CSP forbids style attributes.
struct EmailFrame: HTML {
    let source: String
    let frameTitle: String

    var content: some HTML {
        HTMLElement<IFrameTag, EmptyHTML>(
            .custom(name: "sandbox", value: ""), .src(source), .title(frameTitle),
            .custom(name: "width", value: "100%"), .height(600), .custom(name: "referrerpolicy", value: "no-referrer"),
            .custom(name: "loading", value: "lazy"), .class("email-frame")
        ) { EmptyHTML() }
    }
}

import HTML

/// The page the benchmark renders: a realistic dashboard (~40 nested elements,
/// `if`/`for` statements, attributes of every kind). Tests/HTMLTests/LargePageTests
/// checks what it renders (`@testable import HTMLBench`).
struct DashboardPage: HTML {
    struct Service: Sendable {
        var name: String
        var plan: String
        var active: Bool
        var domains: [String]
    }

    var user: String
    var services: [Service]
    var notice: String?
    var currentPath: String

    var content: some HTML {
        HTMLDocument(lang: "en") {
            meta(.charset("utf-8"))
            meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
            title { "Dashboard – Hosterra" }
            link(.rel("stylesheet"), .href("/static/app.css"), .integrity("sha384-abc"), .crossorigin("anonymous"))
            script(.src("/static/app.js"), .defer, .nonce("r4nd0m"))
        } body: {
            header(.class("top")) {
                nav(.aria("label", "Main")) {
                    ul(.class("menu")) {
                        for (path, label) in [("/", "Overview"), ("/services", "Services"), ("/billing", "Billing")] {
                            li {
                                a(.href(path), .class("menu-item"), .class("current").when(path == currentPath),
                                  .ariaCurrent("page").when(path == currentPath)) { label }
                            }
                        }
                    }
                }
                div(.class("user")) {
                    span { "Signed in as " }
                    strong { user }
                    form(.action("/logout"), .method("post")) {
                        button(.type("submit"), .class("link")) { "Log out" }
                    }
                }
            }
            main(.id("content")) {
                if let notice {
                    div(.class("notice"), .role("status"), .ariaLive("polite")) { p { notice } }
                }
                section(.class("services")) {
                    h2 { "Your services" }
                    if services.isEmpty {
                        p(.class("empty")) { "You have no services yet." }
                    } else {
                        table(.class("grid")) {
                            thead {
                                tr {
                                    th(.scope("col")) { "Name" }
                                    th(.scope("col")) { "Plan" }
                                    th(.scope("col")) { "Status" }
                                    th(.scope("col")) { "Domains" }
                                }
                            }
                            tbody {
                                ForEach(services) { service in
                                    tr(.data("service", service.name)) {
                                        td { a(.href("/services/\(service.name)")) { service.name } }
                                        td { code { service.plan } }
                                        td {
                                            if service.active {
                                                span(.class("badge ok")) { "Active" }
                                            } else {
                                                span(.class("badge off")) { "Suspended" }
                                            }
                                        }
                                        td {
                                            ul(.class("domains")) {
                                                for domain in service.domains { li { domain } }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                section(.class("contact")) {
                    h2 { "Contact us" }
                    form(.action("/contact"), .method("post"), .novalidate) {
                        label(.for("email")) { "Email" }
                        input(.type("email"), .id("email"), .name("email"), .value(user), .required,
                              .autocomplete("email"), .ariaDescribedBy("email-hint"))
                        small(.id("email-hint")) { "We reply within a day." }
                        label(.for("msg")) { "Message" }
                        textarea(.id("msg"), .name("msg"), .minlength(10)) { "" }
                        button(.type("submit")) { "Send" }
                    }
                }
            }
            footer {
                p { small { "© Hosterra & partners" } }
                script(.type("application/json"), .id("state")) { #"{"user":"\#(user)"}"# }
            }
        }
    }
}

extension DashboardPage {
    static func sample(serviceCount: Int) -> DashboardPage {
        DashboardPage(
            user: "jane<doe>@example.com",
            services: (0..<serviceCount).map { index in
                Service(name: "site-\(index)", plan: index % 2 == 0 ? "Pro" : "Basic",
                        active: index % 3 != 0, domains: ["site\(index).example", "www.site\(index).example"])
            },
            notice: "Invoice #42 is due & payable.",
            currentPath: "/services"
        )
    }
}

import HTML

/// A link in a menu: where it goes and what it says.
struct MenuItem: Sendable {
    let route: SiteRoute
    let text: Text
}

/// Who is looking at the panel, as far as the layout needs to know.
struct Viewer: Sendable {
    let userName: String
    let accountName: String
    let unreadNotifications: Int
    /// Main menu entries this viewer may use; an entry appears once its section exists.
    let mainMenu: [MenuItem]
    /// Account menu entries this viewer may use.
    let accountMenu: [MenuItem]
}

/// The frame of every page after login: the header with the bell, the current account and the
/// account menu, the main menu, and the page itself. Works without JavaScript (menus are <details>).
struct PanelLayout<Page: HTML>: HTML {
    let title: String
    let context: RequestContext
    let viewer: Viewer
    let assets: AssetStore
    @HTMLBuilder let page: Page

    init(title: String, context: RequestContext, viewer: Viewer, assets: AssetStore, @HTMLBuilder page: () -> Page) {
        self.title = title
        self.context = context
        self.viewer = viewer
        self.assets = assets
        self.page = page()
    }

    var content: some HTML {
        let catalog = context.catalog
        DocumentHead(pageTitle: title, catalog: catalog, assets: assets)
        body {
            a(.class("skip-link"), .href("#main")) { catalog(.skipToContent) }
            header(.class("topbar")) {
                a(.class("brand"), .href(SiteRoute.dashboard.path)) {
                    HTMLRaw(Icons.logo)
                    span { catalog(.productName) }
                }
                div(.class("spacer")) {}
                span(.class("current-account"), .title(catalog(.currentAccount(viewer.accountName)))) {
                    span(.class("visually-hidden")) { catalog(.currentAccount("")) }
                    viewer.accountName
                }
                NotificationBell(count: viewer.unreadNotifications, catalog: catalog)
                details(.class("menu account-menu")) {
                    summary(.aria("label", catalog(.accountMenu))) {
                        HTMLRaw(Icons.user)
                        span(.class("menu-name")) { viewer.userName }
                        HTMLRaw(Icons.chevron)
                    }
                    nav(.class("menu-panel"), .aria("label", catalog(.accountMenu))) {
                        p(.class("menu-heading")) { viewer.accountName }
                        ul {
                            for item in viewer.accountMenu {
                                li { MenuLink(item: item, current: context.route, catalog: catalog) }
                            }
                        }
                        hr()
                        form(.method("post"), .action(SiteRoute.logout.path)) {
                            CSRFField(token: context.csrfToken)
                            button(.type("submit")) { catalog(.logOut) }
                        }
                    }
                }
            }
            div(.class("frame")) {
                nav(.class("sidenav"), .aria("label", catalog(.mainMenu))) {
                    ul {
                        for item in viewer.mainMenu {
                            li { MenuLink(item: item, current: context.route, catalog: catalog) }
                        }
                    }
                }
                div {
                    main(.id("main"), .tabindex(-1)) { page }
                    footer(.class("site-footer")) { catalog(.footerNote) }
                }
            }
        }
        HTMLRaw("</html>")
    }
}

struct MenuLink: HTML {
    let item: MenuItem
    let current: SiteRoute?
    let catalog: Catalog

    var content: some HTML {
        if item.route == current {
            a(.href(item.route.path), .ariaCurrent("page")) { catalog(item.text) }
        } else {
            a(.href(item.route.path)) { catalog(item.text) }
        }
    }
}

struct NotificationBell: HTML {
    let count: Int
    let catalog: Catalog

    var content: some HTML {
        a(.class("bell"), .href(SiteRoute.notifications.path), .aria("label", catalog(.notifications) + ": " + catalog(.unreadNotifications(count)))) {
            HTMLRaw(Icons.bell)
            if count > 0 {
                span(.class("badge-count"), .ariaHidden) { count > 99 ? "99+" : String(count) }
            }
        }
    }
}

import HTML

/// The frame of pages seen before login (login, sign-up, errors): the brand and one centered column.
struct PublicLayout<Page: HTML>: HTML {
    let title: String
    let catalog: Catalog
    let assets: AssetStore
    @HTMLBuilder let page: Page

    init(title: String, catalog: Catalog, assets: AssetStore, @HTMLBuilder page: () -> Page) {
        self.title = title
        self.catalog = catalog
        self.assets = assets
        self.page = page()
    }

    var content: some HTML {
        DocumentHead(pageTitle: title, catalog: catalog, assets: assets)
        body(.class("public")) {
            a(.class("skip-link"), .href("#main")) { catalog(.skipToContent) }
            a(.class("brand"), .href(SiteRoute.dashboard.path)) {
                HTMLRaw(Icons.logo)
                span { catalog(.productName) }
            }
            main(.id("main"), .tabindex(-1)) { page }
            footer(.class("site-footer")) { catalog(.footerNote) }
        }
        HTMLRaw("</html>")
    }
}

/// `<!DOCTYPE html>`, `<html>` and `<head>`; the body follows as a sibling so that both layouts share this.
struct DocumentHead: HTML {
    let pageTitle: String
    let catalog: Catalog
    let assets: AssetStore

    var content: some HTML {
        HTMLRaw("<!DOCTYPE html><html lang=\"\(catalog.language.code)\">")
        head {
            meta(.charset("utf-8"))
            meta(.name("viewport"), .content("width=device-width, initial-scale=1"))
            title { pageTitle + " · " + catalog(.productName) }
            link(.rel("stylesheet"), .href(assets.url("app.css")))
            link(.rel("icon"), .href(assets.url("icon.svg")), .type("image/svg+xml"))
            script(.src(assets.url("app.js")), .defer) {}
        }
    }
}

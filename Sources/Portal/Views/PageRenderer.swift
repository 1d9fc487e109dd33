import HTML
import HTTPServer

/// Wraps a page in its layout and turns it into a response, adding what every page shows:
/// the flash message, the banner for an unverified email, the menus this visitor may use.
struct PageRenderer: Sendable {
    let assets: AssetStore

    func publicPage<Page: HTML>(_ request: Request, title: String, status: HTTPStatus = .ok, @HTMLBuilder _ page: () -> Page) -> Response {
        let context = request.context
        let flash = Flash.from(request)
        let body = page()
        let layout = PublicLayout(title: title, catalog: context.catalog, assets: assets) {
            if let flash { Alert(kind: flash.kind, message: context.catalog(flash.text)) }
            body
        }
        return finish(.html(layout.render(), status: status), clearingFlash: flash != nil)
    }

    func panelPage<Page: HTML>(_ request: Request, title: String, status: HTTPStatus = .ok, @HTMLBuilder _ page: () -> Page) -> Response {
        let context = request.context
        guard let identity = context.identity else {
            return publicPage(request, title: title, status: status, page)
        }
        let catalog = context.catalog
        let flash = Flash.from(request)
        let viewer = Viewer(userName: identity.userName, accountName: identity.account?.name ?? identity.userName,
                            unreadNotifications: identity.unreadNotifications,
                            mainMenu: Menus.main(for: identity), accountMenu: Menus.account(for: identity))
        let body = page()
        let layout = PanelLayout(title: title, context: context, viewer: viewer, assets: assets) {
            if let flash { Alert(kind: flash.kind, message: catalog(flash.text)) }
            if !identity.emailVerified {
                div(.class("alert alert-warning banner"), .role("status")) {
                    p { catalog(.unverifiedBanner(identity.email)) }
                    ButtonForm(route: .verifyEmailResend, csrf: context.csrfToken, label: catalog(.unverifiedResend), style: "button button-secondary")
                }
            }
            body
        }
        return finish(.html(layout.render(), status: status), clearingFlash: flash != nil)
    }

    private func finish(_ response: Response, clearingFlash: Bool) -> Response {
        var response = response
        if clearingFlash { response.setCookie(Cookie.expired(name: Flash.cookieName, path: "/", secure: false)) }
        return response
    }
}

/// The menus, filtered by what the visitor may use. An item appears once its section exists.
enum Menus {
    static func main(for identity: Identity) -> [MenuItem] {
        var items: [MenuItem] = []
        if identity.account != nil { items.append(MenuItem(route: .dashboard, text: .menuDashboard)) }
        return items
    }

    static func account(for identity: Identity) -> [MenuItem] {
        var items: [MenuItem] = []
        if identity.may(.profile) { items.append(MenuItem(route: .account, text: .menuAccount)) }
        items.append(MenuItem(route: .accountPassword, text: .menuPassword))
        items.append(MenuItem(route: .accountSecurity, text: .menuSecurity))
        if identity.may(.users) {
            items.append(MenuItem(route: .users, text: .menuUsers))
            items.append(MenuItem(route: .activity, text: .menuActivity))
        }
        if identity.may(.contacts) { items.append(MenuItem(route: .contacts, text: .menuContacts)) }
        if identity.may(.emails) { items.append(MenuItem(route: .accountEmails, text: .menuEmailHistory)) }
        items.append(MenuItem(route: .accounts, text: .menuSwitchAccount))
        items.append(MenuItem(route: .notifications, text: .notifications))
        return items
    }
}

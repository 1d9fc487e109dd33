import HTTPServer

struct DashboardController: Sendable {
    let renderer: PageRenderer

    func show(_ request: Request) throws -> Response {
        guard let identity = request.context.identity else { throw HTTPError(.forbidden) }
        let catalog = request.context.catalog
        let model = DashboardPage.model(for: identity)
        return renderer.panelPage(request, title: catalog(.dashboardTitle)) {
            DashboardPage.View(model: model, catalog: catalog)
        }
    }
}

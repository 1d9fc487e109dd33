import HTML

/// The body of every error page: what happened, what to do next, and the request id for support.
struct ErrorPage: HTML {
    let status: Int
    let message: String
    let requestID: String
    var catalog = Catalog(.english)

    var content: some HTML {
        div(.class("card stack")) {
            h1 { catalog(.errorTitle(status)) }
            p { message }
            p(.class("muted")) { small { catalog(.errorReference(requestID)) } }
            p { a(.href(SiteRoute.dashboard.path)) { catalog(.errorBackHome) } }
        }
    }
}

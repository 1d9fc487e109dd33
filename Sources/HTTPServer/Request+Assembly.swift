extension Request {
    /// Builds a request from what a transport received; the one place both `HTTPServer` and
    /// `TestClient` go through so they agree on paths, queries, cookies and bodies.
    static func assemble(method: HTTPMethod, rawTarget: String, headers: HTTPHeaders,
                         remoteAddress: String, body: BodyReader.Result) -> Request {
        let (path, query) = Request.splitTarget(rawTarget)
        return Request(method: method, path: path, rawTarget: rawTarget, query: query, headers: headers,
                       cookies: Request.parseCookies(headers), remoteAddress: remoteAddress,
                       body: body.body, form: body.form, files: body.files, bodyError: body.error)
    }

    /// Size of the request line plus header block as counted against `maxHeaderBytes`.
    static func headerSize(method: String, rawTarget: String, headers: HTTPHeaders) -> Int {
        var n = method.utf8.count + rawTarget.utf8.count + 11 // " HTTP/1.1\r\n"
        for (name, value) in headers { n += name.utf8.count + value.utf8.count + 4 }
        return n
    }
}

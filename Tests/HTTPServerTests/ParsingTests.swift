import Testing
@testable import HTTPServer

@Suite struct ParsingTests {
    @Test func headersAreOrderedAndCaseInsensitive() {
        var h = HTTPHeaders([("Content-Type", "text/html"), ("Set-Cookie", "a=1")])
        h.add("set-cookie", "b=2")
        #expect(h["content-type"] == "text/html")
        #expect(h.values("SET-COOKIE") == ["a=1", "b=2"])
        h["Set-Cookie"] = "c=3"
        #expect(h.values("set-cookie") == ["c=3"])
        h.remove("CONTENT-TYPE")
        #expect(h["Content-Type"] == nil)
        #expect(h.count == 1)
        h["X-New"] = "v"
        #expect(h.map(\.name) == ["Set-Cookie", "X-New"])
    }

    @Test func cookieHeaderParsing() {
        let c = Cookie.parseCookieHeader(#"a=1; b="quoted"; a=2;  c = x=y ;bad"#)
        #expect(c == ["a": "1", "b": "quoted", "c": "x=y"])
    }

    @Test func setCookieHeaderValue() {
        #expect(Cookie(name: "s", value: "v").headerValue == "s=v; Path=/; HttpOnly; SameSite=Lax")
        let c = Cookie(name: "s", value: "v", path: "/a", maxAge: 60, httpOnly: false, secure: true, sameSite: .strict)
        #expect(c.headerValue == "s=v; Path=/a; Max-Age=60; Secure; SameSite=Strict")
        #expect(Cookie.expired(name: "s").headerValue == "s=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax")
    }

    @Test func queryParsingIsLenient() {
        let (path, query) = Request.splitTarget("/a%20b?x=1&y=a+b%21&x=2&flag&bad=%zz")
        #expect(path == "/a b")
        #expect(query.all("x") == ["1", "2"])
        #expect(query["y"] == "a b!")
        #expect(query["flag"] == "")
        #expect(query["bad"] == "%zz")
    }

    @Test func urlencodedFormParsing() throws {
        let form = try QueryEncoding.parse(Array("name=J%C3%BCrgen+X&tags=a&tags=b&empty=".utf8))
        #expect(form["name"] == "Jürgen X")
        #expect(form.all("tags") == ["a", "b"])
        #expect(form["empty"] == "")
    }

    @Test func urlencodedFormRejectsBadInput() {
        #expect(throws: BodyError.self) { try QueryEncoding.parse(Array("a=%FF".utf8)) }
        #expect(throws: BodyError.self) { try QueryEncoding.parse(Array("a=%4".utf8)) }
        #expect(throws: BodyError.self) { try QueryEncoding.parse(Array("a=%G1".utf8)) }
    }

    @Test func contentTypeParameters() {
        #expect(ContentType.parameter("boundary", in: "multipart/form-data; boundary=abc") == "abc")
        #expect(ContentType.parameter("boundary", in: #"multipart/form-data; charset=x; BOUNDARY="a;b""#) == "a;b")
        #expect(ContentType.parameter("filename", in: #"form-data; name="f"; filename="a \"q\".txt""#) == #"a "q".txt"#)
        #expect(ContentType.isJSON("application/vnd.api+json; charset=utf-8"))
    }

    @Test func statusEqualityIgnoresReason() {
        #expect(HTTPStatus(code: 404, reason: "Nope") == .notFound)
        #expect(HTTPStatus(code: 422).reason == "Unprocessable Content")
        #expect(HTTPStatus.payloadTooLarge.code == 413)
    }

    @Test func extensionsAreTyped() {
        enum RequestID: ExtensionKey { typealias Value = String }
        enum UserID: ExtensionKey { typealias Value = Int }
        var e = Extensions()
        e[RequestID.self] = "r1"
        e[UserID.self] = 7
        #expect(e[RequestID.self] == "r1")
        #expect(e[UserID.self] == 7)
        e[UserID.self] = nil
        #expect(e[UserID.self] == nil)
    }

    @Test func middlewareOrderFirstIsOutermost() throws {
        struct Tag: Middleware {
            let name: String
            func respond(to request: Request, next: Responder) throws -> Response {
                var r = try next(request)
                r.headers.add("X-Order", name)
                return r
            }
        }
        let responder = chain([Tag(name: "outer"), Tag(name: "inner")]) { _ in .text("hi") }
        let r = try responder(Request(method: .GET, path: "/"))
        #expect(r.headers.values("X-Order") == ["inner", "outer"])
    }
}

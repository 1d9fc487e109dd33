import Foundation
import Testing
@testable import HTTPServer

@Suite struct TestClientTests {
    @Test func buildsRequestsLikeTheServer() throws {
        let client = TestClient(echoResponder)
        let r = try client.get("/p%20q?x=1&x=2", headers: [("Cookie", "a=1; b=2")])
        let f = echoFields(r.text)
        #expect(r.status == .ok)
        #expect(f["path"] == "/p q")
        #expect(f["query"] == "x=1&x=2")
        #expect(f["cookies"] == "a=1,b=2")
        #expect(f["remote"] == "127.0.0.1")
    }

    @Test func postsFormsAndAppliesLimits() throws {
        var config = ServerConfiguration()
        config.maxBodyBytes = 16
        let client = TestClient(echoResponder, configuration: config)
        #expect(echoFields(try client.post("/f", form: [("a", "b c")]).text)["form"] == "a=b c")
        let big = try client.post("/f", form: [("a", String(repeating: "x", count: 100))])
        #expect(big.status == .payloadTooLarge)
        #expect(big.headers["Connection"] == "close")
        let bad = try client.send(.POST, "/f", headers: [("Content-Type", "application/x-www-form-urlencoded")], body: [0x61, 0x3D, 0xFF])
        #expect(bad.status == .badRequest)
    }

    @Test func multipartAndStreams() throws {
        let client = TestClient(echoResponder)
        let r = try client.postMultipart("/u", fields: [("t", "x")],
                                         files: [(field: "f", filename: "a.bin", contentType: "application/octet-stream", content: [1, 2, 3])])
        #expect(r.text.contains("file: f a.bin application/octet-stream 3"))
        #expect(try client.get("/stream").text == (0..<5).map { "chunk \($0)\n" }.joined())
        #expect(try client.send(.HEAD, "/stream").body.isEmpty)
    }

    @Test func decodesJSON() throws {
        struct In: Codable { var name: String; var count: Int }
        let client = TestClient { request in
            do {
                let v = try request.decodeJSON(In.self)
                return .json(In(name: v.name.uppercased(), count: v.count + 1))
            } catch let e as HTTPError {
                return .text(e.message, status: e.status)
            }
        }
        let ok = try client.postJSON("/j", In(name: "a", count: 1))
        #expect(ok.text == #"{"count":2,"name":"A"}"#)
        #expect(ok.headers["Content-Type"] == "application/json; charset=utf-8")
        let missing = try client.send(.POST, "/j", headers: [("Content-Type", "application/json")], body: Array(#"{"name":"a"}"#.utf8))
        #expect(missing.status == .badRequest)
        #expect(missing.text == "Missing field 'count'.")
        let wrongType = try client.send(.POST, "/j", headers: [("Content-Type", "text/plain")], body: Array("{}".utf8))
        #expect(wrongType.status == .unsupportedMediaType)
        let broken = try client.send(.POST, "/j", headers: [("Content-Type", "application/json")], body: Array("{".utf8))
        #expect(broken.text == "The request body is not valid JSON.")
    }

    @Test func responderErrorsPropagate() {
        let client = TestClient(echoResponder)
        #expect(throws: HTTPError.self) { try client.get("/fail") }
    }

    @Test func sessionKeepsCookies() throws {
        let client = TestClient { request in
            switch request.path {
            case "/login":
                var r = Response.redirect(to: "/home")
                r.setCookie(Cookie(name: "sid", value: "abc"))
                return r
            case "/logout":
                var r = Response.redirect(to: "/")
                r.setCookie(.expired(name: "sid"))
                return r
            default:
                return .text(request.cookies["sid"] ?? "anonymous")
            }
        }
        let session = TestSession(client)
        let login = try session.post("/login", form: [("u", "x")])
        #expect(login.status == .seeOther)
        #expect(login.location == "/home")
        #expect(login.cookies == ["sid": "abc"])
        #expect(try session.get("/home").text == "abc")
        _ = try session.get("/logout")
        #expect(session.cookies.isEmpty)
        #expect(try session.get("/home").text == "anonymous")
    }
}

@Suite struct TestClientLimitTests {
    @Test func oversizedHeadersGet431WithoutCallingTheResponder() throws {
        let client = TestClient { _ in throw HTTPError(.internalServerError) }
        let r = try client.get("/", headers: [("X-Big", String(repeating: "a", count: 17_000))])
        #expect(r.status == .requestHeaderFieldsTooLarge)
    }
}

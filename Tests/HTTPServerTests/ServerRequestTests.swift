import Foundation
import Testing
@testable import HTTPServer

/// Requests over a real socket against libmicrohttpd.
@Suite struct ServerRequestTests {
    @Test func getWithQueryAndCookies() throws {
        try withServer(echoResponder) { _, port in
            let r = try RawClient.request(port: port, "GET /a%20b/c?x=1&y=%C3%A9&x=2 HTTP/1.1\r\nHost: t\r\nCookie: sid=abc; theme=\"dark\"\r\n\r\n")
            let f = echoFields(r.text)
            #expect(r.status == 200)
            #expect(f["path"] == "/a b/c")
            #expect(f["target"] == "/a%20b/c?x=1&y=%C3%A9&x=2")
            #expect(f["query"] == "x=1&y=é&x=2")
            #expect(f["cookies"] == "sid=abc,theme=dark")
            #expect(f["remote"] == "127.0.0.1")
        }
    }

    @Test func keepAliveServesSeveralRequestsOnOneConnection() throws {
        try withServer(echoResponder) { _, port in
            let client = try RawClient(port: port)
            for i in 0..<3 {
                client.send("GET /k\(i) HTTP/1.1\r\nHost: t\r\n\r\n")
                let r = try client.readReply()
                #expect(echoFields(r.text)["path"] == "/k\(i)")
                #expect(r.headers["Connection"] == nil)
            }
        }
    }

    @Test func postUrlencodedAndJSON() throws {
        try withServer(echoResponder) { _, port in
            let form = "name=J%C3%BCrgen+X&tag=a&tag=b"
            let r = try RawClient.request(port: port, "POST /f HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(form.utf8.count)\r\n\r\n\(form)")
            #expect(echoFields(r.text)["form"] == "name=Jürgen X&tag=a&tag=b")
            let json = #"{"a":[1,2]}"#
            let j = try RawClient.request(port: port, "POST /j HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n\(json)")
            #expect(echoFields(j.text)["body"] == json)
            #expect(echoFields(j.text)["form"] == "")
        }
    }

    @Test func headReturnsHeadersWithoutBody() throws {
        try withServer(echoResponder) { _, port in
            let client = try RawClient(port: port)
            client.send("HEAD /h HTTP/1.1\r\nHost: t\r\n\r\n")
            let head = try client.readReply(head: true)
            #expect(head.status == 200)
            #expect(Int(head.headers["Content-Length"] ?? "") ?? 0 > 0)
            // The connection stays usable: no stray body bytes precede the next response.
            client.send("GET /after HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(echoFields(try client.readReply().text)["path"] == "/after")
        }
    }

    @Test func streamingResponseIsReadCompletely() throws {
        try withServer(echoResponder) { _, port in
            let r = try RawClient.request(port: port, "GET /stream HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(r.headers["Transfer-Encoding"] == "chunked")
            #expect(r.text == (0..<5).map { "chunk \($0)\n" }.joined())
        }
    }

    @Test func largeStreamAndFailingStream() throws {
        let responder: Responder = { request in
            let count = Counter()
            if request.path == "/big" {
                return .stream(BodyStream {
                    count.next() < 100 ? [UInt8](repeating: 66, count: 10_000) : nil
                }, contentType: "application/octet-stream")
            }
            guard request.path == "/fail" else { return .text("ok") }
            return .stream(BodyStream {
                if count.next() < 2 { return Array("ok\n".utf8) }
                throw HTTPError(.internalServerError)
            }, contentType: "text/plain")
        }
        try withServer(responder) { _, port in
            let big = try RawClient.request(port: port, "GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(big.body.count == 1_000_000)
            // A stream that throws ends the response early: the client sees a truncated body.
            let client = try RawClient(port: port, timeout: 30)
            client.send("GET /fail HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(throws: RawClient.Failure.self) { try client.readReply() }
            // The server closed the connection (with MHD_USE_TURBO it lingered until the client's timeout,
            // which waitForClose reports as false).
            #expect(client.waitForClose())
            #expect(serverAnswers(port))
        }
    }

    @Test func throwingHandlerGivesBare500() throws {
        try withServer(echoResponder) { _, port in
            let r = try RawClient.request(port: port, "GET /fail HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(r.status == 500)
            #expect(r.text == "Internal Server Error")
        }
    }

    @Test func unknownMethodGets501() throws {
        try withServer(echoResponder) { _, port in
            let r = try RawClient.request(port: port, "TRACE / HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(r.status == 501)
            #expect(serverAnswers(port))
        }
    }

    @Test func multipartUploadLandsInTemporaryFile() throws {
        let content = (0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let seen = Box<(path: String, ok: Bool)?>(nil)
        let responder: Responder = { request in
            guard let file = request.files.first else { return .text("no file \(String(describing: request.bodyError))", status: .badRequest) }
            let data = try Data(contentsOf: URL(fileURLWithPath: file.path))
            seen.set((file.path, Array(data) == content && file.size == content.count))
            return .text("\(request.form["title"] ?? "") \(file.filename) \(file.size)")
        }
        try withServer(responder) { server, port in
            let boundary = "----b\(UInt32.random(in: 0...UInt32.max))"
            let body = TestClient.multipartBody(boundary: boundary, fields: [("title", "Rapport")],
                                                files: [(field: "doc", filename: "r.bin", contentType: "application/octet-stream", content: content)])
            let r = try RawClient.request(port: port, "POST /u HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=\(boundary)\r\nContent-Length: \(body.count)\r\n\r\n", body: body)
            #expect(r.text == "Rapport r.bin 3000000")
            let (path, ok) = try #require(seen.get())
            #expect(ok)
            #expect(eventually { !FileManager.default.fileExists(atPath: path) })
            #expect(eventually { server.liveContexts == 0 })
        }
    }
}

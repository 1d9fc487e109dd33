import Foundation
import Testing
@testable import HTTPServer

/// Limits and bad input over a real socket; after each, the server must still answer.
@Suite struct ServerLimitTests {
    static func smallLimits() -> ServerConfiguration {
        var c = ServerConfiguration(port: 0, threads: 2)
        c.maxBodyBytes = 64 * 1024
        c.maxUploadBytes = 256 * 1024
        return c
    }

    @Test func oversizedContentLengthIsRejectedWithoutReadingTheBody() throws {
        try withServer(Self.smallLimits(), echoResponder) { server, port in
            let client = try RawClient(port: port)
            client.send("POST /big HTTP/1.1\r\nHost: t\r\nContent-Type: application/octet-stream\r\nContent-Length: 10000000\r\n\r\n")
            client.send([UInt8](repeating: 1, count: 1000))
            let r = try client.readReply()
            #expect(r.status == 413)
            #expect(r.headers["Connection"] == "close")
            #expect(client.waitForClose())
            #expect(serverAnswers(port))
            #expect(eventually { server.liveContexts == 0 })
        }
    }

    @Test func oversizedMultipartByContentLength() throws {
        try withServer(Self.smallLimits(), echoResponder) { _, port in
            let r = try RawClient.request(port: port, "POST /u HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 300000\r\n\r\n")
            #expect(r.status == 413)
            #expect(serverAnswers(port))
        }
    }

    @Test func oversizedChunkedBodyIsCountedAsItArrives() throws {
        try withServer(Self.smallLimits(), echoResponder) { _, port in
            let client = try RawClient(port: port)
            client.send("POST /big HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
            let chunk = [UInt8](repeating: 65, count: 16 * 1024)
            for _ in 0..<10 { client.send(Array("4000\r\n".utf8) + chunk + Array("\r\n".utf8)) }
            client.send("0\r\n\r\n")
            let r = try client.readReply()
            #expect(r.status == 413)
            #expect(r.headers["Connection"] == "close")
            #expect(client.waitForClose())
            #expect(serverAnswers(port))
        }
    }

    @Test func chunkedBodyWithinLimitIsRead() throws {
        try withServer(Self.smallLimits(), echoResponder) { _, port in
            let r = try RawClient.request(port: port, "POST /c HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
            #expect(echoFields(r.text)["body"] == "abcde")
        }
    }

    @Test func oversizedHeadersGet431() throws {
        try withServer(echoResponder) { server, port in
            // Just over maxHeaderBytes (16 KiB): our own check answers.
            let a = try RawClient.request(port: port, "GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "a", count: 17_000))\r\n\r\n")
            #expect(a.status == 431)
            // Beyond MHD's connection memory: libmicrohttpd itself answers 431.
            let b = try RawClient.request(port: port, "GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "a", count: 40_000))\r\n\r\n")
            #expect(b.status == 431)
            // Just under the limit still works.
            let c = try RawClient.request(port: port, "GET / HTTP/1.1\r\nHost: t\r\nX-Big: \(String(repeating: "a", count: 15_000))\r\n\r\n")
            #expect(c.status == 200)
            #expect(serverAnswers(port))
            #expect(eventually { server.liveContexts == 0 })
        }
    }

    @Test func malformedMultipartIsReported() throws {
        try withServer(echoResponder) { _, port in
            let body = "--b\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno closing boundary"
            let r = try RawClient.request(port: port, "POST /m HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            #expect(r.status == 400)
            #expect(r.text == "malformed: multipart body ended before the closing boundary")
            #expect(serverAnswers(port))
        }
    }

    @Test func invalidUTF8InFormIsReported() throws {
        try withServer(echoResponder) { _, port in
            let r = try RawClient.request(port: port, "POST /f HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 9\r\n\r\nname=%C3(")
            #expect(r.status == 400)
            #expect(r.text.hasPrefix("malformed: "))
            let raw = try RawClient.request(port: port, "POST /f HTTP/1.1\r\nHost: t\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\n\r\n", body: [0x61, 0x3D, 0xFE])
            #expect(raw.status == 400)
            #expect(serverAnswers(port))
        }
    }

    @Test func stalledClientIsDisconnectedAfterTimeout() throws {
        var config = ServerConfiguration(port: 0, threads: 2)
        config.connectionTimeoutSeconds = 1
        try withServer(config, echoResponder) { server, port in
            let client = try RawClient(port: port, timeout: 30)
            client.send("GET / HTTP/1.1\r\nHost: t\r\n") // never finishes the headers
            // Closed by the server's 1 s connection timeout: waitForClose is false if the client's own 30 s limit ran out first.
            #expect(client.waitForClose())
            #expect(serverAnswers(port))
            #expect(eventually { server.liveContexts == 0 })
        }
    }

    @Test func perAddressConnectionLimit() throws {
        var config = ServerConfiguration(port: 0, threads: 2)
        config.perAddressConnectionLimit = 3
        try withServer(config, echoResponder) { _, port in
            var idle = try (0..<3).map { _ in try RawClient(port: port) }
            let extra = try RawClient(port: port)
            // MHD accepts, sees the address is over its limit and closes at once.
            #expect(extra.waitForClose())
            // The idle ones are still served.
            idle[0].send("GET /x HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(try idle[0].readReply().status == 200)
            idle.removeAll()
            #expect(eventually { serverAnswers(port) })
        }
    }
}

import Foundation
import Testing
@testable import HTTPServer

@Suite struct ServerLifecycleTests {
    @Test func gracefulShutdownFinishesRequestsInFlight() throws {
        let server = HTTPServer(configuration: ServerConfiguration(port: 0, threads: 2)) { _ in
            usleep(500_000)
            return .text("slow done")
        }
        try server.start()
        let port = server.port
        let client = try RawClient(port: port)
        client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
        #expect(eventually { server.activeRequests == 1 })
        let stopper = Thread { server.shutdown(gracePeriodSeconds: 5) }
        stopper.start()
        let r = try client.readReply()
        #expect(r.status == 200)
        #expect(r.text == "slow done")
        // New connections are refused once shutdown has begun.
        #expect(throws: RawClient.Failure.self) { try RawClient(port: port) }
        #expect(eventually { server.activeRequests == 0 })
        server.shutdown() // idempotent
    }

    @Test func startFailsClearlyWhenPortIsTaken() throws {
        try withServer(echoResponder) { _, port in
            let second = HTTPServer(configuration: ServerConfiguration(port: port)) { _ in .text("") }
            do {
                try second.start()
                Issue.record("second server started on a taken port")
            } catch let error as ServerError {
                #expect("\(error)".contains("Address already in use"))
            }
        }
    }

    @Test func badHostIsRejected() {
        let server = HTTPServer(configuration: ServerConfiguration(host: "not-an-ip", port: 0)) { _ in .text("") }
        #expect(throws: ServerError.self) { try server.start() }
    }
}

@Suite struct ServerCleanupTests {
    @Test func abortedUploadLeavesNoTemporaryFiles() throws {
        let directory = NSTemporaryDirectory() + "hs-upload-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var config = ServerConfiguration(port: 0, threads: 1)
        config.uploadDirectory = directory
        try withServer(config, echoResponder) { server, port in
            let head = "--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x.bin\"\r\n\r\n"
            do {
                let client = try RawClient(port: port)
                client.send("POST /u HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 100000\r\n\r\n\(head)")
                client.send([UInt8](repeating: 7, count: 20_000))
                #expect(eventually { (try? FileManager.default.contentsOfDirectory(atPath: directory).count) == 1 })
            } // the client disconnects mid-upload
            #expect(eventually { server.liveContexts == 0 && server.activeRequests == 0 })
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
            #expect(serverAnswers(port))
        }
    }

    @Test func signalsReturnTheTerminationSignal() throws {
        signal(SIGTERM, SIG_IGN) // never let a racing signal kill the test process
        let result = Box<Int32>(0)
        let waiter = Thread { result.set(Signals.waitForTermination()) }
        waiter.start()
        usleep(200_000)
        kill(getpid(), SIGTERM)
        #expect(eventually { result.get() == SIGTERM })
    }
}

import CMicroHTTPD
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// An HTTP/1.1 server on libmicrohttpd. The responder runs synchronously on the server's worker
/// threads with the whole body already read and parsed.
///
///     let server = HTTPServer(configuration: .init(port: 8080)) { request in .text("hello") }
///     try server.start()
///     _ = Signals.waitForTermination()
///     server.shutdown()
public final class HTTPServer: Sendable {
    private enum State {
        case idle
        case running(daemon: OpaquePointer, listenFD: Int32, port: UInt16, core: Unmanaged<ServerCore>)
        case stopped
    }

    public let configuration: ServerConfiguration
    private let core: ServerCore
    private let state = Mutex<State>(.idle)

    public init(configuration: ServerConfiguration, responder: @escaping Responder) {
        self.configuration = configuration
        self.core = ServerCore(responder: responder, configuration: configuration)
    }

    deinit {
        shutdown(gracePeriodSeconds: 0)
    }

    /// Binds the socket and starts the worker threads. Throws `ServerError` when the address is in use.
    public func start() throws {
        try state.withLock { state in
            guard case .idle = state else { throw ServerError.alreadyStarted }
            let host = configuration.host == "localhost" ? "127.0.0.1" : configuration.host
            var err: Int32 = 0
            let fd = hs_listen_ipv4(host, configuration.port, 1024, &err)
            guard fd >= 0 else {
                if err == EINVAL { throw ServerError.invalidHost(configuration.host) }
                throw ServerError.bindFailed(host: host, port: configuration.port, reason: String(cString: strerror(err)))
            }
            // No MHD_USE_TURBO: with it (0.9.75) a connection whose stream ended with an error was
            // not closed until some other event woke its thread, leaving the client hanging.
            let flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_EPOLL.rawValue | MHD_USE_ITC.rawValue
            let retained = Unmanaged.passRetained(core)
            // MHD's per-connection pool holds the request line and headers, then the response
            // headers; leave room beyond maxHeaderBytes so our exact check (431) runs first.
            let memory = max(32 * 1024, configuration.maxHeaderBytes + 16 * 1024)
            let daemon = hs_start_daemon(
                UInt32(flags), fd,
                MHDCallbacks.accessHandler, retained.toOpaque(),
                MHDCallbacks.requestCompleted, MHDCallbacks.uriLogger,
                UInt32(max(1, configuration.threads)), UInt32(max(1, configuration.connectionLimit)),
                UInt32(max(0, configuration.perAddressConnectionLimit)),
                UInt32(max(0, configuration.connectionTimeoutSeconds)), memory)
            guard let daemon else {
                close(fd)
                retained.release()
                throw ServerError.startFailed("MHD_start_daemon returned NULL")
            }
            state = .running(daemon: daemon, listenFD: fd, port: hs_bound_port(fd), core: retained)
        }
    }

    /// The bound port (the configured one before `start()`).
    public var port: UInt16 {
        state.withLock { state in
            if case .running(_, _, let port, _) = state { return port }
            return configuration.port
        }
    }

    /// Requests being handled or sent right now.
    public var activeRequests: Int { core.activeRequests.load(ordering: .relaxed) }

    /// Live per-request contexts (for leak checks in tests).
    var liveContexts: Int { core.liveContexts.load(ordering: .relaxed) }

    /// Stops accepting connections (new ones are refused), waits up to `gracePeriodSeconds` for
    /// requests in flight to finish, then closes everything. Safe to call more than once.
    public func shutdown(gracePeriodSeconds: Double = 10) {
        let taken: (OpaquePointer, Int32, Unmanaged<ServerCore>)? = state.withLock { state in
            guard case .running(let daemon, let fd, _, let core) = state else {
                if case .idle = state { state = .stopped }
                return nil
            }
            state = .stopped
            return (daemon, fd, core)
        }
        guard let (daemon, fd, retained) = taken else { return }
        // After quiescing MHD no longer accepts; closing our listening socket makes the kernel
        // refuse new connections instead of queueing them.
        _ = MHD_quiesce_daemon(daemon)
        close(fd)
        var waitedMicros = 0.0
        let limit = max(0, gracePeriodSeconds) * 1_000_000
        while core.activeRequests.load(ordering: .relaxed) > 0 && waitedMicros < limit {
            usleep(5_000)
            waitedMicros += 5_000
        }
        MHD_stop_daemon(daemon)
        retained.release()
    }
}

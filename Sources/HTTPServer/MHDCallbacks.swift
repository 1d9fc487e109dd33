import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#endif

/// The C callbacks libmicrohttpd calls from its worker threads. They live in a nonisolated enum:
/// closures written in actor-isolated code would trap when called from those threads.
enum MHDCallbacks {
    /// Called once the request line is parsed; its result becomes the request's `*con_cls`.
    /// It is the only place MHD exposes the raw target (with the query string, still encoded).
    static let uriLogger: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, OpaquePointer?) -> UnsafeMutableRawPointer? = { cls, uri, _ in
        guard let cls else { return nil }
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        core.liveContexts.add(1, ordering: .relaxed)
        let context = ConnectionContext(rawTarget: uri.map { String(cString: $0) } ?? "/")
        return Unmanaged.passRetained(context).toOpaque()
    }

    static let requestCompleted: MHD_RequestCompletedCallback = { cls, _, conCls, _ in
        guard let cls, let conCls, let raw = conCls.pointee else { return }
        conCls.pointee = nil
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        let context = Unmanaged<ConnectionContext>.fromOpaque(raw).takeRetainedValue()
        context.reader?.removeTemporaryFiles()
        if context.countedActive { core.activeRequests.subtract(1, ordering: .relaxed) }
        core.liveContexts.subtract(1, ordering: .relaxed)
    }

    static let accessHandler: MHD_AccessHandlerCallback = { cls, connection, _, method, _, uploadData, uploadSize, conCls in
        guard let cls, let connection, let conCls, let uploadSize else { return MHD_Result.NO }
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        guard let raw = conCls.pointee else { return MHD_Result.NO } // the URI logger always sets it
        let context = Unmanaged<ConnectionContext>.fromOpaque(raw).takeUnretainedValue()
        let config = core.configuration

        if !context.started {
            context.started = true
            context.countedActive = true
            core.activeRequests.add(1, ordering: .relaxed)
            let methodName = method.map { String(cString: $0) } ?? ""
            guard let m = HTTPMethod(rawValue: methodName) else {
                return queue(Response.text("Not Implemented", status: .notImplemented), on: connection, close: true)
            }
            context.method = m
            _ = MHD_get_connection_values(connection, MHD_ValueKind.HEADER_KIND, collectHeader, raw)
            if Request.headerSize(method: methodName, rawTarget: context.rawTarget, headers: context.headers) > config.maxHeaderBytes {
                return queue(Response.text("Request Header Fields Too Large", status: .requestHeaderFieldsTooLarge),
                             on: connection, close: true)
            }
            let contentLength = context.headers["Content-Length"].flatMap { Int($0) }
            let reader = BodyReader(contentType: context.headers["Content-Type"], contentLength: contentLength,
                                    configuration: config)
            context.reader = reader
            // Answer at once when the body is too large: MHD then skips reading it and closes the
            // connection. Any other response queued this early would also cost keep-alive, so a
            // request without a body is answered on MHD's next call instead.
            if reader.rejectedUpFront {
                return dispatch(core, context, connection)
            }
            return MHD_Result.YES
        }

        if uploadSize.pointee > 0 {
            let chunk = UnsafeRawBufferPointer(start: uploadData, count: uploadSize.pointee)
            uploadSize.pointee = 0
            // Returning NO drops the connection: only when a client keeps sending far past the limit.
            return context.reader?.feed(chunk) ?? false ? MHD_Result.YES : MHD_Result.NO
        }
        return dispatch(core, context, connection)
    }

    private static let collectHeader: MHD_KeyValueIterator = { cls, _, key, value in
        guard let cls, let key else { return MHD_Result.YES }
        let context = Unmanaged<ConnectionContext>.fromOpaque(cls).takeUnretainedValue()
        let name = String(cString: key)
        let v = value.map { String(cString: $0) } ?? ""
        context.headers.add(name, v)
        return MHD_Result.YES
    }

    /// Builds the request, runs the responder and queues its response.
    private static func dispatch(_ core: ServerCore, _ context: ConnectionContext, _ connection: OpaquePointer) -> MHD_Result {
        let body = context.reader?.finish() ?? BodyReader.Result()
        var address = [CChar](repeating: 0, count: 64)
        let length = hs_client_address(connection, &address, address.count)
        let remote = String(decoding: address.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let request = Request.assemble(method: context.method, rawTarget: context.rawTarget, headers: context.headers,
                                       remoteAddress: remote, body: body)
        let response: Response
        do {
            response = try core.responder(request)
        } catch {
            // The app's middleware is expected to turn errors into pages; reaching here is a bug.
            response = Response.text("Internal Server Error", status: .internalServerError)
        }
        let close: Bool
        if case .tooLarge? = body.error { close = true } else { close = false }
        return queue(response, on: connection, close: close)
    }

    private static func queue(_ response: Response, on connection: OpaquePointer, close: Bool) -> MHD_Result {
        let mhdResponse: OpaquePointer?
        switch response.body {
        case .bytes(let bytes):
            mhdResponse = bytes.withUnsafeBytes { buf in
                MHD_create_response_from_buffer(buf.count, UnsafeMutableRawPointer(mutating: buf.baseAddress),
                                                MHD_ResponseMemoryMode.RESPMEM_MUST_COPY)
            }
        case .stream(let stream):
            let state = Unmanaged.passRetained(StreamState(stream))
            mhdResponse = MHD_create_response_from_callback(UInt64.max, 32 * 1024, readStream, state.toOpaque(), freeStream)
            if mhdResponse == nil { state.release() }
        }
        guard let mhdResponse else { return MHD_Result.NO }
        defer { MHD_destroy_response(mhdResponse) }
        var sawConnection = false
        for (name, value) in response.headers {
            // MHD computes framing itself and rejects these.
            if ASCII.equalsIgnoringCase(name, "Content-Length") || ASCII.equalsIgnoringCase(name, "Transfer-Encoding") { continue }
            if ASCII.equalsIgnoringCase(name, "Connection") {
                if close { continue }
                sawConnection = true
            }
            _ = MHD_add_response_header(mhdResponse, name, value)
        }
        if close && !sawConnection { _ = MHD_add_response_header(mhdResponse, "Connection", "close") }
        return MHD_queue_response(connection, UInt32(clamping: response.status.code), mhdResponse)
    }

    private static let readStream: MHD_ContentReaderCallback = { cls, _, buf, max in
        guard let cls, let buf else { return -2 }
        let state = Unmanaged<StreamState>.fromOpaque(cls).takeUnretainedValue()
        while state.offset >= state.pending.count {
            do {
                guard let next = try state.stream.next() else { return -1 } // MHD_CONTENT_READER_END_OF_STREAM
                state.pending = next
                state.offset = 0
            } catch {
                return -2 // MHD_CONTENT_READER_END_WITH_ERROR: MHD closes the connection
            }
        }
        let n = min(max, state.pending.count - state.offset)
        state.pending.withUnsafeBytes { src in
            UnsafeMutableRawPointer(buf).copyMemory(from: src.baseAddress! + state.offset, byteCount: n)
        }
        state.offset += n
        return n
    }

    private static let freeStream: MHD_ContentReaderFreeCallback = { cls in
        guard let cls else { return }
        Unmanaged<StreamState>.fromOpaque(cls).release()
    }
}

import Database
import HTTPServer

/// Turns every failure into a clear answer: an HTML page in the panel's look (or JSON for API
/// clients) with the request id, never a stack trace or SQL. Body errors found by the transport
/// (too large, malformed) are answered here too, before any handler sees the request.
struct ErrorPageMiddleware: Middleware {
    let logger: Logger
    let assets: AssetStore

    func respond(to request: Request, next: Responder) throws -> Response {
        let catalog = request.context.catalog
        if let bodyError = request.bodyError {
            switch bodyError {
            case .tooLarge(let limit):
                var response = render(HTTPError(.payloadTooLarge, catalog(.errorPayloadTooLarge(Self.byteCount(limit)))), for: request)
                response.headers["Connection"] = "close"
                return response
            case .malformed(let reason):
                return render(HTTPError(.badRequest, catalog(.errorBadRequest) + " (" + reason + ")"), for: request)
            }
        }
        do {
            return try next(request)
        } catch let error as HTTPError {
            return render(error, for: request)
        } catch let error as DatabaseError {
            switch error {
            case .connectionFailed, .closed, .busy:
                logger.error("database unavailable", ["error": .string(error.description), "request_id": .string(request.context.requestID)])
                var unavailable = HTTPError(.serviceUnavailable, catalog(.errorUnavailable))
                unavailable.headers["Retry-After"] = "30"
                return render(unavailable, for: request)
            default:
                logger.error("database error", ["error": .string(error.description), "request_id": .string(request.context.requestID)])
                return render(HTTPError(.internalServerError, catalog(.errorServer)), for: request)
            }
        } catch let locked as PasswordConfirmationLocked {
            var error = HTTPError(.tooManyRequests, catalog(.errorPasswordConfirmationLocked(locked.minutes)))
            error.headers["Retry-After"] = String(locked.minutes * 60)
            return render(error, for: request)
        } catch PasswordHasherError.overloaded {
            // A flood of logins queued more hashes than the limiter admits: shed load, clearly.
            logger.warning("password hashing overloaded", ["request_id": .string(request.context.requestID)])
            var busy = HTTPError(.serviceUnavailable, catalog(.errorUnavailable))
            busy.headers["Retry-After"] = "5"
            return render(busy, for: request)
        } catch {
            logger.error("unhandled error", ["error": .string(String(describing: error)), "request_id": .string(request.context.requestID)])
            return render(HTTPError(.internalServerError, catalog(.errorServer)), for: request)
        }
    }

    func render(_ error: HTTPError, for request: Request) -> Response {
        let context = request.context
        let message = error.message.isEmpty || error.message == error.status.reason
            ? Self.defaultMessage(for: error.status.code, catalog: context.catalog)
            : error.message
        var response: Response
        if Self.wantsJSON(request) {
            response = .json(APIErrorBody(error: .init(status: error.status.code, message: message, requestID: context.requestID)), status: error.status)
        } else {
            let page = ErrorPage(status: error.status.code, message: message, requestID: context.requestID, catalog: context.catalog)
            response = .html(PublicLayout(title: context.catalog(.errorTitle(error.status.code)), catalog: context.catalog, assets: assets) { page }.render(), status: error.status)
        }
        for (name, value) in error.headers { response.headers.add(name, value) }
        return response
    }

    static func wantsJSON(_ request: Request) -> Bool {
        if request.path.hasPrefix("/api/") { return true }
        guard let accept = request.headers["Accept"] else { return false }
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    static func defaultMessage(for code: Int, catalog: Catalog) -> String {
        switch code {
        case 400: return catalog(.errorBadRequest)
        case 403: return catalog(.errorForbidden)
        case 404: return catalog(.errorNotFound)
        case 405: return catalog(.errorMethodNotAllowed)
        case 429: return catalog(.errorTooManyRequests)
        case 503: return catalog(.errorUnavailable)
        default: return catalog(.errorServer)
        }
    }

    static func byteCount(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}

struct APIErrorBody: Encodable {
    struct Detail: Encodable {
        let status: Int
        let message: String
        let requestID: String
        enum CodingKeys: String, CodingKey { case status, message, requestID = "request_id" }
    }
    let error: Detail
}

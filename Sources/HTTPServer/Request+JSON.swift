import Foundation

extension Request {
    /// Decodes a JSON body. Throws `HTTPError` 415 when the content type is not JSON, and 400 with a
    /// message naming the problem (malformed JSON, missing or mistyped field) otherwise.
    public func decodeJSON<T: Decodable>(_ type: T.Type) throws -> T {
        if let bodyError {
            switch bodyError {
            case .tooLarge(let limit): throw HTTPError(.payloadTooLarge, "The request body is larger than \(limit) bytes.")
            case .malformed(let reason): throw HTTPError(.badRequest, "The request body is malformed: \(reason).")
            }
        }
        guard let contentType = headers["Content-Type"], ContentType.isJSON(contentType) else {
            throw HTTPError(.unsupportedMediaType, "Send the request body as JSON with Content-Type: application/json.")
        }
        guard !body.isEmpty else { throw HTTPError(.badRequest, "The request body is empty; a JSON document was expected.") }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(T.self, from: Data(body))
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, Request.describe(error))
        } catch {
            throw HTTPError(.badRequest, "The request body is not valid JSON.")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let p = codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
            return p.isEmpty ? "the document" : "'\(p)'"
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            return "Missing field '\((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))'."
        case .typeMismatch(_, let ctx):
            return "Wrong type for \(path(ctx.codingPath))."
        case .valueNotFound(_, let ctx):
            return "Missing value for \(path(ctx.codingPath))."
        case .dataCorrupted(let ctx):
            return ctx.codingPath.isEmpty ? "The request body is not valid JSON." : "Invalid value for \(path(ctx.codingPath))."
        @unknown default:
            return "The request body is not valid JSON."
        }
    }
}

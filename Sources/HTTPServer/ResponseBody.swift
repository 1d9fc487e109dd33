/// A response body: bytes in memory, or a stream pulled chunk by chunk.
public enum ResponseBody: Sendable {
    case bytes([UInt8])
    case stream(BodyStream)
}

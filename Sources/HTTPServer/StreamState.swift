/// The pending bytes of a streamed response; owned by MHD through the response's free callback.
final class StreamState {
    let stream: BodyStream
    var pending: [UInt8] = []
    var offset = 0

    init(_ stream: BodyStream) {
        self.stream = stream
    }
}

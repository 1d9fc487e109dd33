import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Waiting for the process to be asked to stop.
public enum Signals {
    /// Blocks the calling thread until SIGTERM or SIGINT arrives and returns it. The default action
    /// (terminating the process) is disabled so the caller can shut down gracefully.
    public static func waitForTermination() -> Int32 {
        let received = SignalBox()
        let semaphore = DispatchSemaphore(value: 0)
        let queue = DispatchQueue(label: "HTTPServer.signals")
        let sources = [SIGTERM, SIGINT].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                received.value.store(number, ordering: .relaxed)
                semaphore.signal()
            }
            source.resume()
            return source
        }
        semaphore.wait()
        sources.forEach { $0.cancel() }
        return received.value.load(ordering: .relaxed)
    }
}

/// Carries the signal number out of the handler; `Atomic` is safe across threads.
private final class SignalBox: Sendable {
    let value = Atomic<Int32>(0)
}

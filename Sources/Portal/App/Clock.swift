import Foundation
import Synchronization

/// The current time, injectable so that tests can move it (token and session expiry, TOTP steps).
public struct Clock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let live = Clock { Date() }

    /// A clock that tests set and advance by hand.
    public static func manual(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) -> (Clock, ManualTime) {
        let time = ManualTime(start)
        return (Clock { time.current }, time)
    }
}

/// The hand-moved time behind `Clock.manual`.
public final class ManualTime: Sendable {
    private let value: Mutex<Date>
    init(_ start: Date) { value = Mutex(start) }
    public var current: Date { value.withLock { $0 } }
    public func advance(by seconds: TimeInterval) { value.withLock { $0 = $0.addingTimeInterval(seconds) } }
    public func set(_ date: Date) { value.withLock { $0 = date } }
}

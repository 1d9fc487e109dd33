import Database
import Foundation

extension IdentityService {
    /// Sign-ups, and separately password-reset requests, admitted from one network (IPv6: one /64)
    /// within `requestWindow`. Anyone can send these without signing in and each costs a password
    /// hash or a write; a person, or an office behind one address, needs a few.
    static let requestLimit = 10
    static let requestWindow: TimeInterval = 15 * 60

    /// A request refused by a per-address limit: answer 429 with `Retry-After: seconds`.
    struct Throttled: Sendable, Equatable {
        let seconds: Int
        var minutes: Int { max(1, (seconds + 59) / 60) }
    }

    /// Counts a request of `kind` against the client's network inside the caller's write transaction,
    /// or, once the limit is reached, records nothing and says how long until the oldest counted one
    /// leaves the window.
    func admit(_ kind: ThrottleKind, client: Client, now: Date, _ db: DatabaseConnection) throws -> Throttled? {
        let key = client.throttleAddress
        let window = try ThrottleStore.window(kind: kind, key: key, since: now.addingTimeInterval(-Self.requestWindow), db)
        if window.count >= Self.requestLimit {
            let reopens = (window.oldest ?? now).addingTimeInterval(Self.requestWindow)
            return Throttled(seconds: max(1, Int(reopens.timeIntervalSince(now).rounded())))
        }
        try ThrottleStore.record(kind: kind, key: key, now: now, db)
        return nil
    }
}

import Database
import Foundation

/// What /account/security lists and ends: the user's sessions and recent security activity.
extension IdentityService {
    static let recentActivityLimit = 20

    struct SecurityOverview: Sendable {
        let twoFactor: TwoFactorSummary
        let sessions: [SessionStore.Listing]
        let events: [SecurityEventStore.Event]
        /// The current account's time zone, for showing times.
        let timeZone: String
    }

    func securityOverview(identity: Identity) throws -> SecurityOverview {
        try database.read { db in
            let user = try UserStore.user(id: identity.userID, db)
            let accountID = identity.account?.id ?? user?.lastAccountId
            let timeZone = try accountID.map { try AccountStore.timeZone(accountID: $0, db) } ?? TimeZones.defaultIdentifier
            return SecurityOverview(
                twoFactor: TwoFactorSummary(enabled: user?.hasTwoFactor ?? false,
                                            recoveryCodesLeft: try RecoveryCodeStore.remaining(userID: identity.userID, db)),
                sessions: try SessionStore.list(userID: identity.userID, db),
                events: try SecurityEventStore.recent(userID: identity.userID, limit: Self.recentActivityLimit, db),
                timeZone: timeZone)
        }
    }

    enum EndSessionOutcome: Sendable, Equatable {
        case ended
        /// The visitor ended the session they are using: they are now logged out.
        case endedCurrent
        /// No session of this user has that id (someone else's ids look the same as unknown ones).
        case notFound
    }

    func endSession(identity: Identity, publicID: String, client: Client) throws -> EndSessionOutcome {
        guard publicID.utf8.count <= 64 else { return .notFound }
        let now = clock.now()
        return try database.write { db in
            let target = try SessionStore.list(userID: identity.userID, db).first { $0.publicId == publicID }
            guard let target, try SessionStore.delete(publicID: publicID, userID: identity.userID, db) == 1 else { return .notFound }
            try SecurityEventStore.record(userID: identity.userID, kind: .sessionEnded, ip: client.ip, device: client.device,
                                          detail: target.device + " " + target.ip, now: now, db)
            return target.id == identity.sessionID ? .endedCurrent : .ended
        }
    }

    /// Ends every session of the user but the current one; returns how many ended.
    func endOtherSessions(identity: Identity, client: Client) throws -> Int {
        let now = clock.now()
        return try database.write { db in
            let ended = try SessionStore.deleteAll(userID: identity.userID, keeping: identity.sessionID, db)
            if ended > 0 {
                try SecurityEventStore.record(userID: identity.userID, kind: .sessionEnded, ip: client.ip, device: client.device,
                                              detail: "others:\(ended)", now: now, db)
            }
            return ended
        }
    }
}

import Database
import Foundation

extension IdentityService {
    /// Form field names of the email change form.
    enum EmailChangeField {
        static let newEmail = "new_email"
        static let password = "current_password"
    }

    enum EmailChangeRequest: Sendable, Equatable {
        case requested(newEmail: String)
        case invalid(FieldErrors)
    }

    /// Starts a change of the sign-in address: the current password proves it is the user, a link
    /// goes to the new address (the change needs it) and a notice to the old one (so a hijacker is noticed).
    /// An address that already belongs to another login gets the same answer as a free one, so the
    /// form tells nothing about who is registered: no link is sent (its token is stored unused, so the
    /// page shows the same pending change), the old address gets its usual notice, and the address's
    /// owner is told that someone tried to take it (at most once an hour).
    func requestEmailChange(identity: Identity, password: String, newEmail rawEmail: String, client: Client) throws -> EmailChangeRequest {
        typealias F = EmailChangeField
        let newEmail = Self.normalizeEmail(rawEmail)
        var errors = FieldErrors()
        if let problem = Validation.email(newEmail) { errors[F.newEmail] = problem }
        guard let user = try database.read({ db in try UserStore.user(id: identity.userID, db) }) else {
            errors[F.password] = .profile(.wrongPassword)
            return .invalid(errors)
        }
        if password.isEmpty {
            errors[F.password] = .fieldRequired
        } else {
            if try !confirmPassword(user: user, password: password, client: client) { errors[F.password] = .profile(.wrongPassword) }
        }
        guard errors.isEmpty else { return .invalid(errors) }
        if newEmail == user.email {
            errors[F.newEmail] = .profile(.emailSameAsCurrent)
            return .invalid(errors)
        }
        let now = clock.now()
        return try database.write { db in
            let token = SecureRandom.token(bytes: 32)
            try TokenStore.create(tokenHash: TokenHash.sha256Hex(token), userID: user.id, purpose: .changeEmail, email: newEmail,
                                  now: now, lifetime: Self.emailChangeLifetime, db)
            if let owner = try UserStore.user(email: newEmail, db) {
                try mailer.enqueueLimited(.emailChangeToTakenAddress(name: owner.name, securityURL: url(.accountSecurity)),
                                          every: 3600, to: owner.email, userID: owner.id, accountID: owner.lastAccountId, db)
            } else {
                let link = url(.accountEmailChangeConfirm, query: [("token", token)])
                // In no account's history: whether it was sent must not tell a free address from a taken one.
                try mailer.enqueue(.emailChangeConfirm(name: user.name, newEmail: newEmail, link: link), to: newEmail,
                                   userID: user.id, accountID: nil, db)
            }
            try mailer.enqueue(.emailChangeNotice(name: user.name, newEmail: newEmail), to: user.email,
                               userID: user.id, accountID: user.lastAccountId, db)
            return .requested(newEmail: newEmail)
        }
    }

    /// What an email-change link holds, once checked against the signed-in user.
    enum EmailChangeLink: Sendable, Equatable {
        case valid(newEmail: String)
        case problem(TokenOutcome)
    }

    /// Checks an email-change link without using it. Another user's link is `.invalid`, exactly like
    /// an unknown one, so it tells nothing about that user.
    func inspectEmailChange(token: String, identity: Identity) throws -> EmailChangeLink {
        guard token.utf8.count <= 128, !token.isEmpty else { return .problem(.invalid) }
        let now = clock.now()
        return try database.read { db in
            guard let found = try TokenStore.find(tokenHash: TokenHash.sha256Hex(token), purpose: .changeEmail, db),
                  found.userId == identity.userID
            else { return .problem(.invalid) }
            if found.usedAt != nil { return .problem(.used) }
            if found.expiresAt <= now { return .problem(.expired) }
            return .valid(newEmail: found.email)
        }
    }

    enum EmailChangeOutcome: Sendable, Equatable {
        case changed
        case problem(TokenOutcome)
        /// Another login took the address after the link was sent.
        case taken
    }

    /// Follows an email-change link: single use, only by the user who asked. Pending password-reset
    /// links went to the old mailbox and stop working; sessions are left as they are.
    func confirmEmailChange(token: String, identity: Identity, client: Client) throws -> EmailChangeOutcome {
        guard token.utf8.count <= 128, !token.isEmpty else { return .problem(.invalid) }
        let hash = TokenHash.sha256Hex(token)
        let now = clock.now()
        do {
            return try database.write { db in
                guard let found = try TokenStore.find(tokenHash: hash, purpose: .changeEmail, db), found.userId == identity.userID
                else { return .problem(.invalid) }
                if found.usedAt != nil { return .problem(.used) }
                if found.expiresAt <= now { return .problem(.expired) }
                if let owner = try UserStore.user(email: found.email, db), owner.id != identity.userID { return .taken }
                guard try TokenStore.consume(id: found.id, now: now, db) else { return .problem(.used) }
                try UserStore.changeEmail(userID: identity.userID, to: found.email, now: now, db)
                try TokenStore.revokeAll(userID: identity.userID, purpose: .resetPassword, now: now, db)
                try SecurityEventStore.record(userID: identity.userID, kind: .emailChanged, ip: client.ip, device: client.device, now: now, db)
                try NotificationStore.add(userID: identity.userID, severity: .info, message: Catalog(.english)(.profile(.emailChangedNotification(found.email))),
                                          link: SiteRoute.accountSecurity.path, now: now, db)
                return .changed
            }
        } catch DatabaseError.constraintViolation(.unique, _) {
            // Two users confirmed the same address at once: the loser's transaction rolled back whole.
            return .taken
        }
    }
}

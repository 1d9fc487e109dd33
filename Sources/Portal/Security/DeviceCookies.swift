import Foundation
import HTTPServer

/// Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
/// completed a sign-in for a user gets a signed cookie naming that user. A login for that user that
/// carries the cookie ("trusted") is counted apart from everyone else:
///
/// - it passes the per-address block (a shared office or mobile network with an attacker on it),
///   the per-email delay and the user's lock, so no stranger can keep the user out of a browser
///   they have signed in from;
/// - its own failures are counted under the cookie (the key `recognises` returns) with the same
///   delay and lock thresholds (`delayThreshold`, `lockThreshold`, `lockDuration`): a stolen cookie
///   buys no more guesses than a clean network gets;
/// - those failures never count toward the user's lock and never send the "sign-in paused" email,
///   so they cannot be used to lock the user out of their other browsers either.
///
/// A cookie only ever helps with its own user; a login without one, or with one for someone else,
/// is treated exactly as before.
///
/// Value: `<issued>.<nonce>.<tag>`; issued is Unix seconds, tag = HMAC(device-cookie key,
/// "device|<user id>|<stamp>|<issued>|<nonce>"), base64url. The stamp is the user's stored password
/// hash, so changing or resetting the password (what a user does after a compromise) voids every
/// cookie issued before; a cookie older than `lifetime` is refused whatever the browser kept.
/// Nothing is stored, and rotating the secret key forgets them all.
struct DeviceCookies: Sendable {
    static let lifetime = 180 * 24 * 3600

    private let authenticator: MessageAuthenticator
    private let secure: Bool
    /// `__Host-` behind https, like the session cookie; only that name is read.
    let name: String

    init(keys: KeyRing, https: Bool) {
        authenticator = MessageAuthenticator(key: keys.key(for: .deviceCookies))
        secure = https
        name = https ? "__Host-hs_device" : "hs_device"
    }

    /// A fresh value for a browser that just completed the sign-in of `userID`, whose password hash is `stamp`.
    func value(userID: Int64, stamp: String, now: Date) -> String {
        let issued = String(Int64(now.timeIntervalSince1970))
        let nonce = SecureRandom.token(bytes: 16)
        return issued + "." + nonce + "." + Base64URL.encode(authenticator.tag(Self.message(userID, stamp, issued, nonce)))
    }

    /// The cookie carrying `value`. SameSite=Strict: it is only ever needed on the login form's own POST.
    func cookie(_ value: String) -> Cookie {
        Cookie(name: name, value: value, path: "/", maxAge: Self.lifetime, httpOnly: true, secure: secure, sameSite: .strict)
    }

    /// When `value` is a cookie this deployment issued for `userID` since its password was last set,
    /// less than `lifetime` ago: the key its login attempts are counted under; otherwise nil.
    ///
    /// The key is made of the signed parts only (user, issue time, nonce), never of the cookie as
    /// sent: however the tag were spelled, one issued cookie has one count.
    func recognises(_ value: String?, userID: Int64, stamp: String, now: Date) -> String? {
        guard let value, value.utf8.count <= 160 else { return nil }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        // The issue time as issued: 1 to 12 digits, so no sign, no overflow in the age below (a forged
        // "-9223372036854775808" would otherwise trap before the signature is even checked).
        guard parts.count == 3, (1...12).contains(parts[0].utf8.count), parts[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let issued = Int64(parts[0]), let tag = Base64URL.decode(parts[2]) else { return nil }
        let age = Int64(now.timeIntervalSince1970) - issued
        guard age >= -300, age < Int64(Self.lifetime),
              authenticator.verify(tag, Self.message(userID, stamp, parts[0], parts[1]))
        else { return nil }
        return "device:" + TokenHash.sha256Hex("\(userID)|\(parts[0])|\(parts[1])")
    }

    private static func message(_ userID: Int64, _ stamp: String, _ issued: String, _ nonce: String) -> String {
        "device|\(userID)|\(stamp)|\(issued)|\(nonce)"
    }
}

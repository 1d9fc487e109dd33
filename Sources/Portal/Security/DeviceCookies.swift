import Foundation
import HTTPServer

/// Device cookies (OWASP "Slow Down Online Guessing Attacks with Device Cookies"): a browser that
/// completed a sign-in for a user gets a signed cookie naming that user. When an address is refused
/// for too many failed logins (a shared office or mobile network with an attacker on it), a login
/// that carries the user's device cookie is still let through to the password check; the per-email
/// delay and lock apply to it as to any other.
///
/// Value: `<nonce>.<tag>`, both base64url, tag = HMAC(device-cookie key, "device|<user id>|<nonce>").
/// Nothing is stored: the key recognises its own cookies, and rotating the secret key forgets them all.
struct DeviceCookies: Sendable {
    static let lifetime = 180 * 24 * 3600
    private static let httpsName = "__Host-hs_device"
    private static let plainName = "hs_device"

    private let authenticator: MessageAuthenticator
    private let secure: Bool

    init(keys: KeyRing, https: Bool) {
        authenticator = MessageAuthenticator(key: keys.key(for: .deviceCookies))
        secure = https
    }

    /// A fresh cookie for a browser that just completed `userID`'s sign-in.
    func cookie(userID: Int64) -> Cookie {
        let nonce = SecureRandom.token(bytes: 16)
        let value = nonce + "." + Base64URL.encode(authenticator.tag(Self.message(userID: userID, nonce: nonce)))
        return Cookie(name: secure ? Self.httpsName : Self.plainName, value: value, path: "/", maxAge: Self.lifetime,
                      httpOnly: true, secure: secure, sameSite: .lax)
    }

    /// Whether `value` is a cookie this deployment issued for `userID`.
    func recognises(_ value: String?, userID: Int64) -> Bool {
        guard let value, value.utf8.count <= 128 else { return false }
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let tag = Base64URL.decode(String(parts[1])) else { return false }
        return authenticator.verify(tag, Self.message(userID: userID, nonce: String(parts[0])))
    }

    /// The device cookie a request carries. Both names are read: the value is verified anyway, and a
    /// deployment moving to https keeps recognising the browsers it knew.
    static func presented(in cookies: [String: String]) -> String? {
        cookies[httpsName] ?? cookies[plainName]
    }

    private static func message(userID: Int64, nonce: String) -> String {
        "device|\(userID)|\(nonce)"
    }
}

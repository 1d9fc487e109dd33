#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The network a client address is counted under by every per-address limit (failed logins,
/// sign-ups, password-reset requests).
///
/// An IPv6 subscriber is handed a whole /64 (often a /56 or /48) and may use any address in it,
/// so counting single IPv6 addresses would let one client rotate past any limit: IPv6 is counted
/// by its /64 prefix. IPv4 is counted per address, as are IPv4-mapped IPv6 addresses
/// (`::ffff:192.0.2.1`, how a dual-stack socket reports an IPv4 peer). Anything that does not
/// parse is used as given, so it still counts, only on its own.
enum ThrottleAddress {
    static func key(_ address: String) -> String {
        guard address.contains(":") else { return address }
        var parsed = in6_addr()
        guard inet_pton(AF_INET6, address, &parsed) == 1 else { return address }
        let bytes = withUnsafeBytes(of: &parsed) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return bytes[12...].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
        return groups.joined(separator: ":") + "::/64"
    }
}

import Testing
@testable import Portal

@Suite("Throttling addresses: IPv6 by /64, IPv4 as is")
struct ThrottleAddressTests {
    @Test("addresses in one IPv6 /64 share a key, however they are written")
    func sameNetwork() {
        // MUT
        let keys = ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::9", "2001:0DB8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::"].map(ThrottleAddress.key)
        // validate
        #expect(Set(keys) == ["2001:db8:1:2::/64"])
    }

    @Test("neighbouring IPv6 /64 networks get different keys")
    func otherNetwork() {
        #expect(ThrottleAddress.key("2001:db8:1:3::1") != ThrottleAddress.key("2001:db8:1:2::1"))
        #expect(ThrottleAddress.key("::1") == "0:0:0:0::/64")
    }

    @Test("IPv4, and IPv4 mapped into IPv6, count as the IPv4 address", arguments: [
        ("192.0.2.1", "192.0.2.1"),
        ("::ffff:192.0.2.1", "192.0.2.1"),
        ("::FFFF:c000:0201", "192.0.2.1"),
        ("203.0.113.250", "203.0.113.250"),
    ])
    func ipv4(address: String, key: String) {
        #expect(ThrottleAddress.key(address) == key)
    }

    @Test("what does not parse is used as given", arguments: ["", "not an address", "2001:db8::1::2", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "unix:/tmp/socket"])
    func malformed(address: String) {
        #expect(ThrottleAddress.key(address) == address)
    }
}

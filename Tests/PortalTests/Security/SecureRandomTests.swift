import Testing
@testable import Portal

@Suite("SecureRandom, TokenHash, ConstantTime")
struct SecureRandomTests {
    @Test("libsodium initialises and re-initialising is harmless")
    func sodiumInitialises() {
        #expect(Sodium.initialize())
        #expect(Sodium.initialize())
    }

    @Test("bytes(count) returns exactly count bytes and differs between calls")
    func bytesHaveRequestedLengthAndVary() {
        #expect(SecureRandom.bytes(0).isEmpty)
        let a = SecureRandom.bytes(32)
        let b = SecureRandom.bytes(32)
        #expect(a.count == 32)
        #expect(a != b)
    }

    @Test("token() is 256 bits as 43 URL-safe base64 characters without padding")
    func tokenIsURLSafe256Bit() {
        let token = SecureRandom.token()
        #expect(token.count == 43)
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        #expect(token.allSatisfy { allowed.contains($0) })
        #expect(Base64URL.decode(token)?.count == 32)
        #expect(Set((0..<200).map { _ in SecureRandom.token() }).count == 200)
    }

    @Test("base64url round-trips every length and rejects standard-alphabet characters")
    func base64URLRoundTrips() {
        for length in 0..<40 {
            let bytes = SecureRandom.bytes(length)
            #expect(Base64URL.decode(Base64URL.encode(bytes)) == bytes)
        }
        #expect(Base64URL.encode([0xfb, 0xff]) == "-_8")
        #expect(Base64URL.decode("ab+/") == nil)
    }

    @Test("base64url decodes only the spelling encode writes: no padding, no set unused bits, nothing else")
    func base64URLIsStrict() {
        // [0xff] is "_w": the last character carries 2 bits of the byte and 4 unused ones.
        #expect(Base64URL.decode("_w") == [0xff])
        #expect(Base64URL.decode("_x") == nil, "unused low bits set")
        #expect(Base64URL.decode("_-") == nil, "unused low bits set")
        #expect(Base64URL.decode("_w=") == nil)
        #expect(Base64URL.decode("_w==") == nil)
        #expect(Base64URL.decode("AAAA=") == nil, "padding after a whole group")
        #expect(Base64URL.decode("AA=A") == nil)
        #expect(Base64URL.decode("-_8") == [0xfb, 0xff])
        #expect(Base64URL.decode("-_9") == nil)
        #expect(Base64URL.decode("A") == nil, "one character carries no whole byte")
        #expect(Base64URL.decode(" _w") == nil)
        #expect(Base64URL.decode("_w\n") == nil)
        #expect(Base64URL.decode("") == [])
        let token = SecureRandom.token()
        #expect(Base64URL.decode(token) != nil)
        #expect(Base64URL.decode(token + "=") == nil)
    }

    @Test("sha256Hex matches the FIPS 180-2 test vectors")
    func sha256HexKnownVectors() {
        #expect(TokenHash.sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TokenHash.sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("constant-time equals distinguishes content and length")
    func constantTimeEquals() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([], []))
        #expect(ConstantTime.equals("token", "token"))
        #expect(!ConstantTime.equals("token", "tokeN"))
    }
}

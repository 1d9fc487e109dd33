import Foundation
import Testing
@testable import Portal

@Suite("TOTP (RFC 6238)")
struct TOTPTests {
    let rfcSecret = Array("12345678901234567890".utf8)

    @Test("matches the RFC 6238 appendix B SHA-1 vectors (8 digits)", arguments: [
        (Int64(59), "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
        (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
    ])
    func rfc6238Vectors(time: Int64, expected: String) {
        let date = Date(timeIntervalSince1970: TimeInterval(time))
        let step = TOTP.step(at: date)
        #expect(TOTP.code(secret: rfcSecret, step: step, digits: 8) == expected)
        #expect(TOTP.verify(code: expected, secret: rfcSecret, at: date, lastUsedStep: nil, digits: 8) == step)
    }

    @Test("6-digit codes match RFC 4226 HOTP vectors and keep leading zeros")
    func sixDigitCodes() {
        #expect(TOTP.code(secret: rfcSecret, step: 0) == "755224")
        #expect(TOTP.code(secret: rfcSecret, step: 1) == "287082")
        #expect(TOTP.code(secret: rfcSecret, step: 2) == "359152")
        #expect(TOTP.code(secret: rfcSecret, step: 1_111_111_109 / 30, digits: 8).hasPrefix("0"))
    }

    @Test("a code is accepted once; replaying it or an older step is refused")
    func replayRefused() {
        let secret = TOTP.generateSecret()
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let step = TOTP.step(at: now)
        let code = TOTP.code(secret: secret, step: step)
        let used = TOTP.verify(code: code, secret: secret, at: now, lastUsedStep: nil)
        #expect(used == step)
        #expect(TOTP.verify(code: code, secret: secret, at: now, lastUsedStep: used) == nil)
        let previous = TOTP.code(secret: secret, step: step - 1)
        #expect(TOTP.verify(code: previous, secret: secret, at: now, lastUsedStep: step) == nil)
        let next = TOTP.code(secret: secret, step: step + 1)
        #expect(TOTP.verify(code: next, secret: secret, at: now, lastUsedStep: step) == step + 1)
    }

    @Test("codes one step either side are accepted, two steps away are refused")
    func windowEdges() {
        let secret = TOTP.generateSecret()
        let now = Date(timeIntervalSince1970: 1_700_000_010)
        let step = TOTP.step(at: now)
        for offset: Int64 in [-1, 0, 1] {
            let code = TOTP.code(secret: secret, step: step + offset)
            #expect(TOTP.verify(code: code, secret: secret, at: now, lastUsedStep: nil) == step + offset)
        }
        for offset: Int64 in [-2, 2] {
            let code = TOTP.code(secret: secret, step: step + offset)
            #expect(TOTP.verify(code: code, secret: secret, at: now, lastUsedStep: nil) == nil)
        }
        // Last second of a step and first second of the next belong to different steps.
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 59)) == 1)
        #expect(TOTP.step(at: Date(timeIntervalSince1970: 60)) == 2)
    }

    @Test("malformed input is refused: wrong length, non-digits, non-ASCII digits, empty secret")
    func badInput() {
        let secret = TOTP.generateSecret()
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let code = TOTP.code(secret: secret, step: TOTP.step(at: now))
        for bad in ["", "12345", "1234567", "12a456", "12-456", "\u{FF11}\u{FF12}\u{FF13}\u{FF14}\u{FF15}\u{FF16}",
                    String(code.dropLast()) + "x", code + "0"] {
            #expect(TOTP.verify(code: bad, secret: secret, at: now, lastUsedStep: nil) == nil)
        }
        #expect(TOTP.verify(code: code, secret: [], at: now, lastUsedStep: nil) == nil)
        let spaced = String(code.prefix(3)) + " " + String(code.suffix(3))
        #expect(TOTP.verify(code: spaced, secret: secret, at: now, lastUsedStep: nil) != nil)
    }

    @Test("generated secrets are 20 random bytes")
    func generatedSecrets() {
        #expect(TOTP.generateSecret().count == 20)
        #expect(TOTP.generateSecret() != TOTP.generateSecret())
    }

    @Test("otpauth URI percent-encodes issuer and account and carries the base32 secret")
    func otpauthURI() {
        let uri = TOTP.otpauthURI(secret: rfcSecret, issuer: "Hosterra Account", account: "jane+test@example.com")
        #expect(uri == "otpauth://totp/Hosterra%20Account:jane%2Btest%40example.com"
            + "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Hosterra%20Account&algorithm=SHA1&digits=6&period=30")
        #expect(TOTP.otpauthURI(secret: [1], issuer: "Müller&Co", account: "a:b").contains("M%C3%BCller%26Co:a%3Ab"))
    }
}

@Suite("Base32 (RFC 4648)")
struct Base32Tests {
    @Test("encodes and decodes the RFC 4648 vectors without padding", arguments: [
        ("", ""), ("f", "MY"), ("fo", "MZXQ"), ("foo", "MZXW6"), ("foob", "MZXW6YQ"),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI"),
    ])
    func rfcVectors(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8)) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
    }

    @Test("decoding ignores case, spaces and padding")
    func lenientDecoding() {
        #expect(Base32.decode("mzxw 6ytb oi") == Array("foobar".utf8))
        #expect(Base32.decode("MZXW6===") == Array("foo".utf8))
    }

    @Test("decoding refuses invalid characters and impossible lengths")
    func strictDecoding() {
        #expect(Base32.decode("MZXW1") == nil)  // 1 is not in the alphabet
        #expect(Base32.decode("MZXW8") == nil)
        #expect(Base32.decode("M") == nil)
        #expect(Base32.decode("MZX") == nil)
        #expect(Base32.decode("MY=A") == nil)
    }

    @Test("random byte strings round-trip")
    func roundTrip() {
        for length in 0..<30 {
            let bytes = SecureRandom.bytes(length)
            #expect(Base32.decode(Base32.encode(bytes)) == bytes)
        }
    }
}

import Testing
@testable import Portal

@Suite("PasswordPolicy")
struct PasswordPolicyTests {
    @Test("a long uncommon passphrase without the e-mail is accepted")
    func goodPassphrase() {
        #expect(PasswordPolicy.validate(password: "tangerine velvet orbit lantern", email: "jane@example.com").isEmpty)
        #expect(PasswordPolicy.validate(password: "Zq8#mW2!pLx9", email: nil).isEmpty)
    }

    @Test("fewer than 12 characters is too short; length counts grapheme clusters after NFKC")
    func tooShort() {
        #expect(PasswordPolicy.validate(password: "Zq8#mW2!pLx", email: nil) == [.tooShort(minimum: 12)])
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"  // one grapheme, five scalars
        #expect(PasswordPolicy.validate(password: String(repeating: family, count: 6) + "x", email: nil)
            .contains(.tooShort(minimum: 12)))
        #expect(PasswordPolicy.validate(password: "", email: nil).contains(.tooShort(minimum: 12)))
    }

    @Test("up to 256 characters is allowed, more is refused")
    func tooLong() {
        let ok = String(repeating: "abcdefgh", count: 32)  // 256
        #expect(PasswordPolicy.validate(password: ok, email: nil).isEmpty)
        #expect(PasswordPolicy.validate(password: ok + "z", email: nil) == [.tooLong(maximum: 256)])
    }

    @Test("well-known passwords are refused case-insensitively", arguments: [
        "password1234", "123456789012", "qwertyuiopas", "iloveyou1234", "QWERTYUIOPAS", "Password1234",
        "1q2w3e4r5t6y", "correct horse battery staple",
    ])
    func commonPasswords(password: String) {
        #expect(PasswordPolicy.validate(password: password, email: nil).contains(.common))
    }

    @Test("obvious variations of common words are refused", arguments: [
        "P@ssw0rd2024!!", "Welcome123456", "!!dragon12345!!", "ｐａｓｓｗｏｒｄ１２３４", "hosterra2025!!", "L3tm3in123456",
    ])
    func commonVariations(password: String) {
        #expect(PasswordPolicy.validate(password: password, email: nil).contains(.common))
    }

    @Test("the list holds at least a thousand entries of 12+ characters, all lowercase")
    func listShape() {
        #expect(CommonPasswords.list.count >= 1000)
        #expect(CommonPasswords.list.allSatisfy { $0.count >= 12 && $0 == $0.lowercased() })
    }

    @Test("a password containing the e-mail local part (3+ chars) is refused")
    func containsEmail() {
        #expect(PasswordPolicy.validate(password: "Jane.Doe-rocks-2024", email: "jane.doe@example.com")
            .contains(.containsEmail))
        #expect(PasswordPolicy.validate(password: "bobsecretorbit", email: "bob+billing@example.com")
            .contains(.containsEmail))
        #expect(PasswordPolicy.validate(password: "alpine meadow al", email: "al@example.com").isEmpty)
    }

    @Test("a single repeated character is refused")
    func repeatedCharacter() {
        #expect(PasswordPolicy.validate(password: "zzzzzzzzzzzzzz", email: nil) == [.repeatedCharacter])
        #expect(PasswordPolicy.validate(password: "zzzzzzzzzzzzzy", email: nil).isEmpty)
    }
}

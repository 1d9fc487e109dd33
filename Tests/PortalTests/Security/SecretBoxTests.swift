import Foundation
import Testing
@testable import Portal

@Suite("SecretBox")
struct SecretBoxTests {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "secretbox-" + SecureRandom.token(bytes: 8)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test("seal then open returns the plaintext, with a fresh nonce each time")
    func roundTrip() throws {
        let box = try SecretBox(key: SecretBox.generateKey())
        let secret = Array("JBSWY3DPEHPK3PXP".utf8)
        let a = box.seal(secret)
        let b = box.seal(secret)
        #expect(a.count == secret.count + SecretBox.nonceLength + SecretBox.macLength)
        #expect(a != b)
        #expect(try box.open(a) == secret)
        #expect(try box.open(box.seal([])) == [])
    }

    @Test("any modified byte is detected")
    func tamperingDetected() throws {
        let box = try SecretBox(key: SecretBox.generateKey())
        let sealed = box.seal(Array("top secret".utf8))
        for index in [0, SecretBox.nonceLength, sealed.count - 1] {
            var modified = sealed
            modified[index] ^= 0x01
            #expect(throws: SecretBoxError.authenticationFailed) { try box.open(modified) }
        }
        #expect(throws: SecretBoxError.truncated) { try box.open(Array(sealed.prefix(10))) }
    }

    @Test("a different key cannot open the box; keys must be 32 bytes")
    func wrongKeyFails() throws {
        let sealed = try SecretBox(key: SecretBox.generateKey()).seal([1, 2, 3])
        let other = try SecretBox(key: SecretBox.generateKey())
        #expect(throws: SecretBoxError.authenticationFailed) { try other.open(sealed) }
        #expect(throws: SecretBoxError.invalidKeyLength(16)) { try SecretBox(key: [UInt8](repeating: 0, count: 16)) }
    }

    @Test("the key file is created with mode 0600 and the same key is read back")
    func keyFileCreatedAndReused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/secretbox.key"
        let created = try SecretBox.loadOrCreateKey(at: path)
        #expect(created.count == 32)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        #expect(try SecretBox.loadOrCreateKey(at: path) == created)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)).map { [UInt8]($0) } == created)
    }

    @Test("an existing key file with loose permissions or bad content is refused")
    func badKeyFilesRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let loose = dir + "/loose.key"
        _ = try SecretBox.loadOrCreateKey(at: loose)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: loose)
        #expect(throws: SecretBoxError.insecureKeyFilePermissions(path: loose, mode: 0o644)) {
            try SecretBox.loadOrCreateKey(at: loose)
        }
        #expect(try SecretBox.loadOrCreateKey(at: loose, requirePrivatePermissions: false).count == 32)
        let garbage = dir + "/garbage.key"
        _ = FileManager.default.createFile(atPath: garbage, contents: Data("c2hvcnQ=\n".utf8), attributes: [.posixPermissions: 0o600])
        #expect(throws: SecretBoxError.invalidKeyFile(path: garbage)) { try SecretBox.loadOrCreateKey(at: garbage) }
        #expect(throws: SecretBoxError.self) { try SecretBox.loadOrCreateKey(at: dir + "/missing/dir/key") }
    }
}

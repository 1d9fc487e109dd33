import Foundation

/// Writes each message as an `.eml` file (mode 0600) into a directory (created with
/// mode 0700 if missing). Used when no SMTP server is configured.
public struct FileMailTransport: MailTransport {
    /// Target directory.
    public let directory: String

    /// Creates a transport writing into `directory`.
    public init(directory: String) {
        self.directory = directory
    }

    /// Writes the message; see `write(_:)`.
    public func send(_ message: EmailMessage) throws {
        _ = try write(message)
    }

    /// Writes the rendered message atomically (temporary file, then rename) and
    /// returns the path of the new `.eml` file.
    /// - Throws: `MailError.storageFailed`.
    @discardableResult
    public func write(_ message: EmailMessage) throws -> String {
        guard !message.to.isEmpty else { throw MailError.noRecipients }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw MailError.storageFailed(path: directory, message: "\(error)")
        }
        let stamp = Int64(message.date.timeIntervalSince1970)
        let name = "\(stamp)-\(SecureRandom.token(bytes: 9)).eml"
        let path = (directory as NSString).appendingPathComponent(name)
        let temporary = (directory as NSString).appendingPathComponent(".\(name).tmp")
        let bytes = MIMEWriter.render(message)
        switch PrivateFile.createExclusive(at: temporary, bytes: bytes) {
        case .created: break
        case .alreadyExists: throw MailError.storageFailed(path: temporary, message: "file exists")
        case .failed(let code): throw MailError.storageFailed(path: temporary, message: PrivateFile.describe(code))
        }
        let code = PrivateFile.rename(temporary, path)
        guard code == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw MailError.storageFailed(path: path, message: PrivateFile.describe(code))
        }
        return path
    }
}

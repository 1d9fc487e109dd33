import Foundation

/// Settings of an `HTTPServer`. The defaults suit a server behind a reverse proxy on one machine.
public struct ServerConfiguration: Sendable {
    /// IPv4 address to bind ("127.0.0.1", "0.0.0.0"); "localhost" means 127.0.0.1.
    public var host: String
    /// Port to bind; 0 picks a free port (read it back from `HTTPServer.port`).
    public var port: UInt16
    /// Worker threads; handlers run on them, so a slow handler holds one thread.
    public var threads: Int
    /// Maximum simultaneous connections.
    public var connectionLimit: Int
    /// Maximum simultaneous connections from one IP address; extra connections are closed at once.
    public var perAddressConnectionLimit: Int
    /// Idle time (also mid-request) after which a connection is closed.
    public var connectionTimeoutSeconds: Int
    /// Limit for the request line plus headers; larger requests get 431.
    public var maxHeaderBytes: Int
    /// Limit for non-multipart bodies.
    public var maxBodyBytes: Int
    /// Limit for multipart/form-data bodies (all parts together).
    public var maxUploadBytes: Int
    /// Where multipart file parts are written while a request is handled.
    public var uploadDirectory: String

    public init(host: String = "127.0.0.1", port: UInt16 = 8080,
                threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                connectionLimit: Int = 1024, perAddressConnectionLimit: Int = 64,
                connectionTimeoutSeconds: Int = 30, maxHeaderBytes: Int = 16 * 1024,
                maxBodyBytes: Int = 1 << 20, maxUploadBytes: Int = 32 << 20,
                uploadDirectory: String = NSTemporaryDirectory()) {
        self.host = host
        self.port = port
        self.threads = threads
        self.connectionLimit = connectionLimit
        self.perAddressConnectionLimit = perAddressConnectionLimit
        self.connectionTimeoutSeconds = connectionTimeoutSeconds
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
        self.maxUploadBytes = maxUploadBytes
        self.uploadDirectory = uploadDirectory
    }
}

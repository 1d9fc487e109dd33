import CSodium
import HTTPServer

/// The panel's own static files, embedded in the binary and served under fingerprinted names
/// (`app.<hash>.css`) with a one-year immutable cache lifetime: a new release changes the name.
public struct AssetStore: Sendable {
    public struct Asset: Sendable {
        public let logicalName: String
        public let fingerprintedName: String
        public let contentType: String
        public let bytes: [UInt8]
    }

    private let byFingerprintedName: [String: Asset]
    private let byLogicalName: [String: Asset]

    public init(files: [(name: String, contentType: String, contents: String)] = AssetStore.bundled) {
        var fingerprinted: [String: Asset] = [:]
        var logical: [String: Asset] = [:]
        for file in files {
            let bytes = Array(file.contents.utf8)
            let asset = Asset(logicalName: file.name, fingerprintedName: Self.fingerprint(file.name, bytes), contentType: file.contentType, bytes: bytes)
            fingerprinted[asset.fingerprintedName] = asset
            logical[file.name] = asset
        }
        byFingerprintedName = fingerprinted
        byLogicalName = logical
    }

    public static let bundled: [(name: String, contentType: String, contents: String)] = [
        ("app.css", "text/css; charset=utf-8", StyleSheet.css),
        ("app.js", "text/javascript; charset=utf-8", Script.js),
        ("icon.svg", "image/svg+xml", Icons.favicon),
    ]

    /// The URL path of a logical asset (`app.css` -> `/assets/app.1a2b3c4d.css`).
    public func url(_ logicalName: String) -> String {
        SiteRoute.asset(byLogicalName[logicalName]?.fingerprintedName ?? logicalName).path
    }

    public func asset(named fingerprintedName: String) -> Asset? { byFingerprintedName[fingerprintedName] }
    public func asset(logical name: String) -> Asset? { byLogicalName[name] }

    func response(for asset: Asset, immutable: Bool) -> Response {
        var response = Response.bytes(asset.bytes, contentType: asset.contentType)
        response.headers["Cache-Control"] = immutable ? "public, max-age=31536000, immutable" : "public, max-age=3600"
        return response
    }

    static func fingerprint(_ name: String, _ bytes: [UInt8]) -> String {
        var hash = [UInt8](repeating: 0, count: 8)
        _ = crypto_generichash(&hash, hash.count, bytes, UInt64(bytes.count), nil, 0)
        let hex = hash.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
        }.joined()
        guard let dot = name.lastIndex(of: ".") else { return name + "." + hex }
        return String(name[..<dot]) + "." + hex + String(name[dot...])
    }
}

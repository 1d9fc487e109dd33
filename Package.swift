// swift-tools-version:6.0
import PackageDescription

// Dependencies point one way: hosterra -> Portal -> {HTML, HTTPServer, Database}.
// The three libraries know nothing about hosting and never import each other.
let package = Package(
    name: "hosterra",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hosterra", targets: ["hosterra"]),
        .executable(name: "html-bench", targets: ["HTMLBench"]),
    ],
    targets: [
        // Debian C libraries, one system-library target each.
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CSodium", pkgConfig: "libsodium", providers: [.apt(["libsodium-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "openssl", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CQREncode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),

        .target(name: "HTML"),
        .target(name: "HTTPServer", dependencies: ["CMicroHTTPD"]),
        .target(name: "Database", dependencies: ["CSQLite", "CLibPQ"]),
        .target(
            name: "Portal",
            dependencies: ["HTML", "HTTPServer", "Database", "CSodium", "COpenSSL", "CQREncode", "CCurl"]
        ),
        .executableTarget(name: "hosterra", dependencies: ["Portal"]),
        // `make bench` runs it: render time of a ~20 KB page, kept out of the tests.
        .executableTarget(name: "HTMLBench", dependencies: ["HTML"]),

        .testTarget(name: "HTMLTests", dependencies: ["HTML", "HTMLBench"]),
        .testTarget(name: "HTTPServerTests", dependencies: ["HTTPServer"]),
        .testTarget(name: "DatabaseTests", dependencies: ["Database"]),
        .testTarget(name: "PortalTests", dependencies: ["Portal", "HTML", "HTTPServer", "Database"]),
    ],
    swiftLanguageModes: [.v6]
)

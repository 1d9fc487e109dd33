import CCurl

/// One-time libcurl global initialisation.
enum CurlRuntime {
    /// Result of the single `curl_global_init(CURL_GLOBAL_DEFAULT)` call (CURL_GLOBAL_DEFAULT
    /// = SSL|WIN32 = 3; the macro does not import). A `static let` runs exactly once, thread-safely.
    private static let initResult: UInt32 = curl_global_init(3).rawValue

    /// Initialises libcurl if needed.
    /// - Throws: `MailError.transport` when libcurl cannot initialise.
    static func ensureInitialized() throws {
        guard initResult == CURLE_OK.rawValue else {
            throw MailError.transport(curlCode: Int(initResult), message: "curl_global_init failed")
        }
    }
}

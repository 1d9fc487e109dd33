/// A short human name for a browser and system, from its User-Agent ("Firefox on Linux").
enum DeviceName {
    static func describe(userAgent: String) -> String {
        let ua = userAgent
        let browser: String
        if ua.contains("Edg/") { browser = "Edge" }
        else if ua.contains("OPR/") || ua.contains("Opera") { browser = "Opera" }
        else if ua.contains("Firefox/") { browser = "Firefox" }
        else if ua.contains("HeadlessChrome") { browser = "Headless Chrome" }
        else if ua.contains("Chromium/") { browser = "Chromium" }
        else if ua.contains("Chrome/") { browser = "Chrome" }
        else if ua.contains("Safari/") { browser = "Safari" }
        else if ua.hasPrefix("curl/") { browser = "curl" }
        else if ua.isEmpty { browser = "Unknown browser" }
        else { browser = String(ua.prefix(while: { $0 != "/" && $0 != " " }).prefix(40)) }
        let system: String
        if ua.contains("Android") { system = "Android" }
        else if ua.contains("iPhone") || ua.contains("iPad") { system = "iOS" }
        else if ua.contains("Windows") { system = "Windows" }
        else if ua.contains("Mac OS X") || ua.contains("Macintosh") { system = "macOS" }
        else if ua.contains("CrOS") { system = "ChromeOS" }
        else if ua.contains("Linux") { system = "Linux" }
        else { system = "" }
        return system.isEmpty ? browser : "\(browser) on \(system)"
    }
}

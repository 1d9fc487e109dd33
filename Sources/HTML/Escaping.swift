/// Context-specific escaping. Every function scans the UTF-8 bytes once and
/// copies unchanged runs in bulk, so text without special characters costs
/// about one `memcpy`.
///
/// U+0000 is replaced with U+FFFD in every escaped context because the HTML
/// parser treats NUL as a parse error and handles it inconsistently.
extension HTMLWriter {
    /// Escapes `&`, `<` and `>` for text content. Quotes are kept as-is:
    /// they are harmless between tags and keeping them makes prose readable.
    public mutating func appendEscapedText(_ text: String) {
        withUTF8(text) { $0.appendEscaped($1, quotes: false) }
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for a quoted attribute value.
    public mutating func appendEscapedAttributeValue(_ value: String) {
        withUTF8(value) { $0.appendEscaped($1, quotes: true) }
    }

    /// Writes the body of a `<script>` element. Entities are not decoded
    /// inside scripts, so the text is not entity-escaped; instead every
    /// `</script` (any case) becomes `<\/script` and every `<!--` becomes
    /// `<\!--`, which keeps JS/JSON semantics but cannot end the element or
    /// enter the "script data escaped" parser states.
    public mutating func appendScriptContent(_ script: String) {
        withUTF8(script) { $0.appendRawText($1, closingTag: "script", escapeCommentOpen: true) }
    }

    /// Writes the body of a `<style>` element: every `</style` (any case)
    /// becomes `<\/style`, which CSS treats identically.
    public mutating func appendStyleContent(_ css: String) {
        withUTF8(css) { $0.appendRawText($1, closingTag: "style", escapeCommentOpen: false) }
    }

    /// Native Swift strings are contiguous UTF-8, so this normally borrows
    /// the storage without copying or retaining; the fallback covers others.
    mutating func withUTF8(_ string: String, _ body: (inout HTMLWriter, UnsafeBufferPointer<UInt8>) -> Void) {
        let handled: Void? = string.utf8.withContiguousStorageIfAvailable { body(&self, $0) }
        if handled == nil {
            var copy = string
            copy.withUTF8 { body(&self, $0) }
        }
    }

    private mutating func appendEscaped(_ input: UnsafeBufferPointer<UInt8>, quotes: Bool) {
        var runStart = 0
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            // Every byte that needs escaping is <= '>' (0x3E); most text is above.
            if byte > 0x3E {
                index += 1
                continue
            }
            let replacement: StaticString
            switch byte {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\"") where quotes: replacement = "&quot;"
            case UInt8(ascii: "'") where quotes: replacement = "&#39;"
            case 0: replacement = "\u{FFFD}"
            default:
                index += 1
                continue
            }
            append(input, from: runStart, to: index)
            append(replacement)
            index += 1
            runStart = index
        }
        append(input, from: runStart, to: count)
    }

    private mutating func appendRawText(
        _ input: UnsafeBufferPointer<UInt8>,
        closingTag: StaticString,
        escapeCommentOpen: Bool
    ) {
        var runStart = 0
        var index = 0
        let count = input.count
        while index < count {
            let byte = input[index]
            if byte == 0 {
                append(input, from: runStart, to: index)
                append("\u{FFFD}")
                index += 1
                runStart = index
                continue
            }
            guard byte == UInt8(ascii: "<"), index + 1 < count else {
                index += 1
                continue
            }
            let next = input[index + 1]
            if next == UInt8(ascii: "/"), Self.matchesIgnoringCase(input, at: index + 2, closingTag) {
                append(input, from: runStart, to: index + 1)
                append(byte: UInt8(ascii: "\\"))
                runStart = index + 1
                index += 2
            } else if escapeCommentOpen, next == UInt8(ascii: "!"), index + 3 < count,
                      input[index + 2] == UInt8(ascii: "-"), input[index + 3] == UInt8(ascii: "-") {
                append(input, from: runStart, to: index + 1)
                append(byte: UInt8(ascii: "\\"))
                runStart = index + 1
                index += 4
            } else {
                index += 1
            }
        }
        append(input, from: runStart, to: count)
    }

    /// `lowercaseName` must be ASCII letters only: `| 0x20` then folds case
    /// without letting any non-letter byte compare equal.
    private static func matchesIgnoringCase(
        _ input: UnsafeBufferPointer<UInt8>, at start: Int, _ lowercaseName: StaticString
    ) -> Bool {
        let length = lowercaseName.utf8CodeUnitCount
        guard start + length <= input.count else { return false }
        let name = lowercaseName.utf8Start
        for offset in 0..<length where input[start + offset] | 0x20 != name[offset] {
            return false
        }
        return true
    }
}

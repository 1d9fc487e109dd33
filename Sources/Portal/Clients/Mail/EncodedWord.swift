import Foundation

/// RFC 2047 "B" encoded words (`=?UTF-8?B?…?=`) for non-ASCII header text.
public enum EncodedWord {
    /// Longest UTF-8 chunk per word: 45 bytes → 60 base64 chars → 72-char word (≤ 75).
    static let maxChunkBytes = 45

    /// Whether `text` can go into a header unencoded (printable ASCII and spaces only).
    public static func needsEncoding(_ text: String) -> Bool {
        !text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7f) } || text.contains("=?")
    }

    /// Splits `text` into encoded words, never splitting a UTF-8 sequence.
    /// Join them with `"\r\n "` (folding) or a space.
    public static func encode(_ text: String) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > maxChunkBytes {
                words.append(word(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append(word(chunk)) }
        return words
    }

    private static func word(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
    }
}

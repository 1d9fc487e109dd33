import HTML
import Testing

@Suite("Escaping")
struct EscapingTests {
    @Test func textEscapesAmpersandAndAngleBrackets() {
        #expect(p { "a & b < c > d" }.renderString() == "<p>a &amp; b &lt; c &gt; d</p>")
    }

    @Test func textKeepsQuotesUnescaped() {
        #expect(p { #"say "hi" & 'bye'"# }.renderString() == #"<p>say "hi" &amp; 'bye'</p>"#)
    }

    @Test func interpolatedStringIsEscapedAsText() {
        let name = "<script>alert(1)</script>"
        #expect(h1 { "Hello \(name)" }.renderString()
            == "<h1>Hello &lt;script&gt;alert(1)&lt;/script&gt;</h1>")
    }

    @Test func explicitTextIsEscaped() {
        #expect(HTMLText("1 < 2 && 3 > 2").renderString() == "1 &lt; 2 &amp;&amp; 3 &gt; 2")
    }

    @Test func alreadyEscapedEntitiesAreEscapedAgain() {
        #expect(HTMLText("&amp;").renderString() == "&amp;amp;")
    }

    @Test func attributeValueEscapesAllFiveSpecialCharacters() {
        #expect(div(.title(#"a&b<c>d"e'f"#)) {}.renderString()
            == "<div title=\"a&amp;b&lt;c&gt;d&quot;e&#39;f\"></div>")
    }

    @Test func attributeValueCannotBreakOutOfQuotes() {
        let hostile = #"x" onmouseover="alert(1)"#
        #expect(input(.value(hostile)).renderString()
            == "<input value=\"x&quot; onmouseover=&quot;alert(1)\">")
    }

    @Test func hrefQueryAmpersandIsEscaped() {
        #expect(a(.href("/x?a=1&b=2")) { "Go" }.renderString() == "<a href=\"/x?a=1&amp;b=2\">Go</a>")
    }

    @Test func nulIsReplacedInText() {
        #expect(HTMLText("a\u{0}b").renderString() == "a\u{FFFD}b")
    }

    @Test func nulIsReplacedInAttributeValue() {
        #expect(span(.id("a\u{0}")) {}.renderString() == "<span id=\"a\u{FFFD}\"></span>")
    }

    @Test func unicodeAndEmojiPassThroughUnchanged() {
        let text = "Grüße, 日本語, עברית, 👩‍👩‍👧‍👦 🇪🇺"
        #expect(p { text }.renderString() == "<p>\(text)</p>")
        #expect(p { text }.render() == Array("<p>\(text)</p>".utf8))
    }

    @Test func unicodeNextToSpecialCharactersIsPreserved() {
        #expect(HTMLText("é<ü>&😀").renderString() == "é&lt;ü&gt;&amp;😀")
    }

    @Test func veryLongStringIsEscapedCompletely() {
        let chunk = String(repeating: "x", count: 999) + "<"
        let long = String(repeating: chunk, count: 1000)
        let expected = String(repeating: String(repeating: "x", count: 999) + "&lt;", count: 1000)
        let output = HTMLText(long).renderString()
        #expect(output.utf8.count == 1_003_000)
        #expect(output == expected)
    }

    @Test func emptyStringRendersNothing() {
        #expect(HTMLText("").render().isEmpty)
    }

    @Test func textareaAndTitleContentIsEscapedLikeText() {
        #expect(textarea(.name("bio")) { "</textarea><b>" }.renderString()
            == "<textarea name=\"bio\">&lt;/textarea&gt;&lt;b&gt;</textarea>")
        #expect(title { "A & B <C>" }.renderString() == "<title>A &amp; B &lt;C&gt;</title>")
    }

    @Test func rawMarkupIsPassedThroughVerbatim() {
        let svg = #"<svg viewBox="0 0 1 1"><path d="M0 0"/></svg> & 'x'"#
        #expect(div { HTMLRaw(svg) }.renderString() == "<div>\(svg)</div>")
    }
}

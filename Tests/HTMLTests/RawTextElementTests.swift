import HTML
import Testing

@Suite("Script and style")
struct RawTextElementTests {
    @Test func scriptContentIsNotEntityEscaped() {
        #expect(script { "if (a && b < c) { x = \"y\"; }" }.renderString()
            == "<script>if (a && b < c) { x = \"y\"; }</script>")
    }

    @Test func scriptClosingTagIsNeutralisedCaseInsensitively() {
        let json = #"{"a":"</script><script>alert(1)</SCRIPT>","b":"</ScRiPt "}"#
        #expect(script(.type("application/json")) { json }.renderString()
            == #"<script type="application/json">{"a":"<\/script><script>alert(1)<\/SCRIPT>","b":"<\/ScRiPt "}</script>"#)
    }

    @Test func scriptCommentOpenerIsNeutralised() {
        #expect(script { "a<!--b<!-c" }.renderString() == #"<script>a<\!--b<!-c</script>"#)
    }

    @Test func scriptKeepsSimilarButHarmlessSequences() {
        #expect(script { "</scrip </div> <scri <" }.renderString() == "<script></scrip </div> <scri <</script>")
    }

    @Test func scriptReplacesNul() {
        #expect(script { "a\u{0}b" }.renderString() == "<script>a\u{FFFD}b</script>")
    }

    @Test func externalScriptHasNoBodyButClosingTag() {
        #expect(script(.src("/app.js"), .defer, .nonce("n1")).renderString()
            == "<script src=\"/app.js\" defer nonce=\"n1\"></script>")
    }

    @Test func scriptBuilderConcatenatesConditionalParts() {
        let debug = true
        let element = script {
            "var a = 1;"
            if debug { "var debug = true;" }
            for index in 0..<2 { "f(\(index));" }
        }
        #expect(element.renderString() == "<script>var a = 1;var debug = true;f(0);f(1);</script>")
    }

    @Test func styleClosingTagIsNeutralisedCaseInsensitively() {
        #expect(style { "a > b { content: \"&\" } </style><STYLE></STYLE" }.renderString()
            == #"<style>a > b { content: "&" } <\/style><STYLE><\/STYLE</style>"#)
    }

    @Test func styleLeavesCommentOpenerAlone() {
        #expect(style { "<!-- x -->" }.renderString() == "<style><!-- x --></style>")
    }

    @Test func scriptTagNameAtEndOfContentIsNeutralised() {
        #expect(script { "x</script" }.renderString() == #"<script>x<\/script</script>"#)
    }
}

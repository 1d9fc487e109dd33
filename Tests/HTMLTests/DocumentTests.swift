import HTML
import Testing

@Suite("Document")
struct DocumentTests {
    @Test func documentPrefixesDoctypeAndWrapsHeadAndBody() {
        let page = HTMLDocument(lang: "en") {
            meta(.charset("utf-8"))
            title { "Account" }
        } body: {
            main { "Hi" }
        }
        #expect(page.renderString() == "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<title>Account</title></head><body><main>Hi</main></body></html>")
    }

    @Test func documentAcceptsHtmlAndBodyAttributes() {
        let page = HTMLDocument(lang: "de\"", htmlAttributes: [.class("no-js")], bodyAttributes: [.class("dash")]) {
        } body: {
        }
        #expect(page.renderString()
            == "<!DOCTYPE html><html lang=\"de&quot;\" class=\"no-js\"><head></head><body class=\"dash\"></body></html>")
    }

    @Test func doctypeCanPrecedeHandWrittenHtmlElement() {
        let page = Fragment {
            HTMLDoctype()
            html(.lang("en")) { head {}; body {} }
        }
        #expect(page.renderString() == "<!DOCTYPE html><html lang=\"en\"><head></head><body></body></html>")
    }
}

private struct Fragment<Content: HTML>: HTML {
    var content: Content
    init(@HTMLBuilder content: () -> Content) { self.content = content() }
}

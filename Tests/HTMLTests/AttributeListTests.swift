import HTML
import Testing

/// Elements store none or one attribute inline and two or more in an array
/// (`HTMLAttributeList`); every form must render exactly like the others.
@Suite("Attribute lists")
struct AttributeListTests {
    @Test func noAttributesRenderBareTags() {
        #expect(div {}.renderString() == "<div></div>")
        #expect(br().renderString() == "<br>")
        #expect(script { "go()" }.renderString() == "<script>go()</script>")
        #expect(div(attributes: []) {}.renderString() == "<div></div>")
    }

    @Test func oneAttributeOfEachKindRenders() {
        #expect(div(.id("a&b")) {}.renderString() == "<div id=\"a&amp;b\"></div>")
        #expect(input(.required).renderString() == "<input required>")
        #expect(div(.data("k", "\"v\"")) {}.renderString() == "<div data-k=\"&quot;v&quot;\"></div>")
        #expect(div(.custom(name: "inert")) {}.renderString() == "<div inert></div>")
        #expect(div(.class("a<b")) {}.renderString() == "<div class=\"a&lt;b\"></div>")
        #expect(style(.nonce("n")) { "p{}" }.renderString() == "<style nonce=\"n\">p{}</style>")
    }

    @Test func oneEmptyClassRendersAnEmptyClassAttribute() {
        #expect(span(.class("")) {}.renderString() == "<span class=\"\"></span>")
    }

    @Test func oneSkippedAttributeRendersNothing() {
        #expect(div(.id("x").when(false)) {}.renderString() == "<div></div>")
        #expect(input(.class("x").when(false)).renderString() == "<input>")
        #expect(div(.custom(name: "onclick", value: "x")) {}.renderString() == "<div></div>")
        #expect(script(.defer.when(false)).renderString() == "<script></script>")
    }

    @Test func twoAttributesRenderInOrder() {
        #expect(a(.href("/"), .class("x")) {}.renderString() == "<a href=\"/\" class=\"x\"></a>")
        #expect(img(.src("/i.png"), .alt("")).renderString() == "<img src=\"/i.png\" alt=\"\">")
        #expect(script(.src("/a.js"), .defer).renderString() == "<script src=\"/a.js\" defer></script>")
    }

    @Test func manyAttributesRenderInOrder() {
        #expect(a(.href("/"), .id("i"), .rel("r"), .target("t"), .title("x")) {}.renderString()
            == "<a href=\"/\" id=\"i\" rel=\"r\" target=\"t\" title=\"x\"></a>")
        #expect(input(.type("t"), .name("n"), .required).renderString() == "<input type=\"t\" name=\"n\" required>")
        #expect(script(.src("/a.js"), .defer, .nonce("n")).renderString() == "<script src=\"/a.js\" defer nonce=\"n\"></script>")
    }

    @Test func skippedAttributesAmongOthersLeaveNoTrace() {
        #expect(div(.id("x").when(false), .role("r")) {}.renderString() == "<div role=\"r\"></div>")
        #expect(div(.role("r"), .hidden.when(false)) {}.renderString() == "<div role=\"r\"></div>")
        #expect(div(.id("x").when(false), .hidden.when(false)) {}.renderString() == "<div></div>")
        #expect(input(.data("a b", "1"), .type("t"), .custom(name: "style", value: "x")).renderString()
            == "<input type=\"t\">")
    }

    @Test func classesMergeAtTheFirstClassWhateverTheCount() {
        #expect(div(.class("a"), .class("b")) {}.renderString() == "<div class=\"a b\"></div>")
        #expect(div(.id("i"), .class("a"), .role("r"), .class("b")) {}.renderString()
            == "<div id=\"i\" class=\"a b\" role=\"r\"></div>")
        #expect(div(.class("a").when(false), .id("i"), .class("b")) {}.renderString()
            == "<div id=\"i\" class=\"b\"></div>")
        #expect(div(attributes: [.class("a"), .id("i"), .class("b\"")]) {}.renderString()
            == "<div class=\"a b&quot;\" id=\"i\"></div>")
        #expect(input(.class(""), .class("")).renderString() == "<input class=\"\">")
    }

    @Test func arrayFormRendersLikeTheArgumentForm() {
        #expect(p(attributes: [.id("i")]) {}.renderString() == p(.id("i")) {}.renderString())
        #expect(input(attributes: [.class("a"), .id("i"), .class("b"), .hidden]).renderString()
            == input(.class("a"), .id("i"), .class("b"), .hidden).renderString())
    }

    @Test func elementAttributesReadBackInOrder() {
        #expect(div {}.attributes.isEmpty)
        #expect(div(.id("x")) {}.attributes.count == 1)
        #expect(div(.id("x"), .class("c"), .hidden) {}.attributes.count == 3)
        #expect(input(.id("x"), .hidden.when(false)).attributes.map(\.isSkipped) == [false, true])
    }

    @Test func arrayLiteralReplacesAnElementsAttributes() {
        var element = input(.id("x"))
        element.attributes = [.type("text"), .required]
        #expect(element.renderString() == "<input type=\"text\" required>")
    }

    @Test func writerWritesAnOpeningTagFromAnArray() {
        var writer = HTMLWriter(capacity: 64)
        writer.appendOpeningTag("<p", attributes: [.class("a"), .id("b")])
        writer.appendOpeningTag("<p", attributes: [])
        #expect(writer.bytes == Array("<p class=\"a\" id=\"b\"><p>".utf8))
    }
}

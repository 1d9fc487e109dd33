import HTML
import Testing

@Suite("Attributes")
struct AttributeTests {
    @Test func booleanAttributesRenderBareNames() {
        let html = input(.required, .disabled, .checked, .selected, .hidden, .autofocus, .multiple, .readonly)
        #expect(html.renderString() == "<input required disabled checked selected hidden autofocus multiple readonly>")
    }

    @Test func documentAndFormBooleanAttributesRenderBareNames() {
        #expect(form(.novalidate) {}.renderString() == "<form novalidate></form>")
        #expect(details(.open) {}.renderString() == "<details open></details>")
        #expect(script(.defer).renderString() == "<script defer></script>")
    }

    @Test func attributesKeepDeclarationOrder() {
        #expect(a(.href("/"), .id("i"), .target("_blank"), .rel("noopener")) {}.renderString()
            == "<a href=\"/\" id=\"i\" target=\"_blank\" rel=\"noopener\"></a>")
    }

    @Test func ariaAndDataHelpersPrefixTheName() {
        #expect(div(.aria("label", "Go"), .data("user-id", "42")) {}.renderString()
            == "<div aria-label=\"Go\" data-user-id=\"42\"></div>")
    }

    @Test func ariaAndDataValuesAreEscapedAfterTheirPrefixedName() {
        #expect(div(.aria("label", "a<b")) {}.renderString() == "<div aria-label=\"a&lt;b\"></div>")
        #expect(tr(.data("row-id", "1'2\"&"), .class("r")) {}.renderString()
            == "<tr data-row-id=\"1&#39;2&quot;&amp;\" class=\"r\"></tr>")
    }

    @Test func ariaShorthandsRender() {
        let html = div(.ariaCurrent("page"), .ariaDescribedBy("hint"), .ariaInvalid(true),
                       .ariaInvalid(false), .ariaLive("polite"), .ariaHidden) {}
        #expect(html.renderString() == "<div aria-current=\"page\" aria-describedby=\"hint\" aria-invalid=\"true\""
            + " aria-invalid=\"false\" aria-live=\"polite\" aria-hidden=\"true\"></div>")
    }

    @Test func numericAttributesRenderDecimal() {
        #expect(input(.minlength(8), .maxlength(64), .tabindex(-1)).renderString()
            == "<input minlength=\"8\" maxlength=\"64\" tabindex=\"-1\">")
    }

    @Test func metadataAttributesRender() {
        let html = link(.rel("preload"), .href("/f.woff2"), .hreflang("en"), .media("screen"), .sizes("any"),
                        .integrity("sha384-x"), .crossorigin("anonymous"), .type("font/woff2"))
        #expect(html.renderString() == "<link rel=\"preload\" href=\"/f.woff2\" hreflang=\"en\" media=\"screen\""
            + " sizes=\"any\" integrity=\"sha384-x\" crossorigin=\"anonymous\" type=\"font/woff2\">")
        #expect(meta(.name("description"), .content("x")).renderString() == "<meta name=\"description\" content=\"x\">")
    }

    @Test func formAttributesRender() {
        let html = input(.form("f"), .accept("image/*"), .placeholder("p"), .pattern("[0-9]+"),
                         .min("1"), .max("9"), .step("any"))
        #expect(html.renderString() == "<input form=\"f\" accept=\"image/*\" placeholder=\"p\" pattern=\"[0-9]+\""
            + " min=\"1\" max=\"9\" step=\"any\">")
        #expect(form(.enctype("multipart/form-data")) {}.renderString() == "<form enctype=\"multipart/form-data\"></form>")
    }

    @Test func whenFalseOmitsTheAttribute() {
        let current = false
        #expect(a(.href("/"), .ariaCurrent("page").when(current), .required.when(false)) {}.renderString()
            == "<a href=\"/\"></a>")
    }

    @Test func whenTrueKeepsTheAttribute() {
        #expect(a(.ariaCurrent("page").when(true)) {}.renderString() == "<a aria-current=\"page\"></a>")
    }

    @Test func multipleClassAttributesAreMerged() {
        let active = true
        let html = div(.class("btn"), .id("x"), .class("active").when(active), .class("big").when(false), .class("wide")) {}
        #expect(html.renderString() == "<div class=\"btn active wide\" id=\"x\"></div>")
    }

    @Test func emptyClassValuesAddNoExtraSpaces() {
        #expect(div(.class(""), .class("a"), .class("")) {}.renderString() == "<div class=\"a\"></div>")
    }

    @Test func validCustomNameIsRendered() {
        #expect(div(.custom(name: "hx-get", value: "/x"), .custom(name: "xml:lang", value: "en"),
                    .custom(name: "inert")) {}.renderString()
            == "<div hx-get=\"/x\" xml:lang=\"en\" inert></div>")
    }

    @Test(arguments: ["", "a b", "a\"b", "a=b", "a>b", "a/b", "é", "a'b", "a\u{0}"])
    func invalidCustomNameIsDropped(name: String) {
        #expect(div(.custom(name: name, value: "v"), .id("k")) {}.renderString() == "<div id=\"k\"></div>")
    }

    @Test(arguments: ["style", "STYLE", "onclick", "OnLoad", "on"])
    func cspForbiddenCustomNameIsDropped(name: String) {
        #expect(div(.custom(name: name, value: "alert(1)")) {}.renderString() == "<div></div>")
    }

    @Test func invalidAriaAndDataNamesAreDropped() {
        #expect(div(.aria("x y", "1"), .data("a\"b", "2"), .data("", "3")) {}.renderString() == "<div></div>")
    }

    @Test func skippedAttributeReportsIsSkipped() {
        #expect(HTMLAttribute.custom(name: "on-x").isSkipped)
        #expect(!HTMLAttribute.id("x").isSkipped)
    }
}

import HTML
import Testing

@Suite("Elements")
struct ElementTests {
    @Test func elementWithoutAttributesRendersPlainTags() {
        #expect(section { "x" }.renderString() == "<section>x</section>")
    }

    @Test func emptyBodyRendersOpeningAndClosingTag() {
        #expect(span(.class("icon")) {}.renderString() == "<span class=\"icon\"></span>")
    }

    @Test func voidElementsRenderNoClosingTag() {
        #expect(br().renderString() == "<br>")
        #expect(hr(.class("sep")).renderString() == "<hr class=\"sep\">")
        #expect(meta(.charset("utf-8")).renderString() == "<meta charset=\"utf-8\">")
        #expect(link(.rel("stylesheet"), .href("/a.css")).renderString()
            == "<link rel=\"stylesheet\" href=\"/a.css\">")
        #expect(img(.src("/a.png"), .alt(""), .width(10), .height(20)).renderString()
            == "<img src=\"/a.png\" alt=\"\" width=\"10\" height=\"20\">")
        #expect(input(.type("email"), .name("email"), .required).renderString()
            == "<input type=\"email\" name=\"email\" required>")
    }

    @Test func nestedElementsRenderInOrder() {
        let html = ul(.class("list")) {
            li { strong { "a" } }
            li { em { "b" }; small { "c" } }
        }
        #expect(html.renderString()
            == "<ul class=\"list\"><li><strong>a</strong></li><li><em>b</em><small>c</small></li></ul>")
    }

    @Test func attributeArrayFormMatchesVariadicForm() {
        let attributes: [HTMLAttribute] = [.class("btn"), .type("submit")]
        #expect(button(attributes: attributes) { "Save" }.renderString()
            == button(.class("btn"), .type("submit")) { "Save" }.renderString())
        #expect(input(attributes: [.type("text")]).renderString() == "<input type=\"text\">")
    }

    @Test func tableElementsRender() {
        let html = table {
            caption { "Invoices" }
            thead { tr { th(.scope("col")) { "No" } } }
            tbody { tr { td(.colspan(2), .rowspan(1)) { "1" } } }
            tfoot { tr { td { "Σ" } } }
        }
        #expect(html.renderString() == "<table><caption>Invoices</caption><thead><tr><th scope=\"col\">No</th></tr></thead>"
            + "<tbody><tr><td colspan=\"2\" rowspan=\"1\">1</td></tr></tbody><tfoot><tr><td>Σ</td></tr></tfoot></table>")
    }

    @Test func formElementsRender() {
        let html = form(.action("/login"), .method("post"), .novalidate) {
            fieldset {
                legend { "Sign in" }
                label(.for("email")) { "Email" }
                input(.type("email"), .id("email"), .name("email"), .autocomplete("email"), .inputmode("email"))
                select(.name("plan"), .multiple) {
                    optgroup(.custom(name: "label", value: "Plans")) {
                        option(.value("s"), .selected) { "Small" }
                        option(.value("l"), .disabled) { "Large" }
                    }
                }
                output(.for("email")) { "" }
                progress(.max("100"), .value("5")) {}
            }
        }
        #expect(html.renderString() == "<form action=\"/login\" method=\"post\" novalidate><fieldset><legend>Sign in</legend>"
            + "<label for=\"email\">Email</label><input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" inputmode=\"email\">"
            + "<select name=\"plan\" multiple><optgroup label=\"Plans\"><option value=\"s\" selected>Small</option>"
            + "<option value=\"l\" disabled>Large</option></optgroup></select><output for=\"email\"></output>"
            + "<progress max=\"100\" value=\"5\"></progress></fieldset></form>")
    }

    @Test func remainingElementTagNamesRender() {
        let html = div {
            header {}; footer {}; main {}; nav {}; article {}; aside {}; noscript {}
            h2 {}; h3 {}; h4 {}; h5 {}; h6 {}; ol {}; dl { dt {}; dd {} }; code {}; pre {}
            details(.open) { summary {} }; time(.datetime("2024-01-01")) {}; abbr(.title("t")) {}
            figure { figcaption {} }; blockquote {}; template {}
        }
        #expect(html.renderString() == "<div><header></header><footer></footer><main></main><nav></nav>"
            + "<article></article><aside></aside><noscript></noscript><h2></h2><h3></h3><h4></h4><h5></h5><h6></h6>"
            + "<ol></ol><dl><dt></dt><dd></dd></dl><code></code><pre></pre><details open><summary></summary></details>"
            + "<time datetime=\"2024-01-01\"></time><abbr title=\"t\"></abbr><figure><figcaption></figcaption></figure>"
            + "<blockquote></blockquote><template></template></div>")
    }

    @Test func renderIntoSharedWriterAppends() {
        var writer = HTMLWriter(capacity: 64)
        p { "a" }.render(into: &writer)
        p { "b" }.render(into: &writer)
        #expect(writer.bytes == Array("<p>a</p><p>b</p>".utf8))
    }

    @Test func renderStringMatchesRenderedBytes() {
        let html = p(.class("x")) { "é & ü" }
        #expect(Array(html.renderString().utf8) == html.render())
    }
}

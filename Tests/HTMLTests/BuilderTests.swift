import HTML
import Testing

private struct Greeting: HTML {
    var name: String
    var items: [String]

    var content: some HTML {
        div(.class("card"), .id("greet")) {
            h1 { "Hello \(name)" }
            if items.isEmpty {
                p { "Nothing yet" }
            } else {
                ul { for item in items { li { item } } }
            }
            a(.href("/x?a=1&b=2"), .aria("label", "Go")) { "Go" }
            input(.type("email"), .name("email"), .value(name), .required, .autocomplete("email"))
            HTMLRaw("<svg></svg>")
        }
    }
}

private enum Status { case active, suspended, closed }

private struct StatusBadge: HTML {
    var status: Status
    var content: some HTML {
        switch status {
        case .active: span(.class("ok")) { "Active" }
        case .suspended: strong { "Suspended" }
        case .closed: "Closed"
        }
    }
}

@Suite("Builder")
struct BuilderTests {
    @Test func componentRendersElseBranchWithLoop() {
        #expect(Greeting(name: "a<b", items: ["x", "y&z"]).renderString()
            == "<div class=\"card\" id=\"greet\"><h1>Hello a&lt;b</h1><ul><li>x</li><li>y&amp;z</li></ul>"
            + "<a href=\"/x?a=1&amp;b=2\" aria-label=\"Go\">Go</a>"
            + "<input type=\"email\" name=\"email\" value=\"a&lt;b\" required autocomplete=\"email\"><svg></svg></div>")
    }

    @Test func componentRendersIfBranch() {
        #expect(Greeting(name: "", items: []).renderString().contains("<p>Nothing yet</p>"))
        #expect(!Greeting(name: "", items: []).renderString().contains("<ul>"))
    }

    @Test func ifWithoutElseRendersOnlyWhenTrue() {
        func view(_ flag: Bool) -> some HTML { div { if flag { "yes" } } }
        #expect(view(true).renderString() == "<div>yes</div>")
        #expect(view(false).renderString() == "<div></div>")
    }

    @Test func ifLetUnwrapsOptionalValue() {
        func view(_ error: String?) -> some HTML {
            div { if let error { p(.role("alert")) { error } } }
        }
        #expect(view("bad").renderString() == "<div><p role=\"alert\">bad</p></div>")
        #expect(view(nil).renderString() == "<div></div>")
    }

    @Test func switchSelectsMatchingCase() {
        #expect(StatusBadge(status: .active).renderString() == "<span class=\"ok\">Active</span>")
        #expect(StatusBadge(status: .suspended).renderString() == "<strong>Suspended</strong>")
        #expect(StatusBadge(status: .closed).renderString() == "Closed")
    }

    @Test func forLoopRendersEveryIteration() {
        #expect(ol { for index in 1...3 { li { "\(index)" } } }.renderString()
            == "<ol><li>1</li><li>2</li><li>3</li></ol>")
    }

    @Test func optionalAndArrayValuesAreHTML() {
        let missing: HTMLText? = nil
        let present: HTMLText? = HTMLText("p")
        let list = ["a", "b"].map { item in li { item } }
        #expect(div { missing; present; list }.renderString() == "<div>p<li>a</li><li>b</li></div>")
    }

    @Test func emptyBuilderRendersNothing() {
        #expect(EmptyHTML().render().isEmpty)
        #expect(div { EmptyHTML() }.renderString() == "<div></div>")
    }

    @Test func componentsNestInsideElements() {
        #expect(main { StatusBadge(status: .closed); StatusBadge(status: .active) }.renderString()
            == "<main>Closed<span class=\"ok\">Active</span></main>")
    }

    @Test func anyHTMLRendersWrappedValue() {
        let bodies: [AnyHTML] = [AnyHTML(p { "a" }), AnyHTML(StatusBadge(status: .closed)), AnyHTML(AnyHTML(br()))]
        #expect(div { bodies }.renderString() == "<div><p>a</p>Closed<br></div>")
    }

    @Test func anyHTMLCanBeStoredInALayout() {
        struct Layout: HTML {
            var body: AnyHTML
            var content: some HTML { main(.id("content")) { body } }
        }
        #expect(Layout(body: AnyHTML(h1 { "T" })).renderString() == "<main id=\"content\"><h1>T</h1></main>")
    }

    @Test func availabilityCheckIsSupported() {
        let html = div {
            if #available(macOS 10.15, *) { "new" } else { "old" }
        }
        #expect(html.renderString() == "<div>new</div>")
    }
}

@Suite("ForEach")
struct ForEachTests {
    @Test func forEachRendersEachElementInOrder() {
        #expect(ul { ForEach(["a", "<b>"]) { item in li { item } } }.renderString()
            == "<ul><li>a</li><li>&lt;b&gt;</li></ul>")
    }

    @Test func forEachOverEmptySequenceRendersNothing() {
        #expect(ul { ForEach([String]()) { item in li { item } } }.renderString() == "<ul></ul>")
    }
}

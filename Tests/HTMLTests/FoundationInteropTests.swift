import Foundation
import HTML
import Testing

/// Glibc exports C functions named `div`, `time`, `link` and `select`; with
/// Foundation imported the element aliases must still resolve.
@Suite("Foundation interop")
struct FoundationInteropTests {
    @Test func elementNamesSharedWithLibcFunctionsStillResolve() {
        let html = div(.class("x")) {
            time(.datetime("2024-05-01")) { "May" }
            select(.name("s")) { option(.value("1")) { "One" } }
            link(.rel("icon"), .href("/i.png"))
        }
        #expect(html.renderString() == "<div class=\"x\"><time datetime=\"2024-05-01\">May</time>"
            + "<select name=\"s\"><option value=\"1\">One</option></select><link rel=\"icon\" href=\"/i.png\"></div>")
    }
}

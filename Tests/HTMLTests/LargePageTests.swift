import HTML
@testable import HTMLBench
import Testing

/// `DashboardPage` is the benchmark's page (Sources/HTMLBench): the test checks what it renders.

@Suite("Large pages")
struct LargePageTests {
    @Test func dashboardRendersAllRowsAndEscapesUserData() {
        let output = DashboardPage.sample(serviceCount: 30).renderString()
        #expect(output.hasPrefix("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"))
        #expect(output.hasSuffix("</footer></body></html>"))
        #expect(output.components(separatedBy: "<tr data-service=").count == 31)
        #expect(output.contains("<strong>jane&lt;doe&gt;@example.com</strong>"))
        #expect(output.contains(#"{"user":"jane<doe>@example.com"}"#))
        #expect(output.contains("<a href=\"/services\" class=\"menu-item current\" aria-current=\"page\">Services</a>"))
    }

    @Test func threeHundredElementPageRendersEveryElement() {
        let html = div(.id("root")) {
            for index in 0..<100 {
                section(.class("row")) {
                    h3 { "Row \(index)" }
                    p(.data("index", "\(index)")) { "Value < \(index)" }
                }
            }
        }
        let output = html.renderString()
        #expect(output.components(separatedBy: "<section class=\"row\">").count == 101)
        #expect(output.components(separatedBy: "</h3>").count == 101)
        #expect(output.components(separatedBy: "</p>").count == 101)
        #expect(output.contains("<h3>Row 99</h3><p data-index=\"99\">Value &lt; 99</p></section></div>"))
    }
}

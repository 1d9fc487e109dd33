import HTML
#if canImport(Glibc)
import Glibc
#endif

// Renders a ~20 KB dashboard page many times and prints the time per render. Run the release build
// (`make bench` does): `.build/release/html-bench [renders per round]`. Each render builds the page's
// tree and writes it, as a request does. The median of several rounds keeps one slow round (another
// process on the machine) from moving the result.

let rendersPerRound = CommandLine.arguments.dropFirst().first.flatMap { Int($0) } ?? 2_000
let rounds = 7
let page = DashboardPage.sample(serviceCount: 75)
let size = page.render().count
let clock = ContinuousClock()

// The byte count of every render is summed and checked, so the optimizer cannot drop the work.
var total = 0
for _ in 0..<rendersPerRound / 10 { total &+= page.render(capacity: 32_768).count }
var microsPerRender: [Double] = []
for _ in 0..<rounds {
    let elapsed = clock.measure {
        for _ in 0..<rendersPerRound { total &+= page.render(capacity: 32_768).count }
    }
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    microsPerRender.append(seconds * 1e6 / Double(rendersPerRound))
}
guard total == size * (rendersPerRound / 10 + rounds * rendersPerRound) else {
    print("html-bench: renders differ in size")
    exit(1)
}
let median = microsPerRender.sorted()[rounds / 2]
// Rounded by hand: `Double.rounded()` would need libm, which nothing else here links.
let tenths = Int(median * 10 + 0.5)
print("html: \(size) bytes, \(tenths / 10).\(tenths % 10) µs per render (\(Int(1e6 / median + 0.5)) renders/s)")

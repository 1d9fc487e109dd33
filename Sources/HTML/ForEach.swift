/// Renders `content` for each element of `data`, straight into the writer.
///
/// A `for … in` loop in a builder works too, but it first collects every
/// row into an array of fully built elements; `ForEach` builds and writes
/// one row at a time, which is measurably cheaper for long lists.
///
/// ```swift
/// tbody { ForEach(services) { service in tr { td { service.name } } } }
/// ```
///
/// Not `Sendable`: it stores the row-building closure.
public struct ForEach<Data: Sequence, Content: HTML>: HTML {
    @usableFromInline let data: Data
    @usableFromInline let makeContent: (Data.Element) -> Content

    /// Creates the loop; `content` is called once per element at render time.
    @inlinable
    public init(_ data: Data, @HTMLBuilder content: @escaping (Data.Element) -> Content) {
        self.data = data
        self.makeContent = content
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: ForEach, into writer: inout HTMLWriter) {
        for element in html.data {
            Content._render(html.makeContent(element), into: &writer)
        }
    }
}

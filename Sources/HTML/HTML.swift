/// A piece of HTML that can be rendered into UTF-8 bytes.
///
/// Pages and components conform by implementing ``content`` with the
/// ``HTMLBuilder`` result builder:
///
/// ```swift
/// struct Greeting: HTML {
///     var name: String
///     var content: some HTML {
///         p(.class("greeting")) { "Hello \(name)" }
///     }
/// }
/// let bytes = Greeting(name: "a<b").render()
/// ```
///
/// Primitives (elements, text, tuples, …) override ``_render(_:into:)`` and
/// write straight into an ``HTMLWriter``; composite types inherit the default,
/// which renders `content`. No intermediate node tree is ever built.
public protocol HTML {
    /// The HTML this value is made of. Primitives use ``EmptyHTML`` here and
    /// never consult it.
    associatedtype Content: HTML

    /// The body of a composite component.
    @HTMLBuilder var content: Content { get }

    /// Writes `html` into `writer`. Implementation detail of primitives;
    /// components should not implement this themselves.
    static func _render(_ html: Self, into writer: inout HTMLWriter)
}

extension HTML {
    @inlinable
    public static func _render(_ html: Self, into writer: inout HTMLWriter) {
        Content._render(html.content, into: &writer)
    }

    /// Renders this value into UTF-8 bytes.
    ///
    /// - Parameter capacity: Initial buffer capacity; a generous guess avoids
    ///   re-allocations while the page grows.
    @inlinable
    public func render(capacity: Int = 8192) -> [UInt8] {
        var writer = HTMLWriter(capacity: capacity)
        Self._render(self, into: &writer)
        return writer.finish()
    }

    /// Renders this value into a `String`.
    @inlinable
    public func renderString(capacity: Int = 8192) -> String {
        String(decoding: render(capacity: capacity), as: UTF8.self)
    }

    /// Appends this value to an existing writer, e.g. to share one buffer
    /// between several fragments.
    @inlinable
    public func render(into writer: inout HTMLWriter) {
        Self._render(self, into: &writer)
    }
}

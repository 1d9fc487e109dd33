/// A type-erased ``HTML`` value, for the rare places where the concrete type
/// cannot be spelled or must vary at run time (e.g. a layout storing a page
/// body chosen dynamically).
///
/// Prefer generics (`Layout<Body: HTML>`) where possible: erasure costs a
/// dynamic dispatch per render. `AnyHTML` is not `Sendable` because it can
/// wrap any value, Sendable or not.
public struct AnyHTML: HTML {
    @usableFromInline
    let base: any HTML

    /// Wraps `html`; an `AnyHTML` is not wrapped twice.
    @inlinable
    public init(_ html: some HTML) {
        if let erased = html as? AnyHTML {
            base = erased.base
        } else {
            base = html
        }
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: AnyHTML, into writer: inout HTMLWriter) {
        func open<Base: HTML>(_ base: Base) {
            Base._render(base, into: &writer)
        }
        open(html.base)
    }
}

/// Renders nothing. The result of an empty builder block, and the `Content`
/// of every primitive (which never renders its `content`).
public struct EmptyHTML: HTML, Sendable {
    @inlinable public init() {}

    @inlinable public var content: EmptyHTML { self }

    @inlinable
    public static func _render(_ html: EmptyHTML, into writer: inout HTMLWriter) {}
}

/// Text content, escaped when rendered (`&`, `<`, `>`; U+0000 → U+FFFD).
///
/// A bare `String` inside a builder already becomes `HTMLText`; spell it out
/// only where an `HTML` value is needed outside a builder.
public struct HTMLText: HTML, Sendable {
    /// The unescaped text.
    public var text: String

    @inlinable public init(_ text: String) { self.text = text }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: HTMLText, into writer: inout HTMLWriter) {
        writer.appendEscapedText(html.text)
    }
}


/// Markup written out verbatim, without any escaping: the only way to emit
/// unescaped HTML (e.g. inline SVG icons). Never pass user input.
public struct HTMLRaw: HTML, Sendable {
    /// The markup as given.
    public var markup: String

    @inlinable public init(_ markup: String) { self.markup = markup }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: HTMLRaw, into writer: inout HTMLWriter) {
        writer.appendUnescaped(html.markup)
    }
}

/// Several siblings, produced by ``HTMLBuilder`` for statement lists.
public struct _HTMLTuple<each Child: HTML>: HTML {
    public let children: (repeat each Child)

    @inlinable
    public init(_ children: repeat each Child) {
        self.children = (repeat each children)
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: _HTMLTuple, into writer: inout HTMLWriter) {
        for child in repeat each html.children {
            renderChild(child, into: &writer)
        }
    }

    @inlinable
    static func renderChild<C: HTML>(_ child: C, into writer: inout HTMLWriter) {
        C._render(child, into: &writer)
    }
}

extension _HTMLTuple: Sendable where repeat each Child: Sendable {}

/// One of two branches, produced by ``HTMLBuilder`` for `if`/`else` and `switch`.
public enum _HTMLConditional<First: HTML, Second: HTML>: HTML {
    case first(First)
    case second(Second)

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: _HTMLConditional, into writer: inout HTMLWriter) {
        switch html {
        case let .first(content): First._render(content, into: &writer)
        case let .second(content): Second._render(content, into: &writer)
        }
    }
}

extension _HTMLConditional: Sendable where First: Sendable, Second: Sendable {}

/// `nil` renders nothing; used for `if` without `else` and `if let`.
extension Optional: HTML where Wrapped: HTML {
    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: Wrapped?, into writer: inout HTMLWriter) {
        if let html { Wrapped._render(html, into: &writer) }
    }
}

/// Elements rendered in order; used for `for … in` loops.
extension Array: HTML where Element: HTML {
    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: [Element], into writer: inout HTMLWriter) {
        // Borrowing through the buffer avoids copying (retaining) each element.
        html.withUnsafeBufferPointer { elements in
            for index in elements.indices { Element._render(elements[index], into: &writer) }
        }
    }
}

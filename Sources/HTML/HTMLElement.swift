/// Names an element type; see ``HTMLTag``.
public protocol HTMLTagDefinition: Sendable {
    /// The lowercase tag name, e.g. `"div"`.
    static var name: StaticString { get }
    /// `"<div"`: precomputed so each tag is a single copy.
    static var openingTag: StaticString { get }
    /// `"</div>"`
    static var closingTag: StaticString { get }
}

/// A normal element: `<tag attributes>content</tag>`.
///
/// Written through the lowercase aliases in `Elements.swift`:
/// `div(.class("card")) { … }` or, with a computed list,
/// `div(attributes: attrs) { … }`.
public struct HTMLElement<Tag: HTMLTagDefinition, Content: HTML>: HTML {
    /// The element's attributes, in order.
    public var attributes: [HTMLAttribute]
    /// The element's children.
    public var content: Content

    /// Creates the element with variadic attributes and a builder body.
    @inlinable
    public init(_ attributes: HTMLAttribute..., @HTMLBuilder content: () -> Content) {
        self.attributes = attributes
        self.content = content()
    }

    /// Creates the element from an attribute array, e.g. one assembled at run time.
    @inlinable
    public init(attributes: [HTMLAttribute], @HTMLBuilder content: () -> Content) {
        self.attributes = attributes
        self.content = content()
    }

    @inlinable
    public static func _render(_ html: HTMLElement, into writer: inout HTMLWriter) {
        writer.appendOpeningTag(Tag.openingTag, attributes: html.attributes)
        Content._render(html.content, into: &writer)
        writer.append(Tag.closingTag)
    }
}

extension HTMLElement: Sendable where Content: Sendable {}

/// A void element (`<br>`, `<input …>`): attributes only, no closing tag.
public struct HTMLVoidElement<Tag: HTMLTagDefinition>: HTML, Sendable {
    /// The element's attributes, in order.
    public var attributes: [HTMLAttribute]

    /// Creates the element with variadic attributes.
    @inlinable
    public init(_ attributes: HTMLAttribute...) {
        self.attributes = attributes
    }

    /// Creates the element from an attribute array.
    @inlinable
    public init(attributes: [HTMLAttribute]) {
        self.attributes = attributes
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: HTMLVoidElement, into writer: inout HTMLWriter) {
        writer.appendOpeningTag(Tag.openingTag, attributes: html.attributes)
    }
}

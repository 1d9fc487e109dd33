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
///
/// Elements without attributes or with one have their own initializers, so
/// the attribute is stored inline (see ``HTMLAttributeList``) instead of in
/// the array a variadic parameter would allocate; two or more take the
/// variadic one. Each call matches exactly one of them by its argument count,
/// so big builder bodies type-check as fast as with a single initializer.
public struct HTMLElement<Tag: HTMLTagDefinition, Content: HTML>: HTML {
    /// The element's attributes, in order.
    public var attributes: HTMLAttributeList
    /// The element's children.
    public var content: Content

    /// Creates the element without attributes.
    @inlinable
    public init(@HTMLBuilder content: () -> Content) {
        self.init(attributeList: HTMLAttributeList(), content: content)
    }

    /// Creates the element with one attribute and a builder body.
    @inlinable
    public init(_ a0: HTMLAttribute, @HTMLBuilder content: () -> Content) {
        self.init(attributeList: HTMLAttributeList(a0), content: content)
    }

    /// Creates the element with two or more attributes and a builder body.
    @inlinable
    public init(_ a0: HTMLAttribute, _ a1: HTMLAttribute, _ more: HTMLAttribute..., @HTMLBuilder content: () -> Content) {
        self.init(attributeList: HTMLAttributeList(a0, a1, more), content: content)
    }

    /// Creates the element from an attribute array, e.g. one assembled at run time.
    @inlinable
    public init(attributes: [HTMLAttribute], @HTMLBuilder content: () -> Content) {
        self.init(attributeList: HTMLAttributeList(attributes), content: content)
    }

    @inlinable
    init(attributeList: HTMLAttributeList, content: () -> Content) {
        self.attributes = attributeList
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
///
/// Like ``HTMLElement``, one initializer each for none, one, and two or more attributes.
public struct HTMLVoidElement<Tag: HTMLTagDefinition>: HTML, Sendable {
    /// The element's attributes, in order.
    public var attributes: HTMLAttributeList

    /// Creates the element without attributes.
    @inlinable
    public init() {
        attributes = HTMLAttributeList()
    }

    /// Creates the element with one attribute.
    @inlinable
    public init(_ a0: HTMLAttribute) {
        attributes = HTMLAttributeList(a0)
    }

    /// Creates the element with two or more attributes.
    @inlinable
    public init(_ a0: HTMLAttribute, _ a1: HTMLAttribute, _ more: HTMLAttribute...) {
        attributes = HTMLAttributeList(a0, a1, more)
    }

    /// Creates the element from an attribute array.
    @inlinable
    public init(attributes: [HTMLAttribute]) {
        self.attributes = HTMLAttributeList(attributes)
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: HTMLVoidElement, into writer: inout HTMLWriter) {
        writer.appendOpeningTag(Tag.openingTag, attributes: html.attributes)
    }
}

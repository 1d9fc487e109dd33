/// Tags whose body is raw text with its own escaping rules.
public protocol HTMLRawTextTag: HTMLTagDefinition {
    /// Writes `text` as the element body, escaped for this element.
    static func appendBody(_ text: String, into writer: inout HTMLWriter)
}

extension HTMLTag.script: HTMLRawTextTag {
    public static func appendBody(_ text: String, into writer: inout HTMLWriter) {
        writer.appendScriptContent(text)
    }
}

extension HTMLTag.style: HTMLRawTextTag {
    public static func appendBody(_ text: String, into writer: inout HTMLWriter) {
        writer.appendStyleContent(text)
    }
}

/// `<script>` and `<style>`: the body is a string, not HTML, and is not
/// entity-escaped (entities are not decoded there); instead the closing tag
/// sequence is neutralised, see ``HTMLWriter/appendScriptContent(_:)``.
///
/// ```swift
/// script(.src("/app.js"), .defer)
/// script(.type("application/json"), .id("data")) { jsonString }
/// ```
///
/// Like ``HTMLElement``, one initializer each for none, one, and two or more attributes.
public struct HTMLRawTextElement<Tag: HTMLRawTextTag>: HTML, Sendable {
    /// The element's attributes, in order.
    public var attributes: HTMLAttributeList
    /// The unescaped body.
    public var text: String

    /// Creates the element without attributes.
    @inlinable
    public init(@HTMLRawTextBuilder content: () -> String = { "" }) {
        self.init(attributeList: HTMLAttributeList(), content: content)
    }

    /// Creates the element with one attribute; omit the closure for an external script.
    @inlinable
    public init(_ a0: HTMLAttribute, @HTMLRawTextBuilder content: () -> String = { "" }) {
        self.init(attributeList: HTMLAttributeList(a0), content: content)
    }

    /// Creates the element with two or more attributes.
    @inlinable
    public init(
        _ a0: HTMLAttribute, _ a1: HTMLAttribute, _ more: HTMLAttribute...,
        @HTMLRawTextBuilder content: () -> String = { "" }
    ) {
        self.init(attributeList: HTMLAttributeList(a0, a1, more), content: content)
    }

    /// Creates the element from an attribute array.
    @inlinable
    public init(attributes: [HTMLAttribute], @HTMLRawTextBuilder content: () -> String = { "" }) {
        self.init(attributeList: HTMLAttributeList(attributes), content: content)
    }

    @inlinable
    init(attributeList: HTMLAttributeList, content: () -> String) {
        self.attributes = attributeList
        self.text = content()
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: HTMLRawTextElement, into writer: inout HTMLWriter) {
        writer.appendOpeningTag(Tag.openingTag, attributes: html.attributes)
        Tag.appendBody(html.text, into: &writer)
        writer.append(Tag.closingTag)
    }
}

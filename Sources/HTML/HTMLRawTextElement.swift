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
public struct HTMLRawTextElement<Tag: HTMLRawTextTag>: HTML, Sendable {
    /// The element's attributes, in order.
    public var attributes: [HTMLAttribute]
    /// The unescaped body.
    public var text: String

    /// Creates the element; omit the closure for an external script.
    @inlinable
    public init(_ attributes: HTMLAttribute..., @HTMLRawTextBuilder content: () -> String = { "" }) {
        self.attributes = attributes
        self.text = content()
    }

    /// Creates the element from an attribute array.
    @inlinable
    public init(attributes: [HTMLAttribute], @HTMLRawTextBuilder content: () -> String = { "" }) {
        self.attributes = attributes
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

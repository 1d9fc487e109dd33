/// A complete page: `<!DOCTYPE html><html lang="…"><head>…</head><body>…</body></html>`.
///
/// ```swift
/// HTMLDocument(lang: "en") {
///     meta(.charset("utf-8"))
///     title { "Account" }
/// } body: {
///     main { … }
/// }
/// ```
///
/// To build the `<html>` element yourself instead, put ``HTMLDoctype``
/// before it in a builder.
public struct HTMLDocument<Head: HTML, Body: HTML>: HTML {
    /// Attributes of `<html>`; `lang` comes first.
    public var htmlAttributes: HTMLAttributeList
    /// Attributes of `<body>`.
    public var bodyAttributes: HTMLAttributeList
    /// Children of `<head>`.
    public var headContent: Head
    /// Children of `<body>`.
    public var bodyContent: Body

    /// Creates a document.
    @inlinable
    public init(
        lang: String,
        htmlAttributes: [HTMLAttribute] = [],
        bodyAttributes: [HTMLAttribute] = [],
        @HTMLBuilder head: () -> Head,
        @HTMLBuilder body: () -> Body
    ) {
        // Without extra attributes (the usual case) `lang` is stored inline: no array is built.
        self.htmlAttributes = htmlAttributes.isEmpty
            ? HTMLAttributeList(.lang(lang)) : HTMLAttributeList([.lang(lang)] + htmlAttributes)
        self.bodyAttributes = HTMLAttributeList(bodyAttributes)
        self.headContent = head()
        self.bodyContent = body()
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: HTMLDocument, into writer: inout HTMLWriter) {
        writer.append("<!DOCTYPE html>")
        writer.appendOpeningTag("<html", attributes: html.htmlAttributes)
        writer.append("<head>")
        Head._render(html.headContent, into: &writer)
        writer.append("</head>")
        writer.appendOpeningTag("<body", attributes: html.bodyAttributes)
        Body._render(html.bodyContent, into: &writer)
        writer.append("</body></html>")
    }
}

extension HTMLDocument: Sendable where Head: Sendable, Body: Sendable {}

/// Renders `<!DOCTYPE html>`, for pages that write their own `html { … }`.
public struct HTMLDoctype: HTML, Sendable {
    @inlinable public init() {}

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: HTMLDoctype, into writer: inout HTMLWriter) {
        writer.append("<!DOCTYPE html>")
    }
}

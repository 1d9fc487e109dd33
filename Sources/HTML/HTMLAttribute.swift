/// One attribute of an element, created through the static constructors
/// below, e.g. `div(.class("card"), .id("greet"), .ariaHidden)`.
///
/// Names are fixed by construction: the only ways to choose a name at run
/// time are ``aria(_:_:)``, ``data(_:_:)`` and ``custom(name:value:)``, and
/// those validate it. Values are always escaped when rendered.
///
/// There is intentionally no `style` attribute and no `on…` event handler
/// attribute: the application's Content-Security-Policy forbids inline
/// styles and scripts, so such names are rejected even via `custom`.
///
/// Conditional attributes use ``when(_:)``:
/// `.class("active").when(isCurrent)` renders nothing when the condition is
/// false. Several `.class` attributes on one element are merged into one
/// `class="a b"`, which makes conditional classes easy to combine.
public struct HTMLAttribute: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        case skipped
        case fixed(StaticString, String)
        case fixedFlag(StaticString)
        /// A validated run-time name; `nil` value renders a boolean attribute.
        case dynamic(String, String?)
        /// `aria-` or `data-` and a validated run-time name, kept apart so that
        /// no string is concatenated when the attribute is made.
        case prefixed(NamePrefix, String, String)
        case classes(String)
    }

    @usableFromInline
    enum NamePrefix: Sendable {
        case aria, data

        var text: StaticString {
            switch self {
            case .aria: "aria-"
            case .data: "data-"
            }
        }
    }

    @usableFromInline
    let storage: Storage

    @usableFromInline
    init(_ storage: Storage) {
        self.storage = storage
    }

    /// Keeps this attribute only if `condition` is true, e.g.
    /// `.ariaCurrent("page").when(isCurrent)`.
    @inlinable
    public func when(_ condition: Bool) -> HTMLAttribute {
        condition ? self : HTMLAttribute(.skipped)
    }

    /// True if this attribute renders nothing (a failed ``when(_:)`` or an
    /// invalid run-time name).
    public var isSkipped: Bool {
        if case .skipped = storage { return true }
        return false
    }

    @inlinable
    static func fixed(_ name: StaticString, _ value: String) -> HTMLAttribute {
        HTMLAttribute(.fixed(name, value))
    }

    @inlinable
    static func flag(_ name: StaticString) -> HTMLAttribute {
        HTMLAttribute(.fixedFlag(name))
    }
}

// MARK: - Run-time names

extension HTMLAttribute {
    /// `aria-<name>="<value>"`. Dropped if `name` is not `[a-zA-Z0-9-:]+`.
    public static func aria(_ name: String, _ value: String) -> HTMLAttribute {
        prefixed(.aria, name, value)
    }

    /// `data-<name>="<value>"`. Dropped if `name` is not `[a-zA-Z0-9-:]+`.
    public static func data(_ name: String, _ value: String) -> HTMLAttribute {
        prefixed(.data, name, value)
    }

    /// Any other attribute. `value: nil` renders a boolean attribute.
    ///
    /// The attribute is dropped (renders nothing) unless `name` is made of
    /// `[a-zA-Z0-9-:]` only; names that would bypass the CSP rules (`style`,
    /// `on…`, compared case-insensitively) are dropped too.
    public static func custom(name: String, value: String? = nil) -> HTMLAttribute {
        guard isValidName(name) else { return HTMLAttribute(.skipped) }
        let lowercased = name.lowercased()
        if lowercased == "style" || lowercased.hasPrefix("on") { return HTMLAttribute(.skipped) }
        return HTMLAttribute(.dynamic(name, value))
    }

    private static func prefixed(_ prefix: NamePrefix, _ name: String, _ value: String) -> HTMLAttribute {
        guard isValidName(name) else { return HTMLAttribute(.skipped) }
        return HTMLAttribute(.prefixed(prefix, name, value))
    }

    static func isValidName(_ name: String) -> Bool {
        guard !name.isEmpty else { return false }
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: ":"):
                continue
            default:
                return false
            }
        }
        return true
    }
}

// MARK: - Global and structural attributes

extension HTMLAttribute {
    /// `class="…"`; several on one element are merged with spaces.
    @inlinable public static func `class`(_ value: String) -> HTMLAttribute { HTMLAttribute(.classes(value)) }
    /// `id="…"`
    @inlinable public static func id(_ value: String) -> HTMLAttribute { fixed("id", value) }
    /// `lang="…"`
    @inlinable public static func lang(_ value: String) -> HTMLAttribute { fixed("lang", value) }
    /// `role="…"`
    @inlinable public static func role(_ value: String) -> HTMLAttribute { fixed("role", value) }
    /// `title="…"` (the tooltip attribute, not the element).
    @inlinable public static func title(_ value: String) -> HTMLAttribute { fixed("title", value) }
    /// `tabindex="…"`
    @inlinable public static func tabindex(_ value: Int) -> HTMLAttribute { fixed("tabindex", String(value)) }
    /// `nonce="…"`, for CSP-approved `<script>`/`<style>` elements.
    @inlinable public static func nonce(_ value: String) -> HTMLAttribute { fixed("nonce", value) }
    /// Boolean `hidden`.
    @inlinable public static var hidden: HTMLAttribute { flag("hidden") }
    /// Boolean `autofocus`.
    @inlinable public static var autofocus: HTMLAttribute { flag("autofocus") }
}

// MARK: - Links, media and metadata

extension HTMLAttribute {
    /// `href="…"`
    @inlinable public static func href(_ value: String) -> HTMLAttribute { fixed("href", value) }
    /// `src="…"`
    @inlinable public static func src(_ value: String) -> HTMLAttribute { fixed("src", value) }
    /// `alt="…"`
    @inlinable public static func alt(_ value: String) -> HTMLAttribute { fixed("alt", value) }
    /// `rel="…"`
    @inlinable public static func rel(_ value: String) -> HTMLAttribute { fixed("rel", value) }
    /// `target="…"`
    @inlinable public static func target(_ value: String) -> HTMLAttribute { fixed("target", value) }
    /// `hreflang="…"`
    @inlinable public static func hreflang(_ value: String) -> HTMLAttribute { fixed("hreflang", value) }
    /// `media="…"`
    @inlinable public static func media(_ value: String) -> HTMLAttribute { fixed("media", value) }
    /// `sizes="…"`
    @inlinable public static func sizes(_ value: String) -> HTMLAttribute { fixed("sizes", value) }
    /// `integrity="…"`
    @inlinable public static func integrity(_ value: String) -> HTMLAttribute { fixed("integrity", value) }
    /// `crossorigin="…"`
    @inlinable public static func crossorigin(_ value: String) -> HTMLAttribute { fixed("crossorigin", value) }
    /// `width="…"`
    @inlinable public static func width(_ value: Int) -> HTMLAttribute { fixed("width", String(value)) }
    /// `height="…"`
    @inlinable public static func height(_ value: Int) -> HTMLAttribute { fixed("height", String(value)) }
    /// `content="…"` (for `<meta>`).
    @inlinable public static func content(_ value: String) -> HTMLAttribute { fixed("content", value) }
    /// `charset="…"`
    @inlinable public static func charset(_ value: String) -> HTMLAttribute { fixed("charset", value) }
    /// `name="…"` (meta and form controls).
    @inlinable public static func name(_ value: String) -> HTMLAttribute { fixed("name", value) }
    /// `datetime="…"`
    @inlinable public static func datetime(_ value: String) -> HTMLAttribute { fixed("datetime", value) }
    /// Boolean `defer`.
    @inlinable public static var `defer`: HTMLAttribute { flag("defer") }
    /// Boolean `open` (for `<details>`).
    @inlinable public static var open: HTMLAttribute { flag("open") }
}

// MARK: - Forms

extension HTMLAttribute {
    /// `type="…"`
    @inlinable public static func type(_ value: String) -> HTMLAttribute { fixed("type", value) }
    /// `value="…"`
    @inlinable public static func value(_ value: String) -> HTMLAttribute { fixed("value", value) }
    /// `for="…"`
    @inlinable public static func `for`(_ value: String) -> HTMLAttribute { fixed("for", value) }
    /// `action="…"`
    @inlinable public static func action(_ value: String) -> HTMLAttribute { fixed("action", value) }
    /// `method="…"`
    @inlinable public static func method(_ value: String) -> HTMLAttribute { fixed("method", value) }
    /// `enctype="…"`
    @inlinable public static func enctype(_ value: String) -> HTMLAttribute { fixed("enctype", value) }
    /// `form="…"` (associates a control with a form by id).
    @inlinable public static func form(_ value: String) -> HTMLAttribute { fixed("form", value) }
    /// `accept="…"`
    @inlinable public static func accept(_ value: String) -> HTMLAttribute { fixed("accept", value) }
    /// `placeholder="…"`
    @inlinable public static func placeholder(_ value: String) -> HTMLAttribute { fixed("placeholder", value) }
    /// `autocomplete="…"`
    @inlinable public static func autocomplete(_ value: String) -> HTMLAttribute { fixed("autocomplete", value) }
    /// `inputmode="…"`
    @inlinable public static func inputmode(_ value: String) -> HTMLAttribute { fixed("inputmode", value) }
    /// `pattern="…"`
    @inlinable public static func pattern(_ value: String) -> HTMLAttribute { fixed("pattern", value) }
    /// `min="…"` (a string because it may be a date or a decimal).
    @inlinable public static func min(_ value: String) -> HTMLAttribute { fixed("min", value) }
    /// `max="…"` (a string because it may be a date or a decimal).
    @inlinable public static func max(_ value: String) -> HTMLAttribute { fixed("max", value) }
    /// `step="…"` (a string because `any` is valid).
    @inlinable public static func step(_ value: String) -> HTMLAttribute { fixed("step", value) }
    /// `minlength="…"`
    @inlinable public static func minlength(_ value: Int) -> HTMLAttribute { fixed("minlength", String(value)) }
    /// `maxlength="…"`
    @inlinable public static func maxlength(_ value: Int) -> HTMLAttribute { fixed("maxlength", String(value)) }
    /// Boolean `required`.
    @inlinable public static var required: HTMLAttribute { flag("required") }
    /// Boolean `disabled`.
    @inlinable public static var disabled: HTMLAttribute { flag("disabled") }
    /// Boolean `checked`.
    @inlinable public static var checked: HTMLAttribute { flag("checked") }
    /// Boolean `selected`.
    @inlinable public static var selected: HTMLAttribute { flag("selected") }
    /// Boolean `multiple`.
    @inlinable public static var multiple: HTMLAttribute { flag("multiple") }
    /// Boolean `readonly`.
    @inlinable public static var readonly: HTMLAttribute { flag("readonly") }
    /// Boolean `novalidate`.
    @inlinable public static var novalidate: HTMLAttribute { flag("novalidate") }
}

// MARK: - Tables

extension HTMLAttribute {
    /// `scope="…"`
    @inlinable public static func scope(_ value: String) -> HTMLAttribute { fixed("scope", value) }
    /// `colspan="…"`
    @inlinable public static func colspan(_ value: Int) -> HTMLAttribute { fixed("colspan", String(value)) }
    /// `rowspan="…"`
    @inlinable public static func rowspan(_ value: Int) -> HTMLAttribute { fixed("rowspan", String(value)) }
}

// MARK: - ARIA shorthands

extension HTMLAttribute {
    /// `aria-current="…"`, e.g. `"page"`.
    @inlinable public static func ariaCurrent(_ value: String) -> HTMLAttribute { fixed("aria-current", value) }
    /// `aria-describedby="…"`
    @inlinable public static func ariaDescribedBy(_ id: String) -> HTMLAttribute { fixed("aria-describedby", id) }
    /// `aria-invalid="true|false"`
    @inlinable public static func ariaInvalid(_ invalid: Bool) -> HTMLAttribute {
        fixed("aria-invalid", invalid ? "true" : "false")
    }
    /// `aria-live="…"`, e.g. `"polite"`.
    @inlinable public static func ariaLive(_ value: String) -> HTMLAttribute { fixed("aria-live", value) }
    /// `aria-hidden="true"`
    @inlinable public static var ariaHidden: HTMLAttribute { fixed("aria-hidden", "true") }
}

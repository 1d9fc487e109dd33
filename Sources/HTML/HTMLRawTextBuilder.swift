/// Builds the string body of `<script>`/`<style>` by concatenating string
/// expressions; supports `if`, `switch` and `for` like ``HTMLBuilder``.
@resultBuilder
public enum HTMLRawTextBuilder {
    @inlinable
    public static func buildBlock(_ parts: String...) -> String { parts.joined() }

    @inlinable
    public static func buildOptional(_ part: String?) -> String { part ?? "" }

    @inlinable
    public static func buildEither(first part: String) -> String { part }

    @inlinable
    public static func buildEither(second part: String) -> String { part }

    @inlinable
    public static func buildArray(_ parts: [String]) -> String { parts.joined() }
}

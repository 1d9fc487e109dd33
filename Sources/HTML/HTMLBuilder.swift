/// The result builder behind every `content` and element body.
///
/// Supports plain expressions (`String` becomes escaped ``HTMLText``),
/// `if`/`else`, `if let`, `switch`, `for … in` and `if #available`.
/// Statement lists become one concrete tuple type: `_HTMLTuple2`…`_HTMLTuple8`
/// for up to 8 children (specialize fully, see HTMLTuples.swift) and the
/// parameter-pack ``_HTMLTuple`` beyond that. No existentials are involved.
@resultBuilder
public enum HTMLBuilder {
    @inlinable
    public static func buildExpression<Content: HTML>(_ content: consuming Content) -> Content {
        content
    }

    /// A bare string in a builder is text and therefore escaped.
    @inlinable
    public static func buildExpression(_ text: String) -> HTMLText {
        HTMLText(text)
    }

    @inlinable
    public static func buildBlock() -> EmptyHTML {
        EmptyHTML()
    }

    @inlinable
    public static func buildBlock<Content: HTML>(_ content: consuming Content) -> Content {
        content
    }

    @inlinable
    public static func buildBlock<each Content: HTML>(
        _ content: repeat consuming each Content
    ) -> _HTMLTuple<repeat each Content> {
        _HTMLTuple(repeat each content)
    }

    @inlinable
    public static func buildOptional<Content: HTML>(_ content: consuming Content?) -> Content? {
        content
    }

    @inlinable
    public static func buildEither<First: HTML, Second: HTML>(
        first content: First
    ) -> _HTMLConditional<First, Second> {
        .first(content)
    }

    @inlinable
    public static func buildEither<First: HTML, Second: HTML>(
        second content: Second
    ) -> _HTMLConditional<First, Second> {
        .second(content)
    }

    @inlinable
    public static func buildArray<Content: HTML>(_ content: consuming [Content]) -> [Content] {
        content
    }

    /// `if #available` branches may not leak their concrete type, so they
    /// are type-erased.
    @inlinable
    public static func buildLimitedAvailability<Content: HTML>(_ content: consuming Content) -> AnyHTML {
        AnyHTML(content)
    }
}

// MARK: - Fixed arities (see HTMLTuples.swift for why)

extension HTMLBuilder {
    @inlinable
    public static func buildBlock<V0: HTML, V1: HTML>(_ v0: consuming V0, _ v1: consuming V1) -> _HTMLTuple2<V0, V1> {
        _HTMLTuple2(v0, v1)
    }

    @inlinable
    public static func buildBlock<V0: HTML, V1: HTML, V2: HTML>(_ v0: consuming V0, _ v1: consuming V1, _ v2: consuming V2) -> _HTMLTuple3<V0, V1, V2> {
        _HTMLTuple3(v0, v1, v2)
    }

    @inlinable
    public static func buildBlock<V0: HTML, V1: HTML, V2: HTML, V3: HTML>(_ v0: consuming V0, _ v1: consuming V1, _ v2: consuming V2, _ v3: consuming V3) -> _HTMLTuple4<V0, V1, V2, V3> {
        _HTMLTuple4(v0, v1, v2, v3)
    }

    @inlinable
    public static func buildBlock<V0: HTML, V1: HTML, V2: HTML, V3: HTML, V4: HTML>(_ v0: consuming V0, _ v1: consuming V1, _ v2: consuming V2, _ v3: consuming V3, _ v4: consuming V4) -> _HTMLTuple5<V0, V1, V2, V3, V4> {
        _HTMLTuple5(v0, v1, v2, v3, v4)
    }

    @inlinable
    public static func buildBlock<V0: HTML, V1: HTML, V2: HTML, V3: HTML, V4: HTML, V5: HTML>(_ v0: consuming V0, _ v1: consuming V1, _ v2: consuming V2, _ v3: consuming V3, _ v4: consuming V4, _ v5: consuming V5) -> _HTMLTuple6<V0, V1, V2, V3, V4, V5> {
        _HTMLTuple6(v0, v1, v2, v3, v4, v5)
    }

    @inlinable
    public static func buildBlock<V0: HTML, V1: HTML, V2: HTML, V3: HTML, V4: HTML, V5: HTML, V6: HTML>(_ v0: consuming V0, _ v1: consuming V1, _ v2: consuming V2, _ v3: consuming V3, _ v4: consuming V4, _ v5: consuming V5, _ v6: consuming V6) -> _HTMLTuple7<V0, V1, V2, V3, V4, V5, V6> {
        _HTMLTuple7(v0, v1, v2, v3, v4, v5, v6)
    }

    @inlinable
    public static func buildBlock<V0: HTML, V1: HTML, V2: HTML, V3: HTML, V4: HTML, V5: HTML, V6: HTML, V7: HTML>(_ v0: consuming V0, _ v1: consuming V1, _ v2: consuming V2, _ v3: consuming V3, _ v4: consuming V4, _ v5: consuming V5, _ v6: consuming V6, _ v7: consuming V7) -> _HTMLTuple8<V0, V1, V2, V3, V4, V5, V6, V7> {
        _HTMLTuple8(v0, v1, v2, v3, v4, v5, v6, v7)
    }

}

// Fixed-arity tuples for blocks of 2…8 children.
//
// Why they exist next to the parameter-pack `_HTMLTuple`: in Swift 6.3 a
// `repeat each` expansion is lowered to a run-time loop over the pack, so
// every child is rendered through unspecialized generic code (metadata
// look-ups and value-witness copies on each render). Hand-rolled tuples are
// specialized end to end and render several times faster; the pack-based
// tuple still handles blocks with more than 8 children.

/// 2 sibling children; produced by ``HTMLBuilder``.
public struct _HTMLTuple2<V0: HTML, V1: HTML>: HTML {
    public let v0: V0
    public let v1: V1

    @inlinable
    public init(_ v0: V0, _ v1: V1) {
        self.v0 = v0
        self.v1 = v1
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: Self, into writer: inout HTMLWriter) {
        V0._render(html.v0, into: &writer)
        V1._render(html.v1, into: &writer)
    }
}

extension _HTMLTuple2: Sendable where V0: Sendable, V1: Sendable {}

/// 3 sibling children; produced by ``HTMLBuilder``.
public struct _HTMLTuple3<V0: HTML, V1: HTML, V2: HTML>: HTML {
    public let v0: V0
    public let v1: V1
    public let v2: V2

    @inlinable
    public init(_ v0: V0, _ v1: V1, _ v2: V2) {
        self.v0 = v0
        self.v1 = v1
        self.v2 = v2
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: Self, into writer: inout HTMLWriter) {
        V0._render(html.v0, into: &writer)
        V1._render(html.v1, into: &writer)
        V2._render(html.v2, into: &writer)
    }
}

extension _HTMLTuple3: Sendable where V0: Sendable, V1: Sendable, V2: Sendable {}

/// 4 sibling children; produced by ``HTMLBuilder``.
public struct _HTMLTuple4<V0: HTML, V1: HTML, V2: HTML, V3: HTML>: HTML {
    public let v0: V0
    public let v1: V1
    public let v2: V2
    public let v3: V3

    @inlinable
    public init(_ v0: V0, _ v1: V1, _ v2: V2, _ v3: V3) {
        self.v0 = v0
        self.v1 = v1
        self.v2 = v2
        self.v3 = v3
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: Self, into writer: inout HTMLWriter) {
        V0._render(html.v0, into: &writer)
        V1._render(html.v1, into: &writer)
        V2._render(html.v2, into: &writer)
        V3._render(html.v3, into: &writer)
    }
}

extension _HTMLTuple4: Sendable where V0: Sendable, V1: Sendable, V2: Sendable, V3: Sendable {}

/// 5 sibling children; produced by ``HTMLBuilder``.
public struct _HTMLTuple5<V0: HTML, V1: HTML, V2: HTML, V3: HTML, V4: HTML>: HTML {
    public let v0: V0
    public let v1: V1
    public let v2: V2
    public let v3: V3
    public let v4: V4

    @inlinable
    public init(_ v0: V0, _ v1: V1, _ v2: V2, _ v3: V3, _ v4: V4) {
        self.v0 = v0
        self.v1 = v1
        self.v2 = v2
        self.v3 = v3
        self.v4 = v4
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: Self, into writer: inout HTMLWriter) {
        V0._render(html.v0, into: &writer)
        V1._render(html.v1, into: &writer)
        V2._render(html.v2, into: &writer)
        V3._render(html.v3, into: &writer)
        V4._render(html.v4, into: &writer)
    }
}

extension _HTMLTuple5: Sendable where V0: Sendable, V1: Sendable, V2: Sendable, V3: Sendable, V4: Sendable {}

/// 6 sibling children; produced by ``HTMLBuilder``.
public struct _HTMLTuple6<V0: HTML, V1: HTML, V2: HTML, V3: HTML, V4: HTML, V5: HTML>: HTML {
    public let v0: V0
    public let v1: V1
    public let v2: V2
    public let v3: V3
    public let v4: V4
    public let v5: V5

    @inlinable
    public init(_ v0: V0, _ v1: V1, _ v2: V2, _ v3: V3, _ v4: V4, _ v5: V5) {
        self.v0 = v0
        self.v1 = v1
        self.v2 = v2
        self.v3 = v3
        self.v4 = v4
        self.v5 = v5
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: Self, into writer: inout HTMLWriter) {
        V0._render(html.v0, into: &writer)
        V1._render(html.v1, into: &writer)
        V2._render(html.v2, into: &writer)
        V3._render(html.v3, into: &writer)
        V4._render(html.v4, into: &writer)
        V5._render(html.v5, into: &writer)
    }
}

extension _HTMLTuple6: Sendable where V0: Sendable, V1: Sendable, V2: Sendable, V3: Sendable, V4: Sendable, V5: Sendable {}

/// 7 sibling children; produced by ``HTMLBuilder``.
public struct _HTMLTuple7<V0: HTML, V1: HTML, V2: HTML, V3: HTML, V4: HTML, V5: HTML, V6: HTML>: HTML {
    public let v0: V0
    public let v1: V1
    public let v2: V2
    public let v3: V3
    public let v4: V4
    public let v5: V5
    public let v6: V6

    @inlinable
    public init(_ v0: V0, _ v1: V1, _ v2: V2, _ v3: V3, _ v4: V4, _ v5: V5, _ v6: V6) {
        self.v0 = v0
        self.v1 = v1
        self.v2 = v2
        self.v3 = v3
        self.v4 = v4
        self.v5 = v5
        self.v6 = v6
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: Self, into writer: inout HTMLWriter) {
        V0._render(html.v0, into: &writer)
        V1._render(html.v1, into: &writer)
        V2._render(html.v2, into: &writer)
        V3._render(html.v3, into: &writer)
        V4._render(html.v4, into: &writer)
        V5._render(html.v5, into: &writer)
        V6._render(html.v6, into: &writer)
    }
}

extension _HTMLTuple7: Sendable where V0: Sendable, V1: Sendable, V2: Sendable, V3: Sendable, V4: Sendable, V5: Sendable, V6: Sendable {}

/// 8 sibling children; produced by ``HTMLBuilder``.
public struct _HTMLTuple8<V0: HTML, V1: HTML, V2: HTML, V3: HTML, V4: HTML, V5: HTML, V6: HTML, V7: HTML>: HTML {
    public let v0: V0
    public let v1: V1
    public let v2: V2
    public let v3: V3
    public let v4: V4
    public let v5: V5
    public let v6: V6
    public let v7: V7

    @inlinable
    public init(_ v0: V0, _ v1: V1, _ v2: V2, _ v3: V3, _ v4: V4, _ v5: V5, _ v6: V6, _ v7: V7) {
        self.v0 = v0
        self.v1 = v1
        self.v2 = v2
        self.v3 = v3
        self.v4 = v4
        self.v5 = v5
        self.v6 = v6
        self.v7 = v7
    }

    @inlinable public var content: EmptyHTML { EmptyHTML() }

    @inlinable
    public static func _render(_ html: Self, into writer: inout HTMLWriter) {
        V0._render(html.v0, into: &writer)
        V1._render(html.v1, into: &writer)
        V2._render(html.v2, into: &writer)
        V3._render(html.v3, into: &writer)
        V4._render(html.v4, into: &writer)
        V5._render(html.v5, into: &writer)
        V6._render(html.v6, into: &writer)
        V7._render(html.v7, into: &writer)
    }
}

extension _HTMLTuple8: Sendable where V0: Sendable, V1: Sendable, V2: Sendable, V3: Sendable, V4: Sendable, V5: Sendable, V6: Sendable, V7: Sendable {}

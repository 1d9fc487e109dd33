/// The attributes of one element, in order.
///
/// None or one attribute is stored inline, so building `p { … }` or
/// `div(.class("card")) { … }` allocates nothing; two or more (and lists
/// given as an array) are kept in an array. Most elements of a page have no
/// attribute or one, and a heap allocation per element was a measurable part
/// of rendering a page. More inline slots made rendering slower, not faster:
/// every element, even one without attributes, grows by each slot, and the
/// render path moves elements around by value.
///
/// Elements create their list from their initializers' arguments; it is a
/// collection, and an array literal creates one too.
public struct HTMLAttributeList: Sendable {
    @usableFromInline
    enum Storage: Sendable {
        case none
        case one(HTMLAttribute)
        case many([HTMLAttribute])
    }

    @usableFromInline
    var storage: Storage

    /// An empty list.
    @inlinable
    public init() {
        storage = .none
    }

    /// The list holding `attributes`, sharing the array's storage.
    @inlinable
    public init(_ attributes: [HTMLAttribute]) {
        storage = .many(attributes)
    }

    @inlinable
    init(_ a0: HTMLAttribute) {
        storage = .one(a0)
    }

    /// Two or more: one array (`more` is empty, not allocated, for exactly two).
    @inlinable
    init(_ a0: HTMLAttribute, _ a1: HTMLAttribute, _ more: [HTMLAttribute]) {
        var all: [HTMLAttribute] = []
        all.reserveCapacity(2 + more.count)
        all.append(a0)
        all.append(a1)
        all.append(contentsOf: more)
        storage = .many(all)
    }
}

extension HTMLAttributeList: RandomAccessCollection {
    @inlinable public var startIndex: Int { 0 }

    @inlinable
    public var endIndex: Int {
        switch storage {
        case .none: 0
        case .one: 1
        case let .many(attributes): attributes.count
        }
    }

    @inlinable
    public subscript(position: Int) -> HTMLAttribute {
        switch storage {
        case .none:
            break
        case let .one(a0):
            if position == 0 { return a0 }
        case let .many(attributes):
            return attributes[position]
        }
        preconditionFailure("HTMLAttributeList index \(position) out of range")
    }
}

extension HTMLAttributeList: ExpressibleByArrayLiteral {
    /// `element.attributes = [.id("x")]`
    @inlinable
    public init(arrayLiteral attributes: HTMLAttribute...) {
        self.init(attributes)
    }
}

/// The output buffer every ``HTML`` value renders into.
///
/// A manually grown byte buffer rather than `[UInt8]`: `Array.append`
/// re-checks uniqueness and capacity on every call, which dominated render
/// time for the many tiny appends (tags, quotes) a page makes. The writer is
/// `~Copyable` so two copies can never write through the same pointer, and
/// it is not `Sendable` because it is a transient, single-owner buffer.
public struct HTMLWriter: ~Copyable {
    @usableFromInline
    var base: UnsafeMutablePointer<UInt8>
    @usableFromInline
    var count: Int
    @usableFromInline
    var capacity: Int

    /// Creates an empty writer that reserves `capacity` bytes up front.
    @inlinable
    public init(capacity: Int = 8192) {
        self.capacity = Swift.max(capacity, 64)
        self.base = .allocate(capacity: self.capacity)
        self.count = 0
    }

    deinit {
        base.deallocate()
    }

    /// A copy of the UTF-8 bytes written so far.
    public var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    /// Number of bytes written so far.
    public var byteCount: Int { count }

    /// Ends writing and returns everything written.
    @inlinable
    public consuming func finish() -> [UInt8] {
        Array(UnsafeBufferPointer(start: base, count: count))
    }

    @usableFromInline
    mutating func grow(toFit extra: Int) {
        var newCapacity = capacity &* 2
        while newCapacity < count &+ extra { newCapacity &*= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inlinable
    mutating func append(_ source: UnsafePointer<UInt8>, count length: Int) {
        if count &+ length > capacity { grow(toFit: length) }
        (base + count).update(from: source, count: length)
        count &+= length
    }

    /// Appends fixed markup verbatim.
    @inlinable
    public mutating func append(_ markup: StaticString) {
        append(markup.utf8Start, count: markup.utf8CodeUnitCount)
    }

    /// Appends one byte verbatim.
    @inlinable
    public mutating func append(byte: UInt8) {
        if count == capacity { grow(toFit: 1) }
        base[count] = byte
        count &+= 1
    }

    /// Appends `markup` without any escaping. Only ``HTMLRaw`` should need
    /// this; everything else goes through the escaping functions.
    public mutating func appendUnescaped(_ markup: String) {
        withUTF8(markup) { $0.append($1, from: 0, to: $1.count) }
    }

    @usableFromInline
    mutating func append(_ source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        guard start < end, let source = source.baseAddress else { return }
        append(source + start, count: end - start)
    }

    /// Writes an opening tag; `openingTag` is `"<name"` without `>`.
    @inlinable
    public mutating func appendOpeningTag(_ openingTag: StaticString, attributes: borrowing HTMLAttributeList) {
        append(openingTag)
        if !attributes.isEmpty { appendAttributes(attributes) }
        append(byte: UInt8(ascii: ">"))
    }

    /// Writes an opening tag with attributes from an array.
    @inlinable
    public mutating func appendOpeningTag(_ openingTag: StaticString, attributes: [HTMLAttribute]) {
        appendOpeningTag(openingTag, attributes: HTMLAttributeList(attributes))
    }

    /// Writes each attribute as ` name="value"` (or ` name` for boolean ones).
    ///
    /// All `.class` attributes of one element are merged into a single
    /// `class="…"` (space separated) at the position of the first, because
    /// browsers would silently ignore every duplicate after the first.
    @usableFromInline
    mutating func appendAttributes(_ attributes: borrowing HTMLAttributeList) {
        switch attributes.storage {
        case .none:
            break
        case let .one(attribute):
            withUnsafePointer(to: attribute) { appendAttributes(UnsafeBufferPointer(start: $0, count: 1)) }
        case let .many(array):
            array.withUnsafeBufferPointer { appendAttributes($0) }
        }
    }

    /// One loop for both storages: the inline attribute is seen as a one-element
    /// buffer, an array through its own; neither is copied into a new array.
    private mutating func appendAttributes(_ attributes: UnsafeBufferPointer<HTMLAttribute>) {
        var classesWritten = false
        for index in attributes.indices {
            switch attributes[index].storage {
            case .skipped:
                continue
            case let .fixed(name, value):
                append(byte: UInt8(ascii: " "))
                append(name)
                appendAttributeValue(value)
            case let .fixedFlag(name):
                append(byte: UInt8(ascii: " "))
                append(name)
            case let .dynamic(name, value):
                append(byte: UInt8(ascii: " "))
                appendUnescaped(name)
                if let value { appendAttributeValue(value) }
            case let .prefixed(prefix, name, value):
                append(byte: UInt8(ascii: " "))
                append(prefix.text)
                appendUnescaped(name)
                appendAttributeValue(value)
            case .classes:
                if classesWritten { continue }
                classesWritten = true
                appendMergedClasses(UnsafeBufferPointer(rebasing: attributes[index...]))
            }
        }
    }

    private mutating func appendAttributeValue(_ value: String) {
        append("=\"")
        appendEscapedAttributeValue(value)
        append(byte: UInt8(ascii: "\""))
    }

    private mutating func appendMergedClasses(_ attributes: UnsafeBufferPointer<HTMLAttribute>) {
        append(" class=\"")
        var first = true
        for index in attributes.indices {
            guard case let .classes(value) = attributes[index].storage, !value.isEmpty else { continue }
            if !first { append(byte: UInt8(ascii: " ")) }
            first = false
            appendEscapedAttributeValue(value)
        }
        append(byte: UInt8(ascii: "\""))
    }
}

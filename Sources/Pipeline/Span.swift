/// A standoff range over a document's text, in UTF-8 code units.
///
/// Spans never hold `String.Index` values: offsets are plain integers, so a span stays valid
/// when the document is copied, serialized or rebuilt from the same bytes. `start` is inclusive,
/// `end` exclusive. Writers convert them to the offsets NIF 2.0 defines (Unicode code points).
///
/// ```swift
/// let doc = Document(id: "d1", text: "Nuctech in China")
/// doc.text(of: Span(start: 11, end: 16))  // "China"
/// ```
public struct Span: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The first UTF-8 offset of the span.
    public var start: Int
    /// The UTF-8 offset just past the span.
    public var end: Int

    /// Creates a span; `start` must not be greater than `end`.
    public init(start: Int, end: Int) {
        precondition(start >= 0 && start <= end, "invalid span \(start)..<\(end)")
        self.start = start
        self.end = end
    }

    /// The number of UTF-8 code units the span covers.
    public var length: Int { end - start }

    /// Whether the span covers no text.
    public var isEmpty: Bool { start == end }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: Span) -> Bool { other.start >= start && other.end <= end }

    /// Whether the two spans share at least one code unit.
    public func overlaps(_ other: Span) -> Bool { other.start < end && start < other.end }

    /// Orders spans by start, then by end.
    public static func < (lhs: Span, rhs: Span) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }

    public var description: String { "\(start)..<\(end)" }
}

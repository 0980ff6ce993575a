/// What kind of structural block a reader found.
public struct BlockKind: Hashable, Sendable, CustomStringConvertible {
    /// The kind's name, such as `paragraph` or `heading`.
    public let name: String

    /// Creates a block kind with the given name.
    public init(_ name: String) { self.name = name }

    public var description: String { name }

    /// A paragraph of running text.
    public static let paragraph = BlockKind("paragraph")
    /// A heading or a line that stands alone, such as "Vraag 1".
    public static let heading = BlockKind("heading")
    /// Page furniture: running heads, page numbers, colophon lines repeated on each page of a
    /// document extracted from PDF. Kept in the text, but no sentence runs into it and taggers skip it.
    public static let furniture = BlockKind("furniture")
}

/// A structural block of a document: a paragraph or a heading, with where it came from.
public struct Block: Hashable, Sendable {
    /// The block's text range.
    public var span: Span
    /// The kind of block.
    public var kind: BlockKind
    /// Where the block came from in the source, such as an XML element path (`/TEI/text/body/u/seg`).
    public var origin: String?

    /// Creates a block.
    public init(span: Span, kind: BlockKind = .paragraph, origin: String? = nil) {
        self.span = span
        self.kind = kind
        self.origin = origin
    }
}

/// The layer of structural blocks, in text order. Assigned by readers; sentence splitters never
/// let a sentence cross a block boundary.
public enum Blocks: AnnotationLayer {
    public typealias Value = [Block]
    public static let key = AnnotationKey.blocks
}

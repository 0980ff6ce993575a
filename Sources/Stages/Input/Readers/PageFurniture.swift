/// Which lines of a plain text are page furniture: page numbers, running heads and other lines a
/// PDF extraction leaves between the paragraphs.
///
/// A reader makes each such line a block of its own, of kind ``BlockKind/furniture``, so that it
/// splits no sentence and starts no structure. The standard pipeline reads Dutch parliamentary
/// papers and uses ``parliamentaryPapers``; a reader of other texts keeps ``noLines`` or gives its own:
///
/// ```swift
/// let pageNumbers = PageFurniture { line in !line.isEmpty && line.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
/// ```
public struct PageFurniture: Sendable {
    private let isFurniture: @Sendable (UnsafeBufferPointer<UInt8>) -> Bool

    /// Page furniture as a test of a line's UTF-8 bytes, trimmed of surrounding white space. The
    /// bytes are valid only during the call: the test must not keep them.
    public init(_ isFurniture: @escaping @Sendable (_ line: UnsafeBufferPointer<UInt8>) -> Bool) {
        self.isFurniture = isFurniture
    }

    /// No line is page furniture.
    public static let noLines = PageFurniture { _ in false }

    /// Whether a line (its UTF-8 bytes, trimmed of surrounding white space, valid during the
    /// call) is page furniture.
    public func contains(_ line: UnsafeBufferPointer<UInt8>) -> Bool { isFurniture(line) }
}

public import Pipeline

/// What every reader is told: where document IRIs are made, how large a source may be, how text
/// that is not UTF-8 is read, and which lines of plain text are page furniture.
///
/// One value serves all readers: ``DocumentReader`` hands its options to the reader it picks,
/// so the text, TEI, official-publication and XML readers never disagree on a limit or a
/// namespace.
///
/// ```swift
/// var options = ReaderOptions()
/// options.maximumBytes = 8 << 20
/// options.pageFurniture = .parliamentaryPapers
/// let reader = DocumentReader(options: options)
/// ```
public struct ReaderOptions: Sendable {
    /// The namespace under which document IRIs are made.
    public var documentBase: String
    /// Sources larger than this many bytes fail with ``StageError/Code/tooLarge``.
    public var maximumBytes: Int
    /// Whether plain text that is not UTF-8 is read as Windows-1252 (with a warning) instead of
    /// failing. XML is read in the encoding its declaration names.
    public var windows1252Fallback: Bool
    /// Which lines of plain text are page furniture (blocks of kind ``BlockKind/furniture``, kept
    /// out of the running text): none by default.
    public var pageFurniture: PageFurniture

    /// Creates options.
    public init(
        documentBase: String = Document.defaultBase, maximumBytes: Int = 64 << 20, windows1252Fallback: Bool = false,
        pageFurniture: PageFurniture = .noLines
    ) {
        self.documentBase = documentBase
        self.maximumBytes = maximumBytes
        self.windows1252Fallback = windows1252Fallback
        self.pageFurniture = pageFurniture
    }
}

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

    /// Page furniture as a test of a line's UTF-8 bytes, trimmed of surrounding white space.
    public init(_ isFurniture: @escaping @Sendable (_ line: UnsafeBufferPointer<UInt8>) -> Bool) {
        self.isFurniture = isFurniture
    }

    /// No line is page furniture.
    public static let noLines = PageFurniture { _ in false }

    /// Whether a line (its UTF-8 bytes, trimmed of surrounding white space) is page furniture.
    public func contains(_ line: UnsafeBufferPointer<UInt8>) -> Bool { isFurniture(line) }
}

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

public import Pipeline

/// A document before it is read: where its bytes are, and what format they are in.
///
/// A ``CorpusSource`` yields these lazily; a reader stage turns each into a ``Document``.
public struct SourceDocument: DocumentIdentified, Hashable {
    /// Where the bytes are.
    public enum Content: Hashable, Sendable {
        /// A file on disk, by path.
        case file(String)
        /// Text given directly (from standard input, or a test).
        case text(String)
        /// Bytes given directly.
        case bytes([UInt8])
        /// Nothing could be had for this document; the reason is reported when it is read.
        case unreadable(String)
    }

    /// The document's identifier: its path relative to the corpus root's parent.
    public var id: String
    /// Where the bytes are.
    public var content: Content
    /// The format, from the extension or given by the caller.
    public var format: DocumentFormat
    /// The size in bytes, when known before reading (a file's size on disk).
    public var size: Int?

    /// Creates a source document.
    public init(id: String, content: Content, format: DocumentFormat = .text, size: Int? = nil) {
        self.id = id
        self.content = content
        self.format = format
        switch content {
        case .text(let text): self.size = size ?? text.utf8.count
        case .bytes(let bytes): self.size = size ?? bytes.count
        case .file, .unreadable: self.size = size
        }
    }

    /// Creates a plain-text document from its id and text: `SourceDocument(id: "a", text: "…")`.
    public init(id: String, text: String) {
        self.init(id: id, content: .text(text))
    }

    public var documentID: String { id }

    public var byteCount: Int? { size }
}

/// A document format TextGraph can read.
public struct DocumentFormat: Hashable, Sendable, CustomStringConvertible {
    /// The format's short name (`txt`, `xml`).
    public let name: String

    /// Creates a format with the given name.
    public init(_ name: String) { self.name = name }

    public var description: String { name }

    /// Plain text (`.txt`, `.text`, `.md`).
    public static let text = DocumentFormat("txt")
    /// XML (`.xml`).
    public static let xml = DocumentFormat("xml")

    /// The format for a file name's extension, or `nil` when TextGraph does not read it.
    public static func forPath(_ path: String) -> DocumentFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "txt", "text", "md": return .text
        case "xml": return .xml
        default: return nil
        }
    }
}

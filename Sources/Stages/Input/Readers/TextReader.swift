import Foundation
public import Pipeline
import TextGraphSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads plain-text documents: UTF-8 (with or without byte-order mark) or UTF-16 with a
/// byte-order mark, any line ends.
///
/// The text is normalized by ``TextDecoder``; paragraphs separated by blank lines become
/// ``Blocks`` (``Paragraphs``), and the lines its options' ``ReaderOptions/pageFurniture`` holds
/// are blocks of their own. Empty, binary, oversized and wrongly encoded files fail with a
/// ``StageError`` that names the reason; the runner records it against the document and goes on.
///
/// ```swift
/// var harness = StageHarness(TextReader())
/// let docs = try await harness.feed(SourceDocument(id: "a.txt", content: .text("Vraag 1\r\n\r\nJa.")))
/// docs[0].text  // "Vraag 1\n\nJa."
/// ```
public struct TextReader: BytesReader {
    public typealias Input = SourceDocument
    public typealias Output = Document

    /// What it is told: the namespace, the size limit, the Windows-1252 fallback, page furniture.
    public var options: ReaderOptions

    /// Creates a reader.
    public init(options: ReaderOptions) {
        self.options = options
    }

    /// Creates a reader that knows no page furniture.
    public init(
        documentBase: String = Document.defaultBase, maximumBytes: Int = 64 << 20, windows1252Fallback: Bool = false
    ) {
        self.init(
            options: ReaderOptions(
                documentBase: documentBase, maximumBytes: maximumBytes, windows1252Fallback: windows1252Fallback))
    }

    /// Whether text that is not UTF-8 is read as Windows-1252 (``ReaderOptions/windows1252Fallback``).
    public var windows1252Fallback: Bool {
        get { options.windows1252Fallback }
        set { options.windows1252Fallback = newValue }
    }

    public var assigns: Set<AnnotationKey> { [.text, .blocks] }

    public func read(_ bytes: [UInt8], of input: SourceDocument, context: StageContext) throws -> Document {
        let (text, encoding) = try TextDecoder.decode(bytes, windows1252Fallback: windows1252Fallback)
        if encoding != "UTF-8" { context.warn("decoded as \(encoding)") }
        var document = Document(
            id: input.id,
            text: text,
            iri: Document.iri(forID: input.id, base: documentBase),
            metadata: DocumentMetadata(source: input.id, format: input.format.name)
        )
        document[Blocks.self] = Paragraphs.blocks(in: text, furniture: options.pageFurniture)
        return document
    }
}

/// Reads the bytes of a source document, enforcing a size limit before reading.
enum SourceBytes {
    static func read(_ source: SourceDocument, maximumBytes: Int) throws -> [UInt8] {
        switch source.content {
        case .text(let text):
            return try checked(Array(text.utf8), maximumBytes)
        case .bytes(let bytes):
            return try checked(bytes, maximumBytes)
        case .unreadable(let reason):
            throw StageError(.unreadable, reason)
        case .file(let path):
            // POSIX calls: one open that cannot block (a FIFO would wait for a writer forever),
            // one fstat of what was opened, reads straight into the array.
            let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
            guard descriptor >= 0 else {
                throw StageError(.unreadable, "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            var info = stat()
            guard fstat(descriptor, &info) == 0 else {
                throw StageError(.unreadable, "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                throw StageError(.unreadable, "\(path) is \(FileStatus.kind(info.st_mode)), not a regular file")
            }
            if Int(info.st_size) > maximumBytes {
                throw tooLarge(Int(info.st_size), maximumBytes)
            }
            // Up to one byte more than the limit, to tell a file that grew past it.
            let limit = maximumBytes + 1
            var bytes: [UInt8] = []
            var capacity = min(max(Int(info.st_size), 0) + 1, limit)
            while true {
                let start = bytes.count
                let room = capacity - start
                var failure: Int32 = 0
                bytes.append(contentsOf: repeatElement(0, count: room))
                let count = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
                    let n = SourceBytes.readFile(descriptor, buffer.baseAddress! + start, room)
                    if n < 0 { failure = errno }
                    return n
                }
                if count < 0 {
                    if failure == EINTR {
                        bytes.removeLast(room)
                        continue
                    }
                    throw StageError(.unreadable, "cannot read \(path): \(String(cString: strerror(failure)))")
                }
                bytes.removeLast(room - count)
                if count == 0 || bytes.count >= limit { break }
                if bytes.count == capacity { capacity = min(capacity * 2, limit) }
            }
            return try checked(bytes, maximumBytes)
        }
    }

    /// The system's `read(2)`.
    private static func readFile(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(descriptor, buffer, count)
        #else
            Darwin.read(descriptor, buffer, count)
        #endif
    }

    private static func checked(_ bytes: [UInt8], _ maximumBytes: Int) throws -> [UInt8] {
        if bytes.count > maximumBytes { throw tooLarge(bytes.count, maximumBytes) }
        return bytes
    }

    private static func tooLarge(_ size: Int, _ maximum: Int) -> StageError {
        StageError(
            .tooLarge, "the document has \(size) bytes, more than the maximum of \(maximum) (see --max-document-size)")
    }
}

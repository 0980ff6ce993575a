import Foundation
public import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads plain-text documents: UTF-8 (with or without byte-order mark) or UTF-16 with a
/// byte-order mark, any line ends.
///
/// The text is normalized by ``TextDecoder``; paragraphs separated by blank lines become
/// ``Blocks``. Empty, binary, oversized and wrongly encoded files fail with a ``StageError``
/// that names the reason; the runner records it against the document and goes on.
///
/// ```swift
/// var harness = StageHarness(TextReader())
/// let docs = try await harness.feed(SourceDocument(id: "a.txt", content: .text("Vraag 1\r\n\r\nJa.")))
/// docs[0].text  // "Vraag 1\n\nJa."
/// ```
public struct TextReader: BytesReader {
    public typealias Input = SourceDocument
    public typealias Output = Document

    /// The namespace under which document IRIs are made.
    public var documentBase: String
    /// Documents larger than this many bytes fail with ``StageError/Code/tooLarge``.
    public var maximumBytes: Int
    /// Whether text that is not UTF-8 is read as Windows-1252 (with a warning) instead of failing.
    public var windows1252Fallback: Bool

    /// Creates a reader.
    public init(
        documentBase: String = Document.defaultBase, maximumBytes: Int = 64 << 20, windows1252Fallback: Bool = false
    ) {
        self.documentBase = documentBase
        self.maximumBytes = maximumBytes
        self.windows1252Fallback = windows1252Fallback
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
        document[Blocks.self] = TextReader.paragraphs(in: text)
        return document
    }

    /// The paragraphs of a text: runs of lines separated by lines that hold only white space or
    /// by a form feed (a page break), each trimmed of surrounding white space. A line of page
    /// furniture (see ``isPageFurniture(_:)``) is a block of its own, of kind
    /// ``BlockKind/furniture``.
    public static func paragraphs(in text: String) -> [Block] {
        var blocks: [Block] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var lineStart = 0
            var blockStart: Int? = nil
            var blockEnd = 0
            func closeBlock() {
                if let start = blockStart { blocks.append(Block(span: Span(start: start, end: blockEnd))) }
                blockStart = nil
            }
            // Lines end at a line feed or a form feed: memchr finds the next of each, many bytes at
            // a time; form feeds are rare, so the next one is looked up again only once passed.
            let count = bytes.count
            var nextFormFeed = -1
            while true {
                if nextFormFeed < lineStart {
                    nextFormFeed = ByteSearch.firstOffset(of: 0x0C, in: bytes, from: lineStart, to: count) ?? count
                }
                let i = ByteSearch.firstOffset(of: 0x0A, in: bytes, from: lineStart, to: nextFormFeed) ?? nextFormFeed
                var first = lineStart
                var last = i
                while first < last && TextDecoder.isASCIIWhitespace(bytes[first]) { first += 1 }
                while last > first && TextDecoder.isASCIIWhitespace(bytes[last - 1]) { last -= 1 }
                if first == last {
                    closeBlock()
                } else if isPageFurniture(UnsafeBufferPointer(rebasing: bytes[first..<last])) {
                    closeBlock()
                    blocks.append(Block(span: Span(start: first, end: last), kind: .furniture))
                } else {
                    if blockStart == nil { blockStart = first }
                    blockEnd = last
                }
                guard i < count else { break }
                if bytes[i] == 0x0C { closeBlock() }
                lineStart = i + 1
            }
            closeBlock()
        }
        return blocks
    }

    /// Whether a line is page furniture of Dutch parliamentary papers extracted from PDF: a page
    /// number alone, a running head ("Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1"), an
    /// ISSN line, or a document code alone ("ah-tk-20242025-594").
    public static func isPageFurniture(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !line.isEmpty, line.count <= 200 else { return false }
        if line.count <= 4 && line.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        // Every other kind starts with one of these prefixes or holds ", vergaderjaar ": test the
        // bytes before making a `String` of the line.
        guard
            ByteSearch.hasPrefix(line, "ISSN ") || ByteSearch.hasPrefix(line, "ah-tk-")
                || ByteSearch.hasPrefix(line, "kv-tk-")
                || ByteSearch.hasPrefix(line, "kst-") || ByteSearch.contains(line, ", vergaderjaar ")
        else { return false }
        if ByteSearch.searchesAsBytes(line) {
            // Text whose characters are each one scalar Foundation compares as bytes (see
            // ByteSearch.searchesAsBytes): the same tests on the bytes, characters counted as scalars.
            if ByteSearch.hasPrefix(line, "ISSN ") { return true }
            if (ByteSearch.hasPrefix(line, "ah-tk-") || ByteSearch.hasPrefix(line, "kv-tk-")
                || ByteSearch.hasPrefix(line, "kst-"))
                && !line.contains(0x20)
            {
                return true
            }
            return ByteSearch.contains(line, ", vergaderjaar ")
                && (ByteSearch.contains(line, "Aanhangsel") || ByteSearch.contains(line, ", nr."))
                && ByteSearch.scalarCount(line, from: 0, to: line.count) < 120
        }
        return isPageFurniture(characters: String(decoding: line, as: UTF8.self))
    }

    /// ``isPageFurniture(_:)``'s tests on characters, for lines with other characters.
    static func isPageFurniture(characters text: String) -> Bool {
        if text.hasPrefix("ISSN ") { return true }
        if (text.hasPrefix("ah-tk-") || text.hasPrefix("kv-tk-") || text.hasPrefix("kst-")) && !text.contains(" ") {
            return true
        }
        if text.contains(", vergaderjaar ") && (text.contains("Aanhangsel") || text.contains(", nr."))
            && text.count < 120
        {
            return true
        }
        return false
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

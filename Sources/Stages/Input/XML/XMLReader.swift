public import Pipeline
import TextGraphSupport

/// Reads the text of any XML document through libxml2's streaming reader.
///
/// Block elements become paragraphs separated by a blank line, headings become heading blocks,
/// skipped elements (headers, metadata by default) are left out, and each block keeps the
/// element path it came from (`/TEI/text/body/div/u/seg`) in ``Block/origin`` for provenance.
/// The document is never held as a tree. Malformed XML fails with libxml2's reason and line;
/// external entities and DTDs are never loaded.
///
/// Use ``TEIReader`` for TEI corpora (speakers, gold annotations) and
/// ``OfficialPublicationReader`` for Dutch official publications; ``DocumentReader`` picks the
/// right one by the root element.
public struct XMLReader: BytesReader {
    public typealias Input = SourceDocument
    public typealias Output = Document

    /// What makes blocks and what is skipped.
    public var rules: XMLReadingRules
    /// What it is told, as every reader: the namespace of document IRIs and the size limit.
    public var options: ReaderOptions

    /// Creates a reader.
    public init(rules: XMLReadingRules = .generic, options: ReaderOptions) {
        self.rules = rules
        self.options = options
    }

    /// Creates a reader.
    public init(
        rules: XMLReadingRules = .generic, documentBase: String = Document.defaultBase, maximumBytes: Int = 64 << 20
    ) {
        self.init(rules: rules, options: ReaderOptions(documentBase: documentBase, maximumBytes: maximumBytes))
    }

    public var assigns: Set<AnnotationKey> { [.text, .blocks] }

    public func read(_ bytes: [UInt8], of input: SourceDocument, context: StageContext) throws -> Document {
        var extraction = try XMLTextExtraction(bytes: bytes, rules: rules)
        try extraction.run()
        extraction.warnAboutEntities(context)
        return try extraction.document(id: input.id, base: documentBase, format: "xml")
    }
}

/// Walks an XML document and assembles its text by ``XMLReadingRules``; shared by the XML readers.
struct XMLTextExtraction {
    let cursor: XMLCursor
    let rules: XMLReadingRules
    var assembler = TextAssembler()
    var path: [String] = []
    var skipDepth = 0
    var textDepth = 0
    var rootName: String?
    /// Utterances found by hooks (speeches in debates).
    var utterances: [Utterance] = []
    /// Metadata found by hooks.
    var metadata = DocumentMetadata()
    /// Free state for hooks: the start of the utterance being read and its speaker.
    var openUtterance: (start: Int, speaker: String?)? = nil
    /// Called at each element start (after the path is updated) with the extraction and the element's name.
    var onStart: ((inout XMLTextExtraction, String) -> Void)?
    /// Called at each element end (before the path is updated).
    var onEnd: ((inout XMLTextExtraction, String) -> Void)?

    init(bytes: [UInt8], rules: XMLReadingRules) throws {
        cursor = try XMLCursor(bytes: bytes)
        self.rules = rules
    }

    var origin: String { "/" + path.joined(separator: "/") }

    /// Empty elements that stand for a line or page break: words on either side stay apart.
    static let breakElements: Set<String> = ["lb", "br", "pb", "cb", "sbr"]

    mutating func run() throws {
        var text: [UInt8] = []
        while try cursor.read() {
            switch cursor.kind {
            case .elementStart:
                let name = cursor.name
                if rootName == nil { rootName = name }
                let headingHere = skipDepth == 0 && isHeading(name, inside: path.last)
                if skipDepth > 0 || (rules.skipElements.contains(name) && !headingHere) {
                    if !cursor.isEmptyElement { skipDepth += 1 }
                    continue
                }
                path.append(name)
                if rules.textElements?.contains(name) == true { textDepth += 1 }
                if rules.headingElements.contains(name) || headingHere {
                    assembler.beginBlock(kind: .heading, origin: origin)
                } else if rules.blockElements.contains(name) {
                    assembler.beginBlock(kind: .paragraph, origin: origin)
                }
                if let hook = onStart { hook(&self, name) }
                if cursor.isEmptyElement { close(name) }
            case .elementEnd:
                if skipDepth > 0 {
                    skipDepth -= 1
                    continue
                }
                close(cursor.name)
            case .text:
                guard skipDepth == 0, rules.textElements == nil || textDepth > 0 else { continue }
                text.removeAll(keepingCapacity: true)
                cursor.appendText(to: &text)
                assembler.append(text)
            case .entityReference, .other:
                continue
            }
        }
        assembler.endBlock()
    }

    private mutating func close(_ name: String) {
        if let hook = onEnd { hook(&self, name) }
        let parent = path.count >= 2 ? path[path.count - 2] : nil
        if rules.headingElements.contains(name) || rules.blockElements.contains(name) || isHeading(name, inside: parent)
        {
            assembler.endBlock()
        } else if XMLTextExtraction.breakElements.contains(name) {
            assembler.separate()
        }
        if rules.textElements?.contains(name) == true { textDepth -= 1 }
        if !path.isEmpty { path.removeLast() }
    }

    /// Whether an element is a heading in its parent by ``XMLReadingRules/headingElementsInside``.
    private func isHeading(_ name: String, inside parent: String?) -> Bool {
        guard let parent, let parents = rules.headingElementsInside[name] else { return false }
        return parents.contains(parent)
    }

    /// Warns once about entity references that were left out (TextGraph never expands entities
    /// declared in a DTD, so that no external entity is read and no entity bomb goes off).
    func warnAboutEntities(_ context: StageContext) {
        let names = cursor.unexpandedEntities
        guard !names.isEmpty else { return }
        let listed = Array(Set(names)).sorted().prefix(5).map { "&\($0);" }.joined(separator: ", ")
        context.warn(
            "left out \(names.count) entity reference(s) declared in a DTD (\(listed)); entities are never expanded")
    }

    /// The document built from what was read.
    func document(id: String, base: String, format: String) throws -> Document {
        guard !assembler.bytes.isEmpty else {
            throw StageError(.emptyDocument, "the XML document holds no text (root element <\(rootName ?? "?")>)")
        }
        var metadata = self.metadata
        metadata.source = id
        metadata.format = format
        var document = Document(
            id: id, text: assembler.text, iri: Document.iri(forID: id, base: base), metadata: metadata)
        document[Blocks.self] = assembler.blocks
        if !utterances.isEmpty { document[Utterances.self] = utterances }
        return document
    }
}

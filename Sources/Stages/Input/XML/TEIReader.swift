public import Pipeline
import TextGraphSupport

/// Reads TEI parliamentary corpora such as ParlaMint: utterances and their speakers, the header's
/// title, date and house, and, in linguistically annotated `.ana` files, the source's own
/// sentences, tokens and names as gold layers.
///
/// - `<seg>` elements become paragraphs and `<head>` headings; `<note>` (speaker labels,
///   comments, times), `<gap>` and non-verbal `<kinesic>`/`<vocal>`/`<incident>` are left out
///   unless ``includeNotes`` is set (then notes become blocks of their own).
/// - `<u who="#KhadijaArib" ana="#chair">` becomes an ``Utterance``; with a person list
///   (``TEIPersonList``) the speaker's full name is filled in.
/// - In `.ana` files the text is rebuilt from `<w>` and `<pc>` (a space after each token unless
///   `join="right"`), and `<s>`, `<w>`/`<pc>` and `<name type="PER">` become ``GoldSentences``,
///   ``GoldTokens`` and ``GoldMentions`` for evaluations.
public struct TEIReader: BytesReader {
    public typealias Input = SourceDocument
    public typealias Output = Document

    /// Speakers by `xml:id`, from a TEI person list.
    public var people: [String: TEIPerson]
    /// Whether notes (speaker labels, stage directions, times) are kept as blocks.
    public var includeNotes: Bool
    /// What it is told, as every reader: the namespace of document IRIs and the size limit.
    public var options: ReaderOptions

    /// Creates a reader.
    public init(people: [TEIPerson] = [], includeNotes: Bool = false, options: ReaderOptions) {
        self.people = Dictionary(people.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.includeNotes = includeNotes
        self.options = options
    }

    /// Creates a reader.
    public init(
        people: [TEIPerson] = [], includeNotes: Bool = false, documentBase: String = Document.defaultBase,
        maximumBytes: Int = 64 << 20
    ) {
        self.init(
            people: people, includeNotes: includeNotes,
            options: ReaderOptions(documentBase: documentBase, maximumBytes: maximumBytes))
    }

    public var assigns: Set<AnnotationKey> { [.text, .blocks, Utterances.key] }

    public func read(_ bytes: [UInt8], of input: SourceDocument, context: StageContext) throws -> Document {
        try document(bytes, of: input)
    }

    /// Reads one TEI document (the work of ``process(_:context:emit:)``, without a pipeline).
    public func read(_ input: SourceDocument) throws -> Document {
        try document(try SourceBytes.read(input, maximumBytes: maximumBytes), of: input)
    }

    private func document(_ bytes: [UInt8], of input: SourceDocument) throws -> Document {
        var parse = TEIParse(cursor: try XMLCursor(bytes: bytes), people: people, includeNotes: includeNotes)
        try parse.run()
        guard parse.root == "TEI" || parse.root == "teiCorpus" else {
            throw StageError(
                .malformedInput, "not a TEI document: the root element is <\(parse.root ?? "?")>, not <TEI>")
        }
        guard !parse.text.bytes.isEmpty else { throw StageError(.emptyDocument, "the TEI document holds no text") }
        var document = Document(
            id: input.id,
            text: parse.text.text,
            iri: Document.iri(forID: input.id, base: documentBase),
            metadata: parse.metadata
        )
        document.metadata.source = input.id
        document[Blocks.self] = parse.text.blocks
        document[Utterances.self] = parse.utterances
        if parse.isAnnotated {
            document[GoldSentences.self] = parse.sentences
            document[GoldTokens.self] = parse.tokens
            document[GoldMentions.self] = parse.names
        }
        return document
    }
}

/// The state of reading one TEI document.
private struct TEIParse {
    let cursor: XMLCursor
    let people: [String: TEIPerson]
    let includeNotes: Bool
    var text = TextAssembler()
    var root: String?
    var metadata = DocumentMetadata(format: "tei")
    var utterances: [Utterance] = []
    var sentences: [Sentence] = []
    var tokens: [Token] = []
    var names: [Mention] = []
    var isAnnotated = false

    private var path: [String] = []
    /// How many open elements of the path are `teiHeader`, and how many are `text` (counted as
    /// the path changes, so that no test looks through it).
    private var headerDepth = 0
    private var textDepth = 0
    /// The last ``origin`` made, and the path it was made for.
    private var cachedOrigin: (path: [String], origin: String)? = nil
    private var skipDepth = 0
    private var headerField: String?
    private var headerValue: [UInt8] = []
    private var titleIsPreferred = false
    private var utterance: (start: Int?, who: String?, role: String?)? = nil
    private var sentenceStart: Int? = nil
    private var nameStack: [(type: String, start: Int?)] = []
    private var tokenBytes: [UInt8] = []
    private var inToken: (kind: TokenKind, joinRight: Bool)? = nil
    private var joinNext = false

    init(cursor: XMLCursor, people: [String: TEIPerson], includeNotes: Bool) {
        self.cursor = cursor
        self.people = people
        self.includeNotes = includeNotes
    }

    private static let nonVerbal: Set<String> = ["gap", "kinesic", "vocal", "incident", "linkGrp", "fw", "pb"]

    private var inHeader: Bool { headerDepth > 0 }

    /// The element path of the current element, as a block's origin (`/TEI/text/body/div/u/seg`).
    private var origin: String {
        mutating get {
            // Blocks mostly come from elements at one path, one after another.
            if let cachedOrigin, cachedOrigin.path == path { return cachedOrigin.origin }
            let origin = "/" + path.joined(separator: "/")
            cachedOrigin = (path, origin)
            return origin
        }
    }

    private mutating func push(_ name: String) {
        path.append(name)
        if name == "teiHeader" { headerDepth += 1 } else if name == "text" { textDepth += 1 }
    }

    private mutating func pop() {
        let name = path.removeLast()
        if name == "teiHeader" { headerDepth -= 1 } else if name == "text" { textDepth -= 1 }
    }

    mutating func run() throws {
        while try cursor.read() {
            switch cursor.kind {
            case .elementStart:
                let name = cursor.name
                if root == nil {
                    root = name
                    metadata.identifier = cursor.attribute("xml:id")
                }
                if skipDepth > 0 || TEIParse.nonVerbal.contains(name) || (name == "note" && !includeNotes && !inHeader)
                {
                    if !cursor.isEmptyElement { skipDepth += 1 }
                    continue
                }
                push(name)
                if inHeader { startHeaderElement(name) } else { startTextElement(name) }
                if cursor.isEmptyElement { try end(name) }
            case .elementEnd:
                if skipDepth > 0 {
                    skipDepth -= 1
                    continue
                }
                try end(cursor.name)
            case .text:
                guard skipDepth == 0 else { continue }
                if headerField != nil {
                    cursor.appendText(to: &headerValue)
                } else if inToken != nil {
                    cursor.appendText(to: &tokenBytes)
                } else if !inHeader && textDepth > 0 {
                    if isAnnotated && path.last == "s" || path.last == "name" && isAnnotated {
                        continue  // white space between tokens in .ana files
                    }
                    cursor.withText { value in
                        if utterance?.start == nil, value.contains(where: { $0 > 0x20 }) {
                            utterance?.start = text.nextOffset
                        }
                        text.append(value)
                    }
                }
            case .entityReference, .other:
                continue
            }
        }
        text.endBlock()
    }

    private mutating func startHeaderElement(_ name: String) {
        switch name {
        case "title" where path.dropLast().last == "titleStmt":
            let preferred = cursor.attribute("type") != "sub" && cursor.attribute("xml:lang") == "nl"
            if metadata.title == nil || (preferred && !titleIsPreferred) {
                headerField = "title"
                headerValue.removeAll()
                titleIsPreferred = preferred
            }
        case "meeting":
            let ana = cursor.attribute("ana") ?? ""
            if ByteSearch.string(ana, contains: "#parla.lower") { metadata.properties["house"] = "Tweede Kamer" }
            if ByteSearch.string(ana, contains: "#parla.upper") { metadata.properties["house"] = "Eerste Kamer" }
        case "date":
            if let when = cursor.attribute("when"),
                path.contains("sourceDesc") || (metadata.date == nil && path.contains("setting"))
            {
                metadata.date = when
            }
        default:
            break
        }
    }

    private mutating func startTextElement(_ name: String) {
        switch name {
        case "head":
            text.beginBlock(kind: .heading, origin: origin)
        case "seg", "p", "note":
            text.beginBlock(kind: .paragraph, origin: origin)
        case "u":
            text.endBlock()
            let who = cursor.attribute("who").map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }
            let role = cursor.attribute("ana").map {
                $0.split(separator: " ").first.map { $0.hasPrefix("#") ? String($0.dropFirst()) : String($0) } ?? $0
            }
            utterance = (nil, who, role)
        case "s":
            isAnnotated = true
            sentenceStart = nil
        case "w", "pc":
            isAnnotated = true
            inToken = (name == "pc" ? .punctuation : .word, cursor.attribute("join") == "right")
            tokenBytes.removeAll(keepingCapacity: true)
        case "name":
            nameStack.append((cursor.attribute("type") ?? "MISC", nil))
        default:
            break
        }
    }

    private mutating func end(_ name: String) throws {
        if inHeader {
            if headerField == name {
                let value = String(decoding: headerValue, as: UTF8.self).trimmingWhitespace
                if !value.isEmpty { metadata.title = value }
                headerField = nil
            }
            pop()
            return
        }
        switch name {
        case "w", "pc":
            if let token = inToken, let span = text.appendWord(tokenBytes, spaceBefore: !joinNext) {
                var kind = token.kind
                if kind == .word, tokenBytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 || $0 == 0x2E || $0 == 0x2C }) {
                    kind = .number
                }
                tokens.append(Token(span: span, kind: kind))
                if sentenceStart == nil { sentenceStart = span.start }
                if utterance?.start == nil { utterance?.start = span.start }
                for k in nameStack.indices where nameStack[k].start == nil { nameStack[k].start = span.start }
                joinNext = token.joinRight
            }
            inToken = nil
        case "s":
            if let start = sentenceStart, let last = tokens.last {
                sentences.append(Sentence(span: Span(start: start, end: last.span.end)))
            }
            sentenceStart = nil
            joinNext = false
        case "name":
            if let name = nameStack.popLast(), let start = name.start, let last = tokens.last, last.span.end > start {
                names.append(
                    Mention(
                        span: Span(start: start, end: last.span.end),
                        entityClass: IRI(Vocabulary.Namespace.tg.iri + name.type),
                        source: "TEI"
                    )
                )
            }
        case "head", "seg", "p", "note":
            text.endBlock()
            joinNext = false
        case "u":
            text.endBlock()
            if let current = utterance, let start = current.start, text.bytes.count > start {
                var end = text.bytes.count
                while end > start && text.bytes[end - 1] == 0x20 { end -= 1 }
                let speaker = current.who.flatMap { people[$0]?.fullName }
                utterances.append(
                    Utterance(
                        span: Span(start: start, end: end), speakerID: current.who, speakerName: speaker,
                        role: current.role))
            }
            utterance = nil
        default:
            break
        }
        pop()
    }
}

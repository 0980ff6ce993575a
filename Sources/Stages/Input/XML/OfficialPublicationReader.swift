public import Pipeline
import TextGraphSupport

/// Reads Dutch official-publication XML (officielebekendmakingen: Handelingen, Kamerstukken,
/// Aanhangsel), repairing common damage with a warning.
///
/// Paragraphs (`<al>`) are blocks; titles (`<item-titel>`, `<titel>`, `<kop>`) and speaker lines
/// (`<spreker>`) are headings; each `<spreekbeurt>` becomes an ``Utterance`` with its speaker's
/// name as the speaker line gives it. The publication's identifier (`h-tk-20172018-70-2`) comes
/// from its metadata record and the first title becomes the document's title.
///
/// Damaged copies are repaired where that is safe (``XMLRepair``: a damaged byte-order mark,
/// double-encoded UTF-8) and reported as warnings; a file still malformed after that fails with
/// libxml2's reason and line.
public struct OfficialPublicationReader: BytesReader {
    public typealias Input = SourceDocument
    public typealias Output = Document

    /// What it is told, as every reader: the namespace of document IRIs and the size limit.
    public var options: ReaderOptions

    /// Creates a reader.
    public init(options: ReaderOptions) {
        self.options = options
    }

    /// Creates a reader.
    public init(documentBase: String = Document.defaultBase, maximumBytes: Int = 64 << 20) {
        self.init(options: ReaderOptions(documentBase: documentBase, maximumBytes: maximumBytes))
    }

    public var assigns: Set<AnnotationKey> { [.text, .blocks, Utterances.key] }

    /// The reading rules for official publications.
    ///
    /// A `<nr>` is left out, except inside `<vraag>` and `<antwoord>` (written questions and
    /// their answers, Aanhangsel), where it is the heading that numbers the question or answer.
    public static let rules: XMLReadingRules = {
        var rules = XMLReadingRules(
            blockElements: ["al", "li", "motie", "vraag", "antwoord", "entry", "noot", "tussenkop"],
            headingElements: ["item-titel", "titel", "kop", "spreker", "tussenkop-titel"],
            skipElements: ["nr", "meta-nummer"]
        )
        rules.headingElementsInside = ["nr": ["vraag", "antwoord"]]
        return rules
    }()

    public func read(_ bytes: [UInt8], of input: SourceDocument, context: StageContext) throws -> Document {
        let (bytes, repairs) = XMLRepair.repair(bytes)
        repairs.forEach(context.warn)
        var extraction = try XMLTextExtraction(bytes: bytes, rules: Self.rules)
        extraction.onStart = { extraction, name in
            switch name {
            case "meta":
                if extraction.cursor.attribute("name") == "OVERHEIDop.externMetadataRecord",
                    let record = extraction.cursor.attribute("content")
                {
                    // ".../h-tk-20172018-70-2/metadata.xml" → "h-tk-20172018-70-2"
                    let parts = record.split(separator: "/")
                    if parts.count >= 2 { extraction.metadata.identifier = String(parts[parts.count - 2]) }
                }
            case "spreekbeurt":
                extraction.openUtterance = (extraction.assembler.nextOffset, nil)
            default:
                break
            }
        }
        extraction.onEnd = { extraction, name in
            switch name {
            case "spreker":
                if extraction.openUtterance != nil, extraction.assembler.blockHasText {
                    extraction.assembler.endBlock()
                    if let block = extraction.assembler.blocks.last {
                        var speaker = String(
                            decoding: extraction.assembler.bytes[block.span.start..<block.span.end], as: UTF8.self)
                        while speaker.hasSuffix(":") || speaker.hasSuffix(" ") { speaker.removeLast() }
                        extraction.openUtterance?.speaker = speaker
                        extraction.openUtterance?.start = block.span.start
                    }
                }
            case "item-titel", "titel":
                if extraction.metadata.title == nil, extraction.assembler.blockHasText {
                    extraction.assembler.endBlock()
                    if let block = extraction.assembler.blocks.last {
                        extraction.metadata.title = String(
                            decoding: extraction.assembler.bytes[block.span.start..<block.span.end], as: UTF8.self)
                    }
                }
            case "spreekbeurt":
                extraction.assembler.endBlock()
                if let open = extraction.openUtterance, extraction.assembler.bytes.count > open.start {
                    extraction.utterances.append(
                        Utterance(
                            span: Span(start: open.start, end: extraction.assembler.bytes.count),
                            speakerName: open.speaker)
                    )
                }
                extraction.openUtterance = nil
            default:
                break
            }
        }
        try extraction.run()
        extraction.warnAboutEntities(context)
        guard extraction.rootName == "officiele-publicatie" else {
            throw StageError(
                .malformedInput,
                "not an official publication: the root element is <\(extraction.rootName ?? "?")>, not <officiele-publicatie>"
            )
        }
        return try extraction.document(id: input.id, base: documentBase, format: "officiele-publicatie")
    }
}

public import Pipeline

/// Reads a source document with the reader for its format: plain text, TEI, Dutch official
/// publications, or any other XML.
///
/// XML files are told apart by their root element (`<TEI>`, `<officiele-publicatie>`), read
/// from the first bytes; a file with a text extension that opens with an XML declaration is read
/// as XML. The chosen reader's errors and warnings are reported under this stage's name.
public struct DocumentReader: Stage {
    public typealias Input = SourceDocument
    public typealias Output = Document

    /// The reader for plain text.
    public var text: TextReader
    /// The reader for TEI documents.
    public var tei: TEIReader
    /// The reader for Dutch official publications.
    public var officialPublication: OfficialPublicationReader
    /// The reader for other XML.
    public var xml: XMLReader

    /// Creates a reader whose parts share one ``ReaderOptions``.
    public init(options: ReaderOptions, teiPeople: [TEIPerson] = [], teiNotes: Bool = false) {
        self.options = options
        text = TextReader(options: options)
        tei = TEIReader(people: teiPeople, includeNotes: teiNotes, options: options)
        officialPublication = OfficialPublicationReader(options: options)
        xml = XMLReader(options: options)
    }

    /// Creates a reader whose parts share the document namespace and the size limit, and know no
    /// page furniture.
    public init(
        documentBase: String = Document.defaultBase,
        maximumBytes: Int = 64 << 20,
        teiPeople: [TEIPerson] = [],
        teiNotes: Bool = false,
        windows1252Fallback: Bool = false
    ) {
        self.init(
            options: ReaderOptions(
                documentBase: documentBase, maximumBytes: maximumBytes, windows1252Fallback: windows1252Fallback),
            teiPeople: teiPeople, teiNotes: teiNotes)
    }

    /// The options its readers share: the reader it picks reads with these, whatever options
    /// that part was given on its own.
    public var options: ReaderOptions

    /// What any of its readers assigns: text and blocks always; utterances from TEI and official
    /// publications (a stage that needs them should expect them only from those).
    public var assigns: Set<AnnotationKey> {
        text.assigns.union(tei.assigns).union(officialPublication.assigns).union(xml.assigns)
    }

    public func process(_ input: SourceDocument, context: StageContext, emit: (Document) async throws -> Void)
        async throws
    {
        // The bytes are read once, here; the chosen reader reads the document from them.
        let bytes = try SourceBytes.read(input, maximumBytes: options.maximumBytes)
        try await emit(try reader(for: input, bytes: bytes).read(bytes, of: input, context: context))
    }

    /// The reader of a source with these bytes: XML by its root element when the source says XML
    /// or the bytes open with an XML declaration, plain text otherwise.
    /// The reader gets this reader's ``options``.
    func reader(for input: SourceDocument, bytes: [UInt8]) -> any BytesReader {
        func sharing<Reader: BytesReader>(_ part: Reader) -> Reader {
            var part = part
            part.options = options
            return part
        }
        let root = XMLSniffer.rootElement(of: bytes)
        guard input.format == .xml || (root != nil && XMLSniffer.hasDeclaration(bytes)) else { return sharing(text) }
        switch root {
        case "TEI", "teiCorpus": return sharing(tei)
        case "officiele-publicatie": return sharing(officialPublication)
        default: return sharing(xml)
        }
    }
}

enum XMLSniffer {
    /// The local name of the root element, or `nil` when the bytes do not start like XML.
    static func rootElement(of bytes: [UInt8]) -> String? {
        var i = 0
        let limit = min(bytes.count, 16 << 10)
        // A byte-order mark, intact or damaged, then white space.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            i = 3
        } else if bytes.starts(with: [0xC3, 0xAF, 0xC2, 0xBB, 0xC2, 0xBF]) {
            i = 6
        }
        while i < limit {
            while i < limit, TextDecoder.isASCIIWhitespace(bytes[i]) { i += 1 }
            guard i + 1 < limit, bytes[i] == 0x3C else { return nil }
            let next = bytes[i + 1]
            if next == 0x3F || next == 0x21 {  // <?...?> or <!-- --> / <!DOCTYPE>
                guard let close = bytes[i..<limit].firstIndex(of: 0x3E) else { return nil }
                i = close + 1
                continue
            }
            var end = i + 1
            while end < limit, !TextDecoder.isASCIIWhitespace(bytes[end]), bytes[end] != 0x3E, bytes[end] != 0x2F {
                end += 1
            }
            let qualified = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
            return qualified.split(separator: ":").last.map(String.init) ?? qualified
        }
        return nil
    }

    /// Whether the bytes open with an XML declaration (after a byte-order mark, intact or damaged).
    static func hasDeclaration(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            i = 3
        } else if bytes.starts(with: [0xC3, 0xAF, 0xC2, 0xBB, 0xC2, 0xBF]) {
            i = 6
        }
        while i < bytes.count, TextDecoder.isASCIIWhitespace(bytes[i]) { i += 1 }
        return bytes[i...].starts(with: Array("<?xml".utf8))
    }
}

import Foundation
import Pipeline
import PipelineTesting
import Stages
import Testing

@testable import TextGraphEntities
@testable import TextGraphInput

@Suite struct XMLReaderTests {
    func read(_ xml: String, rules: XMLReadingRules = .generic) async throws -> (Document, [Diagnostic]) {
        var harness = StageHarness(XMLReader(rules: rules))
        let out = try await harness.feed(SourceDocument(id: "x.xml", content: .text(xml), format: .xml))
        #expect(try await harness.finish().isClean)
        #expect(out.count == 1)
        #expect(out[0]._checkInvariants().isEmpty)
        return (out[0], harness.warnings)
    }

    func failure(_ xml: String) async -> StageError? {
        var harness = StageHarness(XMLReader())
        return await #expect(throws: StageError.self) {
            _ = try await harness.feed(SourceDocument(id: "x.xml", content: .text(xml), format: .xml))
        }
    }

    @Test func blocksHeadingsAndWhiteSpace() async throws {
        let xml = """
            <?xml version="1.0"?>
            <doc>
              <title>Vragen   over
                 Nuctech</title>
              <p>De <hi>Douane</hi> gebruikt scanners.</p>
              <p>Tweede
                 alinea &amp; meer.</p>
            </doc>
            """
        let (document, _) = try await read(xml)
        #expect(document.text == "Vragen over Nuctech\n\nDe Douane gebruikt scanners.\n\nTweede alinea & meer.")
        let blocks = try #require(document[Blocks.self])
        #expect(blocks.map(\.kind) == [.heading, .paragraph, .paragraph])
        #expect(blocks.map(\.origin) == ["/doc/title", "/doc/p", "/doc/p"])
        #expect(document.metadata.format == "xml")
    }

    @Test func skippedElementsAreLeftOutWithTheirContent() async throws {
        let xml = "<TEI><teiHeader><title>Kop</title></teiHeader><text><p>Tekst.</p></text></TEI>"
        #expect(try await read(xml).0.text == "Tekst.")
        var rules = XMLReadingRules.generic
        rules.skipElements.insert("note")
        #expect(try await read("<d><p>Een<note>voetnoot</note> twee.</p></d>", rules: rules).0.text == "Een twee.")
    }

    @Test func onlyTextElementsWhenSet() async throws {
        var rules = XMLReadingRules.generic
        rules.textElements = ["body"]
        #expect(
            try await read("<d><front><p>Voor</p></front><body><p>Kern.</p></body></d>", rules: rules).0.text == "Kern."
        )
    }

    @Test func lineBreakElementsSeparateWords() async throws {
        #expect(try await read("<d><p>Een<lb/>twee</p></d>").0.text == "Een twee")
    }

    @Test func malformedXMLNamesLineAndReason() async {
        let error = await failure("<d>\n<p>open</d>")
        #expect(error?.code == .malformedInput)
        #expect(error?.message.contains("line 2") == true)
        #expect(error?.message.contains("mismatch") == true)
    }

    @Test func anEmptyXMLFileSaysItIsEmpty() async {
        #expect(await failure("")?.message == "the XML file is empty")
        #expect(await failure("  \n\t")?.message == "the XML file holds only white space")
    }

    @Test func libxml2sMessagesAreOneLine() async {
        for xml in [
            "<d>\n<p>open</d>", "<d a='1' a='2'/>", "<d>&#xD800;</d>", "<?xml version='1.0' encoding='nope'?><d/>",
            "<d><e></d>\n\n",
        ] {
            let message = await failure(xml)?.message ?? ""
            #expect(!message.isEmpty && !message.contains("\n") && !message.contains("\r"), "\(xml): \(message)")
        }
    }

    /// Found by the `xml` fuzz target (Fuzz/Regressions/XMLReaderFuzzer): libxml2 raises a
    /// conversion failure without a parser context, so it went to standard error (five lines per
    /// document, besides the reader's own) and the document failed as merely "not well formed".
    @Test func bytesTheDeclaredEncodingCannotConvertAreNamed() async {
        let bytes =
            Array("<?xml version=\"1.0\" encoding=\"EUC-JP\"?>\n<doc><p>Eerste alinea.</p><p>caf".utf8)
            + [0xFF, 0xFE, 0xFF] + Array(" tweede</p></doc>\n".utf8)
        var harness = StageHarness(XMLReader())
        let error = await #expect(throws: StageError.self) {
            _ = try await harness.feed(SourceDocument(id: "x.xml", content: .bytes(bytes), format: .xml))
        }
        #expect(error?.code == .malformedInput)
        #expect(
            error?.message
                == "bytes the XML declaration's encoding cannot convert: input conversion failed due to input error, bytes 0xFF 0xFE 0xFF 0x20"
        )
    }

    @Test func truncatedXMLSaysSo() async {
        let error = await failure("<?xml version=\"1.0\"?>\n<doc><p>Afgebroken <b>midden")
        #expect(error?.message.hasPrefix("the XML document is truncated: it ends inside <b> in <p> in <doc>") == true)
    }

    @Test func externalEntitiesAreNeverRead() async throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent(
            "textgraph-secret-\(UUID().uuidString).txt")
        try Data("GEHEIM-LOKAAL".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE doc [ <!ENTITY xxe SYSTEM "\(secret.absoluteString)"> ]>
            <doc><p>Voor &xxe; na.</p></doc>
            """
        let (document, warnings) = try await read(xml)
        #expect(!document.text.contains("GEHEIM"))
        #expect(document.text == "Voor na.")
        #expect(
            warnings.map(\.message) == [
                "left out 1 entity reference(s) declared in a DTD (&xxe;); entities are never expanded"
            ])
    }

    @Test func externalDTDIsNotLoaded() async throws {
        let xml =
            "<?xml version=\"1.0\"?>\n<!DOCTYPE doc SYSTEM \"http://127.0.0.1:9/never.dtd\">\n<doc><p>Tekst.</p></doc>"
        #expect(try await read(xml).0.text == "Tekst.")
    }

    @Test func entityExpansionBombIsRefused() async {
        var entities = "<!ENTITY l0 \"lol\">"
        for level in 1...9 {
            entities += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let error = await failure("<?xml version=\"1.0\"?>\n<!DOCTYPE d [\(entities)]>\n<d><p>&l9;</p></d>")
        #expect(error?.message.contains("entity reference loop") == true)
    }

    @Test func documentWithoutTextIsEmpty() async {
        let error = await failure("<d><p>  </p></d>")
        #expect(error?.code == .emptyDocument)
    }

    @Test func readsInAPipeline() async throws {
        var harness = StageHarness(
            try Pipeline<SourceDocument, Document> {
                XMLReader()
                Tokenizer()
                SentenceSplitter()
            })
        let out = try await harness.feed(
            SourceDocument(id: "x.xml", content: .text("<d><p>Ja. Nee.</p><p>Kop</p></d>"), format: .xml))
        #expect(out[0].texts(out[0][Sentences.self]!.map(\.span)) == ["Ja.", "Nee.", "Kop"])
    }
}

@Suite struct DocumentReaderTests {
    func read(_ source: SourceDocument) async throws -> Document {
        var harness = StageHarness(DocumentReader())
        let out = try await harness.feed(source)
        #expect(try await harness.finish().isClean)
        return out[0]
    }

    @Test func picksTheReaderByRootElement() async throws {
        let tei = try await read(
            SourceDocument(
                id: "a.xml",
                content: .text(
                    "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><text><body><u who=\"#X\"><seg>Ja.</seg></u></body></text></TEI>"
                ), format: .xml))
        #expect(tei.metadata.format == "tei")
        #expect(tei[Utterances.self]?.first?.speakerID == "X")
        let official = try await read(
            SourceDocument(
                id: "b.xml", content: .text("<officiele-publicatie><al>Tekst.</al></officiele-publicatie>"),
                format: .xml))
        #expect(official.metadata.format == "officiele-publicatie")
        let generic = try await read(SourceDocument(id: "c.xml", content: .text("<d><p>Tekst.</p></d>"), format: .xml))
        #expect(generic.metadata.format == "xml")
    }

    @Test func sniffsXMLInAFileWithATextExtension() async throws {
        let document = try await read(
            SourceDocument(id: "a.txt", content: .text("<?xml version=\"1.0\"?><d><p>Tekst.</p></d>")))
        #expect(document.text == "Tekst.")
        let text = try await read(SourceDocument(id: "b.txt", content: .text("<sup>1</sup> geen XML")))
        #expect(text.text == "<sup>1</sup> geen XML")
    }

    /// A reader as a stage of its own, through the harness.
    static func readAlone<Reader: BytesReader>(_ reader: Reader, _ source: SourceDocument) async throws -> [Document] {
        var harness = StageHarness(reader)
        let out = try await harness.feed(source)
        #expect(try await harness.finish().isClean)
        return out
    }

    @Test func eachReaderReadsTheBytesItIsGivenAsItReadsItsSource() async throws {
        // The bytes read once by DocumentReader, handed to the reader it picks, give the
        // document that reader gives as a stage of its own.
        let sources = [
            SourceDocument(id: "a.txt", content: .text("Vragen van het lid Jansen.\n\nAntwoord.")),
            SourceDocument(
                id: "b.xml", content: .text("<TEI><text><body><u who=\"#X\"><seg>Ja.</seg></u></body></text></TEI>"),
                format: .xml),
            SourceDocument(
                id: "c.xml", content: .text("<officiele-publicatie><al>Tekst.</al></officiele-publicatie>"),
                format: .xml),
            SourceDocument(id: "d.xml", content: .text("<d><p>Tekst.</p></d>"), format: .xml),
        ]
        let reader = DocumentReader()
        let expected: [any BytesReader] = [reader.text, reader.tei, reader.officialPublication, reader.xml]
        for (source, chosen) in zip(sources, expected) {
            guard case .text(let text) = source.content else { continue }
            let picked = reader.reader(for: source, bytes: Array(text.utf8))
            #expect(type(of: picked) == type(of: chosen), "\(source.id) read by \(type(of: picked))")
            #expect(reader.assigns.isSuperset(of: chosen.assigns), "DocumentReader assigns what \(chosen.name) does")
            let own = try await Self.readAlone(chosen, source)
            let dispatched = try await read(source)
            #expect(dispatched.text == own[0].text && dispatched.metadata == own[0].metadata)
            #expect(
                dispatched[Blocks.self] == own[0][Blocks.self] && dispatched[Utterances.self] == own[0][Utterances.self]
            )
        }
    }

    @Test func aDocumentReadersReadersShareItsOptions() async throws {
        let options = ReaderOptions(
            documentBase: "https://example.org/doc/", maximumBytes: 40, windows1252Fallback: true,
            pageFurniture: .parliamentaryPapers)
        var reader = DocumentReader(options: options)
        let readers: [any BytesReader] = [reader.text, reader.tei, reader.officialPublication, reader.xml]
        for part in readers {
            #expect(part.documentBase == "https://example.org/doc/" && part.maximumBytes == 40, "\(part.name)")
        }
        let code = Array("ah-tk-20242025-594".utf8)
        #expect(code.withUnsafeBufferPointer { reader.text.options.pageFurniture.contains($0) })
        // The reader it picks reads with its options, whatever a part was told on its own.
        reader.options.maximumBytes = 30
        reader.xml.options.documentBase = "https://other.example.org/"
        reader.text.options.maximumBytes = 1
        var harness = StageHarness(reader)
        let long = SourceDocument(
            id: "long.xml", content: .text("<d><p>" + String(repeating: "x", count: 40) + "</p></d>"))
        let error = await #expect(throws: StageError.self) { _ = try await harness.feed(long) }
        #expect(error?.message.contains("maximum of 30") == true)
        let short = try await harness.feed(SourceDocument(id: "s.xml", content: .text("<d><p>Ja.</p></d>")))
        #expect(short[0].iri.value.hasPrefix("https://example.org/doc/"))
        let text = try await harness.feed(SourceDocument(id: "s.txt", content: .text("Ja, dat klopt.")))
        #expect(text[0].text == "Ja, dat klopt.", "not the text part's own limit of one byte")
    }

    @Test func unreadableSourcesFailWithTheirReason() async throws {
        var harness = StageHarness(DocumentReader())
        let error = await #expect(throws: StageError.self) {
            _ = try await harness.feed(
                SourceDocument(id: "stdin:3", content: .unreadable("line 3 of standard input is not a JSON object")))
        }
        #expect(error?.message == "line 3 of standard input is not a JSON object")
    }
}

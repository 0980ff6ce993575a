import Foundation
import Pipeline
import PipelineTesting
import Testing

@testable import Stages
@testable import TextGraphOutput
@testable import TextGraphParliament

/// ``GraphEncoder`` writes a document's statements straight to bytes; ``GraphBuilder`` makes them
/// into ``Triple`` values, which ``GraphEncoder/encode(_:formats:)`` replays into the same
/// writers: these tests hold the two to the same bytes.
@Suite struct GraphEncoderTests {
    /// What the road through values makes: triples, then their encoding.
    func reference(_ document: Document, formats: Set<RDFFormat>, builder: GraphBuilder = GraphBuilder())
        -> EncodedFragment
    {
        GraphEncoder.encode(builder.build(document), formats: formats)
    }

    func expectSameBytes(
        _ document: Document, builder: GraphBuilder = GraphBuilder(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let formats = Set(RDFFormat.allCases)
        let fast = try GraphEncoder(builder: builder, formats: formats).encode(document)
        let slow = reference(document, formats: formats, builder: builder)
        #expect(fast.graph == slow.graph, sourceLocation: sourceLocation)
        for format in RDFFormat.allCases {
            let a = String(decoding: fast.bodies[format] ?? [], as: UTF8.self)
            let b = String(decoding: slow.bodies[format] ?? [], as: UTF8.self)
            #expect(a == b, "\(format) differs", sourceLocation: sourceLocation)
        }
        #expect(fast.sharedLines == slow.sharedLines, sourceLocation: sourceLocation)
        // Each format alone gives the same body as among the others.
        for format in RDFFormat.allCases {
            #expect(
                try GraphEncoder(builder: builder, formats: [format]).encode(document).bodies[format]
                    == fast.bodies[format])
        }
        // And bodies spilled to temporary files as they are written hold the same bytes.
        let spilled = try GraphEncoder(builder: builder, formats: formats, spillThreshold: 100).encode(document)
        for format in RDFFormat.allCases {
            #expect(
                spilled.bodies[format] == fast.bodies[format], "\(format) differs when spilled",
                sourceLocation: sourceLocation)
            #expect(
                spilled.bodies[format]?.isInMemory == (fast.bodies[format]?.count ?? 0 <= 100),
                sourceLocation: sourceLocation)
        }
        #expect(spilled.sharedLines == fast.sharedLines, sourceLocation: sourceLocation)
    }

    /// A document with everything the builder writes, and text that needs escapes.
    func richDocument(iri: IRI? = nil) -> Document {
        let text = "Vraag 1\n\nZei \"België\" iets\tover C:\\pad\u{01} en \u{7F}? Ja 😀 China.\r\nAntwoord 1\n\nNee."
        var document = Document(id: "dir/rich doc.txt", text: text, iri: iri)
        document.metadata.source = "dir/rich doc.txt"
        document.metadata.identifier = "kv-tk-2024Z01911"
        document.metadata.title = "Een \"titel\""
        document.metadata.date = "2024-02-07"
        document.metadata.format = "txt"
        document.metadata.properties = ["b": "twee", "a": "een\nregel"]
        let bytes = Array(text.utf8)
        func span(_ word: String) -> Span {
            let needle = Array(word.utf8)
            let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }!
            return Span(start: start, end: start + needle.count)
        }
        let china = IRI(Gazetteer.entityBase + "country/cn")
        let belgium = IRI(Gazetteer.entityBase + "country/be")
        let odd = IRI("http://ex.org/odd entity{1}")
        document[Sentences.self] = [
            Sentence(span: span("Vraag 1")), Sentence(span: Span(start: span("Zei").start, end: span("China.").end)),
            Sentence(span: span("Antwoord 1")), Sentence(span: span("Nee.")),
        ]
        document[Mentions.self] = [
            Mention(span: span("België"), entityClass: .schema("Country"), entity: belgium, confidence: 1, source: "t"),
            Mention(span: span("pad"), candidates: [odd, china], confidence: 0.5, form: .adjectival, source: "t"),
            Mention(span: span("China"), entityClass: .schema("Country"), entity: china, confidence: 1, source: "t"),
            Mention(
                span: span("Nee"), entityClass: .schema("Date"), form: .value,
                value: .date(year: 2024, month: 2, day: 7), source: "t"),
        ]
        document[Entities.self] = [
            Entity(iri: belgium, types: [.schema("Country")], labels: [Literal("België", language: "nl")]),
            Entity(
                iri: china, types: [.schema("Country"), odd],
                labels: [Literal("China", language: "nl"), Literal("\"C\"", language: "en")],
                sameAs: [IRI("http://www.wikidata.org/entity/Q148")]),
        ]
        document[Utterances.self] = [
            Utterance(span: span("Nee."), speakerID: "#X", speakerName: "Mw. \"X\"", role: "chair")
        ]
        document[Relations.self] = [
            Relation(
                subject: belgium, predicate: CoOccurrenceExtractor.coOccursWith, object: china,
                evidence: [span("China.")], count: 2, source: "t"),
            Relation(subject: odd, predicate: IRI("http://ex.org/p q"), object: china, evidence: [], source: "t"),
        ]
        document[ParliamentaryQuestions.self] = QuestionSet(
            questions: [Question(number: 1, span: span("Zei"), heading: span("Vraag 1"))],
            answers: [Answer(questionNumbers: [1, 2], span: span("Nee."), heading: span("Antwoord 1"))],
            askedBy: [belgium], addressedTo: [odd], submitted: .date(year: 2024, month: 1, day: 2),
            answeredBy: [china], answered: Literal("gisteren")
        )
        #expect(document._checkInvariants().isEmpty)
        return document
    }

    @Test func everyKindOfStatementIsWrittenAsTheEncoderWritesIt() throws {
        try expectSameBytes(richDocument())
        try expectSameBytes(richDocument(), builder: GraphBuilder(includeSentences: false))
        try expectSameBytes(richDocument(), builder: GraphBuilder(includeSentenceText: true))
    }

    @Test func documentIRIsThatNeedEscapesAreEscapedAlike() throws {
        try expectSameBytes(richDocument(iri: IRI("http://ex.org/a b<c>\"d\"{e}|f^g`h\\i")))
    }

    @Test func documentIRIsInAPrefixedNamespaceAreWrittenAlike() throws {
        // Turtle writes such a document as a prefixed name, and its NIF strings in full.
        try expectSameBytes(richDocument(iri: IRI(Vocabulary.Namespace.tg.iri + "doc-1")))
    }

    @Test func plainAndEmptyDocumentsAreWrittenAlike() throws {
        try expectSameBytes(Document(id: "a.txt", text: "Alleen ASCII, zonder lagen."))
        try expectSameBytes(Document(id: "b.txt", text: "ë"))
        // A text longer than a code point checkpoint block, with non-ASCII letters at block edges.
        let long = String(repeating: "abcdéfgh ", count: 40) + "ü"
        var document = Document(id: "c.txt", text: long)
        document[Sentences.self] = stride(from: 0, to: long.utf8.count - 11, by: 11).map {
            Sentence(span: Span(start: $0, end: $0 + 10))
        }
        try expectSameBytes(document)
    }

    @Test func corpusDocumentsThroughTheStandardPipelineAreWrittenAlike() async throws {
        let pipeline = try Pipeline {
            TextGraphPipeline.analysis(gazetteer: Fixtures.gazetteer, options: TextGraphPipeline.Options())
        }
        let sources = try CorpusSource(inputs: [Fixtures.packageRoot.appendingPathComponent("corpus").path])
        var count = 0
        for source in sources {
            var harness = StageHarness(pipeline)
            for document in try await harness.feed(source) {
                try expectSameBytes(document)
                count += 1
            }
        }
        #expect(count >= 2)
    }

    /// Adds statements under `https://example.org/` for every sentence, as a custom stage would.
    struct SentenceLengths: GraphContributor {
        func contribute(_ document: Document, to graph: inout GraphStatements) {
            for sentence in document[Sentences.self] ?? [] {
                graph.add(
                    .span(sentence.span), IRI("https://example.org/length"),
                    .literal(.integer(sentence.span.end - sentence.span.start)))
                graph.add(.span(sentence.span), IRI("https://example.org/text"), .text(sentence.span))
            }
            graph.add(.document, IRI("https://example.org/measuredBy"), .iri(IRI("https://example.org/tool")))
            graph.addShared(
                IRI("https://example.org/tool"), IRI("https://example.org/name"), .literal(Literal("lengths")))
        }
    }

    @Test func aContributorsStatementsReachEveryFormatByTheSameRoad() throws {
        let builder = GraphBuilder(contributors: [SentenceLengths()])
        try expectSameBytes(richDocument(), builder: builder)
        let fragment = try GraphEncoder(builder: builder, formats: Set(RDFFormat.allCases)).encode(richDocument())
        let plain = try GraphEncoder(formats: Set(RDFFormat.allCases)).encode(richDocument())
        let nt = String(decoding: fragment.bodies[.nTriples]!, as: UTF8.self)
        // The second sentence starts after "Vraag 1\n\n" (9 code points) and holds "België" and an emoji,
        // so its end in code points is less than in bytes: the NIF string the graph names it by.
        let sentence = Array(
            nt.split(separator: "\n").filter { $0.contains("nif-core#Sentence") }.map {
                String($0.split(separator: " ")[0])
            })[1]
        #expect(
            nt.contains(
                "\(sentence) <https://example.org/length> \"52\"^^<http://www.w3.org/2001/XMLSchema#integer> ."),
            "\(nt)")
        #expect(nt.contains("<https://example.org/measuredBy> <https://example.org/tool> ."))
        #expect(
            String(decoding: fragment.bodies[.nQuads]!, as: UTF8.self).contains(
                "<https://example.org/measuredBy> <https://example.org/tool> <\(fragment.graph.value)> ."))
        #expect(
            String(decoding: fragment.bodies[.turtle]!, as: UTF8.self).contains(
                "<https://example.org/length> \"52\"^^xsd:integer"))
        #expect(
            fragment.sharedLines[.nTriples]!.contains(
                Array("<https://example.org/tool> <https://example.org/name> \"lengths\" .\n".utf8)))
        #expect(fragment.sharedLines[.turtle] == fragment.sharedLines[.nTriples])
        #expect(
            fragment.sharedLines[.nQuads]!.contains(
                Array(
                    "<https://example.org/tool> <https://example.org/name> \"lengths\" <https://w3id.org/textgraph/graph/entities> .\n"
                        .utf8)))
        // The built-in statements come first and are unchanged.
        #expect(nt.hasPrefix(String(decoding: plain.bodies[.nTriples]!, as: UTF8.self)))
    }

    @Test func aBodyThatCannotBeSpilledFailsTheDocumentWithItsReason() throws {
        let encoder = GraphEncoder(
            formats: [.nQuads], spillThreshold: 100, temporaryDirectory: "/nonexistent-textgraph-dir")
        #expect {
            _ = try encoder.encode(richDocument())
        } throws: { error in
            "\(error)".contains("cannot make a temporary file in /nonexistent-textgraph-dir")
        }
    }

    @Test func theWriterCopiesASpilledBodyWhole() throws {
        let document = richDocument()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("spill-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in RDFFormat.allCases {
            var outputs: [Data] = []
            for threshold in [Int.max, 64] {
                let fragment = try GraphEncoder(
                    formats: [format], spillThreshold: threshold, temporaryDirectory: directory.path
                ).encode(document)
                let path = directory.appendingPathComponent("out-\(threshold).\(format.rawValue)").path
                let writer = try RDFWriter(path: path, format: format)
                try writer.write(fragment)
                try writer.finish()
                outputs.append(try Data(contentsOf: URL(fileURLWithPath: path)))
            }
            #expect(outputs[0] == outputs[1] && outputs[0].count > 1000, "\(format)")
        }
        // The spill files were unlinked when made: only the outputs are left.
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { !$0.hasPrefix("out-") }
        #expect(left.isEmpty)
    }

    @Test func codePointOffsetsCountScalars() {
        let text = String(repeating: "a", count: 63) + "é" + String(repeating: "😀", count: 20) + "z"
        var copy = text
        copy.withUTF8 { bytes in
            var offsets = CodePointOffsets(bytes)
            var scalars = 0
            var utf8 = 0
            for scalar in text.unicodeScalars {
                #expect(offsets.codePoint(at: utf8) == scalars)
                utf8 += String(scalar).utf8.count
                scalars += 1
            }
            #expect(offsets.codePoint(at: bytes.count) == scalars)
            // Backwards and across blocks, after the forward lookups.
            #expect(offsets.codePoint(at: 65) == 64 && offsets.codePoint(at: 63) == 63 && offsets.codePoint(at: 0) == 0)
            #expect(offsets.codePoint(at: 69) == 65 && offsets.codePoint(at: 65) == 64)
        }
        var ascii = "plain"
        ascii.withUTF8 {
            var offsets = CodePointOffsets($0)
            #expect(offsets.codePoint(at: 5) == 5)
        }
    }

    @Test func vocabularyTermsAreWrittenAsTheirIRIs() {
        for term in Vocabulary.allCases {
            #expect(Array(term.encoded) == Array("<\(term.iri.value)>".utf8))
        }
        #expect(Set(Vocabulary.allCases.map(\.iri)).count == Vocabulary.allCases.count)
    }

    @Test func vocabularyTermsAreOneByteInDeclarationOrder() {
        #expect(MemoryLayout<Vocabulary>.size == 1)
        for (position, term) in Vocabulary.allCases.enumerated() {
            #expect(term.index == position, "\(term) is at \(position) but its index is \(term.index)")
        }
    }

    @Test func vocabularyTermsNameTheirNamespaceAndLocalName() {
        #expect(Vocabulary.rdfType.iri == IRI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))
        #expect(Vocabulary.itsTaIdentRef.iri == IRI("http://www.w3.org/2005/11/its/rdf#taIdentRef"))
        #expect(Vocabulary.tgCase.iri == IRI("https://w3id.org/textgraph/ns#case"))
        #expect(Vocabulary.prefixes.first! == ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"))
        for term in Vocabulary.allCases {
            let prefix = String(term.curie.prefix { $0 != ":" })
            #expect(Vocabulary.Namespace.allCases.contains { $0.prefix == prefix && term.iri.value.hasPrefix($0.iri) })
        }
    }

    @Test func eightByteEscapeTestMissesNoByteThatNeedsAnEscape() {
        var generator = SystemRandomNumberGenerator()
        func needs(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F }
        for round in 0..<100_000 {
            var bytes = (0..<8).map { _ in UInt8.random(in: 0x20...0xFF, using: &generator) }
            if round % 2 == 0 {
                bytes[Int.random(in: 0..<8, using: &generator)] = [0x00, 0x0A, 0x1F, 0x22, 0x5C, 0x7F].randomElement()!
            }
            let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            if bytes.contains(where: needs) { #expect(ByteBuffer.mayNeedLiteralEscape(word)) }
        }
        let clean = Array("Kamerlid-ëü".utf8.prefix(8)).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        #expect(!ByteBuffer.mayNeedLiteralEscape(clean))
    }
}

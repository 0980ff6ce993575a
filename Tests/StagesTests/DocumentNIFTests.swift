import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct DocumentNIFTests {
    /// Text outside ASCII before, inside and between the spans: "Één", "België", "Curaçao", "€".
    static let text = "Één zin over België.\n\nDaarna Curaçao en € 5 voor Zuid-Korea."

    /// The document through the standard segmentation and gazetteer tagging, as a stage author sees it.
    func annotated() async throws -> Document {
        let pipeline = try Pipeline<Document, Document>(provided: [.text]) {
            Tokenizer()
            SentenceSplitter()
            GazetteerTagger(matcher: Fixtures.matcher)
            EntityLinker(gazetteer: Fixtures.gazetteer)
        }
        var harness = StageHarness(pipeline)
        let out = try await harness.feed(Document(id: "dir/één.txt", text: Self.text))
        #expect(try await harness.finish().isClean)
        return try #require(out.first)
    }

    /// The subjects of the built graph that are NIF strings (`…#char=b,e`).
    func nifSubjects(of document: Document) -> Set<IRI> {
        let fragment = GraphBuilder().build(document)
        return Set(
            fragment.triples.compactMap { triple -> IRI? in
                guard case .iri(let iri) = triple.subject, iri.value.contains("#char=") else { return nil }
                return iri
            })
    }

    @Test func spanIRIsAreTheOnesTheGraphWritesForTextOutsideASCII() async throws {
        let document = try await annotated()
        let sentences = try #require(document[Sentences.self]).map(\.span)
        let mentions = try #require(document[Mentions.self]).map(\.span)
        #expect(sentences.count == 2)
        #expect(mentions.contains { document.text(of: $0) == "België" })
        let named = Set(document.nifIRIs(of: sentences + mentions) + [document.nifContextIRI])
        #expect(named == nifSubjects(of: document))
        for span in sentences + mentions { #expect(document.nifIRIs(of: [span]) == [document.nifIRI(of: span)]) }
    }

    @Test func offsetsCountCodePointsNotBytes() throws {
        let document = Document(id: "kv-1", text: "België en China")
        #expect(document.nifIRI(of: Span(start: 11, end: 16)).value == Document.defaultBase + "kv-1#char=10,15")
        #expect(document.nifContextIRI.value == Document.defaultBase + "kv-1#char=0,15")
        #expect(document.codePointOffset(ofUTF8Offset: 7) == 6)
        #expect(document.codePointOffset(ofUTF8Offset: 16, from: 11) == 5)
    }

    @Test func manySpansOutOfOrderGetTheSameIRIsAsOneByOne() {
        let document = Document(id: "d", text: Self.text)
        let spans = [
            Span(start: 30, end: 38), Span(start: 0, end: 4), Span(start: 15, end: 22), Span(start: 0, end: 0),
        ]
        #expect(document.nifIRIs(of: spans) == spans.map(document.nifIRI(of:)))
    }
}

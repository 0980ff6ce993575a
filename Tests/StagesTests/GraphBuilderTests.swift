import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct GraphBuilderTests {
    typealias V = Vocabulary

    func linkedDocument(_ text: String) -> Document {
        var document = Document(id: "dir/d.txt", text: text)
        document.metadata.source = "dir/d.txt"
        let china = IRI(Gazetteer.entityBase + "country/cn")
        // "België" takes 7 bytes but 6 code points; "China" starts at byte 11, code point 10.
        // A sentence as long as the text would share the context's IRI (NIF names strings by their offsets).
        document[Sentences.self] = [Sentence(span: Span(start: 0, end: 7))]
        document[Mentions.self] = [
            Mention(
                span: Span(start: 11, end: 16), entityClass: .schema("Country"), entity: china, confidence: 1,
                source: "t")
        ]
        document[Entities.self] = [
            Entity(iri: china, types: [.schema("Country")], labels: [Literal("China", language: "nl")])
        ]
        return document
    }

    func objects(_ fragment: GraphFragment, _ subject: IRI, _ predicate: IRI) -> [Term] {
        fragment.triples.filter { $0.subject == .iri(subject) && $0.predicate == predicate }.map(\.object)
    }

    @Test func contextHoldsTheTextWithCodePointOffsets() {
        let fragment = GraphBuilder().build(linkedDocument("België en China"))
        let doc = IRI(Document.defaultBase + "dir/d.txt")
        let context = doc.appending("#char=0,15")
        #expect(fragment.graph == doc)
        #expect(objects(fragment, context, V.rdfType.iri) == [.iri(V.nifContext.iri), .iri(V.nifRfc5147String.iri)])
        #expect(objects(fragment, context, V.nifIsString.iri) == [.literal(Literal("België en China"))])
        #expect(objects(fragment, context, V.nifEndIndex.iri) == [.literal(.nonNegativeInteger(15))])
    }

    @Test func mentionsArePhrasesLinkedToTheirEntities() {
        let fragment = GraphBuilder().build(linkedDocument("België en China"))
        let doc = IRI(Document.defaultBase + "dir/d.txt")
        let phrase = doc.appending("#char=10,15")
        #expect(objects(fragment, phrase, V.nifAnchorOf.iri) == [.literal(Literal("China"))])
        #expect(objects(fragment, phrase, V.nifBeginIndex.iri) == [.literal(.nonNegativeInteger(10))])
        #expect(objects(fragment, phrase, V.nifReferenceContext.iri) == [.iri(doc.appending("#char=0,15"))])
        #expect(objects(fragment, phrase, V.itsTaIdentRef.iri) == [.iri(IRI(Gazetteer.entityBase + "country/cn"))])
        #expect(objects(fragment, phrase, V.itsTaClassRef.iri) == [.iri(.schema("Country"))])
        #expect(objects(fragment, doc, V.schemaMentions.iri) == [.iri(IRI(Gazetteer.entityBase + "country/cn"))])
        #expect(fragment.sharedTriples.count == 2)
    }

    @Test func aSentenceThatIsAlsoAMentionAndAnUtteranceIsDescribedOnce() {
        // "Nuctech" is a heading: a sentence, a mention and (here) an utterance of its own.
        var document = Document(id: "dir/h.txt", text: "Nuctech\n\nNuctech levert scanners.")
        let nuctech = IRI(Gazetteer.entityBase + "organization/nuctech")
        document[Sentences.self] = [Sentence(span: Span(start: 0, end: 7)), Sentence(span: Span(start: 9, end: 33))]
        document[Mentions.self] = [
            Mention(
                span: Span(start: 0, end: 7), entityClass: .schema("Corporation"), entity: nuctech, confidence: 1,
                source: "t"),
            Mention(
                span: Span(start: 9, end: 16), entityClass: .schema("Corporation"), entity: nuctech, confidence: 1,
                source: "t"),
        ]
        document[Utterances.self] = [Utterance(span: Span(start: 0, end: 7), speakerName: "X")]
        let fragment = GraphBuilder().build(document)
        #expect(Set(fragment.triples).count == fragment.triples.count, "a statement is written twice")
        let heading = IRI(Document.defaultBase + "dir/h.txt").appending("#char=0,7")
        #expect(
            Set(objects(fragment, heading, V.rdfType.iri)) == [
                .iri(V.nifSentence.iri), .iri(V.nifPhrase.iri), .iri(V.tgUtterance.iri), .iri(V.nifRfc5147String.iri),
            ])
        #expect(objects(fragment, heading, V.nifBeginIndex.iri) == [.literal(.nonNegativeInteger(0))])
        #expect(objects(fragment, heading, V.nifAnchorOf.iri) == [.literal(Literal("Nuctech"))])
        #expect(objects(fragment, heading, V.itsTaIdentRef.iri) == [.iri(nuctech)])
        // The mention inside the second sentence is a string of its own.
        let inside = IRI(Document.defaultBase + "dir/h.txt").appending("#char=9,16")
        #expect(objects(fragment, inside, V.nifAnchorOf.iri) == [.literal(Literal("Nuctech"))])
        #expect(objects(fragment, inside, V.nifReferenceContext.iri).count == 1)
    }

    @Test func sentencesAreOffsetsIntoTheContextAndCarryTheirTextOnlyWhenAsked() {
        let doc = IRI(Document.defaultBase + "dir/d.txt")
        let sentence = doc.appending("#char=0,6")
        let plain = GraphBuilder().build(linkedDocument("België en China"))
        #expect(objects(plain, sentence, V.rdfType.iri) == [.iri(V.nifSentence.iri), .iri(V.nifRfc5147String.iri)])
        #expect(objects(plain, sentence, V.nifEndIndex.iri) == [.literal(.nonNegativeInteger(6))])
        #expect(objects(plain, sentence, V.nifReferenceContext.iri) == [.iri(doc.appending("#char=0,15"))])
        #expect(objects(plain, sentence, V.nifAnchorOf.iri).isEmpty)
        let withText = GraphBuilder(includeSentenceText: true).build(linkedDocument("België en China"))
        #expect(objects(withText, sentence, V.nifAnchorOf.iri) == [.literal(Literal("België"))])
        #expect(withText.triples.count == plain.triples.count + 1)
    }

    @Test func sentencesCanBeLeftOut() {
        let with = GraphBuilder().build(linkedDocument("België en China"))
        let without = GraphBuilder(includeSentences: false).build(linkedDocument("België en China"))
        #expect(with.triples.contains { $0.object == .iri(V.nifSentence.iri) })
        #expect(!without.triples.contains { $0.object == .iri(V.nifSentence.iri) })
    }

    @Test func stageEmitsOneFragmentPerDocument() async throws {
        var harness = StageHarness(GraphBuilder())
        let out = try await harness.feed(linkedDocument("België en China"))
        #expect(out.count == 1)
        #expect(try await harness.finish().isClean)
    }
}

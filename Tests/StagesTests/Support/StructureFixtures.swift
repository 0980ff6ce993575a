import Pipeline
import PipelineTesting
import Stages
import Testing

/// Runs the stages the parliamentary structure needs over hand-written texts.
enum StructureFixtures {
    /// The standard stages up to structure tagging (and co-occurrence), through the harness.
    static func structure(_ text: String, id: String = "d") async throws -> Document {
        try await structureWithWarnings(text, id: id).document
    }

    /// ``structure(_:id:)`` and the warnings the stages reported.
    static func structureWithWarnings(_ text: String, id: String = "d") async throws -> (
        document: Document, warnings: [String]
    ) {
        let pipeline = try Pipeline<Document, Document>(provided: [.text]) {
            Tokenizer()
            SentenceSplitter()
            DocumentNumberTagger()
            DateTagger()
            GazetteerTagger(matcher: Fixtures.matcher)
            EntityLinker(gazetteer: Fixtures.gazetteer)
            ParliamentaryStructureTagger()
            CoOccurrenceExtractor()
        }
        var harness = StageHarness(pipeline)
        var document = Document(id: id, text: text)
        document[Blocks.self] = Paragraphs.blocks(in: text, furniture: .parliamentaryPapers)
        let out = try await harness.feed(document)
        #expect(try await harness.finish().isClean)
        #expect(out[0]._checkInvariants().isEmpty)
        return (out[0], harness.warnings.map(\.message))
    }
}

import Foundation
import Pipeline
import PipelineTesting
import Stages
import Testing

/// Counts the linked mentions of a document into a layer of its own.
enum LinkedMentionCount: AnnotationLayer {
    typealias Value = Int
    static let key = AnnotationKey("linked-mention-count", for: LinkedMentionCount.self)
}

/// A user's stage that needs the linker's work: it counts the mentions linked to an entity.
struct LinkedMentionCounter: Stage {
    var requires: Set<AnnotationKey> { [.links] }
    var assigns: Set<AnnotationKey> { [LinkedMentionCount.key] }

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        _ = try document.require(Entities.self, by: self)
        document[LinkedMentionCount.self] = (document[Mentions.self] ?? []).filter { $0.entity != nil }.count
        try await emit(document)
    }
}

/// The standard analysis as a list of stages that a user changes by type.
@Suite struct StandardStagesTests {
    static var corpus: String { Fixtures.packageRoot.appendingPathComponent("corpus").path }

    @Test(arguments: [(false, false), (true, false), (false, true), (true, true)])
    func theListHoldsTheStagesOfTheStandardPipelineInOrder(recognizes: Bool, unlinkedNames: Bool) throws {
        var options = TextGraphPipeline.Options()
        options.recognizesNames = recognizes
        options.unlinkedNames = unlinkedNames
        let stages = try TextGraphPipeline.standardStages(gazetteer: Fixtures.gazetteer, options: options)
        let standard = try TextGraphPipeline.make(gazetteer: Fixtures.gazetteer, options: options)
        #expect(
            ["DocumentReader"] + stages.descriptors.map(\.name) + ["GraphBuilder"] == standard.descriptors.map(\.name))
        #expect(try TextGraphPipeline.make(options: options, stages: stages).descriptors == standard.descriptors)
        #expect(stages.contains(EntityRecognizer.self) == recognizes)
        #expect(stages.contains(CapitalizedSpanTagger.self) == unlinkedNames)
    }

    @Test func theUnchangedListWritesTheSameBytesAsTheStandardPipeline() async throws {
        let formats: Set<RDFFormat> = [.nTriples, .nQuads, .turtle]
        let stages = try TextGraphPipeline.standardStages(gazetteer: Fixtures.gazetteer)
        var fromList = StageHarness(try TextGraphPipeline.make(stages: stages, encodingAs: formats))
        var standard = StageHarness(try TextGraphPipeline.make(gazetteer: Fixtures.gazetteer, encodingAs: formats))
        var count = 0
        for source in try CorpusSource(inputs: [Self.corpus]) {
            let listed = try await fromList.feed(source)
            let expected = try await standard.feed(source)
            #expect(listed.count == 1 && expected.count == 1)
            for format in formats {
                #expect(
                    listed.first?.bodies[format]?.array == expected.first?.bodies[format]?.array,
                    "\(source.id) \(format)")
            }
            #expect(listed.first?.sharedLines == expected.first?.sharedLines)
            count += 1
        }
        #expect(count >= 2)
        #expect(try await fromList.finish().isClean)
    }

    @Test func aStageInsertedAfterTheLinkerRunsThroughTheHarnessAndInTheStandardPipeline() async throws {
        var document = try Fixtures.segmented("Vragen over Nuctech en China.")
        document[Mentions.self] = []
        document[Entities.self] = []
        var alone = StageHarness(LinkedMentionCounter())
        #expect(try await alone.feed(document).first?[LinkedMentionCount.self] == 0)
        #expect(try await alone.finish().isClean)

        let stages = try TextGraphPipeline.standardStages(gazetteer: Fixtures.gazetteer)
            .inserting(LinkedMentionCounter(), after: EntityLinker.self)
        let names = stages.descriptors.map(\.name)
        #expect(names.firstIndex(of: "LinkedMentionCounter") == names.firstIndex(of: "EntityLinker")! + 1)
        var harness = StageHarness(try TextGraphPipeline.makeAnalysis(stages: stages))
        let out = try await harness.feed(SourceDocument(id: "kv.txt", content: .text("Vragen over Nuctech en China.")))
        #expect(out.first?[LinkedMentionCount.self] == 2)
        #expect(try await harness.finish().isClean)
    }

    @Test func aStageInsertedBeforeTheStageThatAssignsItsRequirementIsRejected() throws {
        // The first stage that assigns links is the document number tagger (its numbers link to
        // entities of their own); right after the splitter, nothing has assigned them yet.
        let stages = try TextGraphPipeline.standardStages(gazetteer: Fixtures.gazetteer)
            .inserting(LinkedMentionCounter(), after: SentenceSplitter.self)
        let error = #expect(throws: PipelineError.self) { _ = try TextGraphPipeline.make(stages: stages) }
        #expect(error?.code == .misorderedPipeline)
        #expect(
            error?.message.contains("'LinkedMentionCounter' requires links, which 'DocumentNumberTagger' assigns")
                == true)
        let later = try TextGraphPipeline.standardStages(gazetteer: Fixtures.gazetteer)
            .inserting(LinkedMentionCounter(), after: DocumentNumberTagger.self)
        #expect(throws: Never.self) { _ = try TextGraphPipeline.make(stages: later) }
    }

    @Test func replacingAndRemovingChangeTheStandardPipeline() throws {
        var options = TextGraphPipeline.Options()
        options.unlinkedNames = true
        let stages = try TextGraphPipeline.standardStages(gazetteer: Fixtures.gazetteer, options: options)
            .removing(CapitalizedSpanTagger.self)
            .replacing(EntityRecognizer.self, with: LinkedMentionCounter())
        let names = try TextGraphPipeline.make(options: options, stages: stages).descriptors.map(\.name)
        #expect(!names.contains("CapitalizedSpanTagger") && !names.contains("EntityRecognizer"))
        #expect(names.firstIndex(of: "LinkedMentionCounter") == names.firstIndex(of: "ArticleReferenceTagger")! + 1)
    }

    @Test func editingByAStageTypeTheStandardListDoesNotHoldThrowsNamingIt() throws {
        let stages = try TextGraphPipeline.standardStages(gazetteer: Fixtures.gazetteer)
        let error = #expect(throws: PipelineError.self) { try stages.removing(CapitalizedSpanTagger.self) }
        #expect(error?.code == .stageNotFound)
        #expect(error?.message.contains("no stage of type 'CapitalizedSpanTagger'") == true)
        let replaced = #expect(throws: PipelineError.self) {
            try stages.replacing(TextReader.self, with: LinkedMentionCounter())
        }
        #expect(replaced?.message.contains("'TextReader'") == true)
    }
}

import Pipeline
import PipelineTesting
import Testing

/// A layer of scores, named "score".
enum ScoreLayer: AnnotationLayer {
    typealias Value = [Double]
    static let key = AnnotationKey("score", for: ScoreLayer.self)
}

/// Another layer that chose the same name, "score", with another value type.
enum RivalScoreLayer: AnnotationLayer {
    typealias Value = String
    static let key = AnnotationKey("score", for: RivalScoreLayer.self)
}

/// Assigns ``ScoreLayer``.
struct Scorer: Stage {
    var assigns: Set<AnnotationKey> { [ScoreLayer.key] }

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        document[ScoreLayer.self] = [Double(document.utf8Count)]
        try await emit(document)
    }
}

/// Reads ``RivalScoreLayer``, which it takes to be assigned.
struct RivalReader: Stage {
    var requires: Set<AnnotationKey> { [RivalScoreLayer.key] }

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        _ = try input.require(RivalScoreLayer.self, by: self)
        try await emit(input)
    }
}

@Suite struct LayerKeyTests {
    @Test func layersWithTheSameKeyNameAreKeptApartInADocument() {
        var document = Document(id: "d", text: "abc")
        document[ScoreLayer.self] = [0.5]
        document[RivalScoreLayer.self] = "high"
        #expect(document[ScoreLayer.self] == [0.5])
        #expect(document[RivalScoreLayer.self] == "high")
        #expect(ScoreLayer.key != RivalScoreLayer.key)
        #expect(ScoreLayer.key.name == RivalScoreLayer.key.name)
    }

    @Test func aPipelineUsingTwoLayerTypesWithOneKeyNameIsRejectedNamingBoth() throws {
        let error = #expect(throws: PipelineError.self) {
            _ = try Pipeline<Document, Document> {
                Scorer()
                RivalReader()
            }
        }
        #expect(error?.code == .conflictingLayerKeys)
        #expect(error?.message.contains("ScoreLayer' (used by 'Scorer')") == true)
        #expect(error?.message.contains("RivalScoreLayer' (used by 'RivalReader')") == true)
        #expect(error?.message.contains("'score'") == true)
    }

    @Test func aProvidedKeyThatClashesWithAStagesKeyIsRejected() throws {
        let error = #expect(throws: PipelineError.self) {
            _ = try Pipeline<Document, Document>(provided: [RivalScoreLayer.key]) { Scorer() }
        }
        #expect(error?.code == .conflictingLayerKeys)
        #expect(error?.message.contains("`provided`") == true)
    }

    @Test func aStageWhoseLayerNoOtherTypeSharesRunsThroughTheHarnessAndInAPipeline() async throws {
        var harness = StageHarness(Scorer())
        let out = try await harness.feed(Document(id: "d", text: "abcd"))
        #expect(out[0][ScoreLayer.self] == [4])
        #expect(out[0][RivalScoreLayer.self] == nil)
        #expect(try await harness.finish().isClean)

        var inPipeline = StageHarness(
            try Pipeline<Document, Document> {
                Scorer()
                WordStub()
                SentenceStub()
            })
        let piped = try await inPipeline.feed(Document(id: "d", text: "ab cd"))
        #expect(piped[0][ScoreLayer.self] == [5])
    }
}

import Pipeline
import PipelineTesting
import Testing

/// Appends its mark to the document's text, so a test can read the order the stages ran in.
struct Mark: Stage {
    var mark: String

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        document.text += mark
        try await emit(document)
    }
}

/// Another marking stage, of another type.
struct OtherMark: Stage {
    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        document.text += "o"
        try await emit(document)
    }
}

@Suite struct StageListTests {
    /// Word stub, then sentence stub, then a mark: a list that checks as a pipeline.
    static let base = StageList<Document>().appending(WordStub()).appending(SentenceStub()).appending(Mark(mark: "m"))

    func run(_ list: StageList<Document>, _ text: String = "a b") async throws -> Document {
        var harness = StageHarness(list)
        let out = try await harness.feed(Document(id: "d", text: text))
        #expect(try await harness.finish().isClean)
        #expect(out.count == 1)
        return out[0]
    }

    @Test func aListRunsItsStagesInOrderThroughTheHarness() async throws {
        let document = try await run(Self.base)
        #expect(document.text == "a bm")
        #expect(document[Sentences.self]?.count == 1)
        #expect(Self.base.stageTypes == ["WordStub", "SentenceStub", "Mark"])
    }

    @Test func insertingAfterAndBeforeAStageTypePlacesTheStageThere() async throws {
        let list = try Self.base.inserting(OtherMark(), after: SentenceStub.self).inserting(
            Mark(mark: "x"), before: WordStub.self)
        #expect(list.stageTypes == ["Mark", "WordStub", "SentenceStub", "OtherMark", "Mark"])
        #expect(try await run(list).text == "a bxom")
    }

    @Test func replacingAndRemovingByTypeChangeOnlyThatStage() async throws {
        let replaced = try Self.base.replacing(Mark.self, with: OtherMark())
        #expect(replaced.stageTypes == ["WordStub", "SentenceStub", "OtherMark"])
        #expect(try await run(replaced).text == "a bo")
        let removed = try Self.base.removing(Mark.self)
        #expect(removed.stageTypes == ["WordStub", "SentenceStub"])
        #expect(try await run(removed).text == "a b")
    }

    @Test func editingByATypeTheListDoesNotHoldThrowsNamingIt() throws {
        let error = #expect(throws: PipelineError.self) {
            try Self.base.inserting(Mark(mark: "x"), after: OtherMark.self)
        }
        #expect(error?.code == .stageNotFound)
        #expect(error?.message.contains("'OtherMark'") == true)
        #expect(error?.message.contains("'WordStub', 'SentenceStub', 'Mark'") == true)
        #expect(throws: PipelineError.self) { try Self.base.replacing(OtherMark.self, with: Mark(mark: "x")) }
        #expect(throws: PipelineError.self) { try Self.base.removing(OtherMark.self) }
        #expect(throws: PipelineError.self) { try Self.base.inserting(Mark(mark: "x"), before: OtherMark.self) }
    }

    @Test func aTypeTheListHoldsTwiceIsNoAnchor() throws {
        let twice = Self.base.appending(Mark(mark: "n"))
        let error = #expect(throws: PipelineError.self) { try twice.inserting(OtherMark(), after: Mark.self) }
        #expect(error?.code == .stageNotFound)
        #expect(error?.message.contains("2 stages of type 'Mark'") == true)
    }

    @Test func aPipelineChecksTheOrderOfTheEditedList() throws {
        // The sentence stub requires tokens: placed before the word stub, the pipeline is rejected.
        let misplaced = try Self.base.removing(SentenceStub.self).inserting(SentenceStub(), before: WordStub.self)
        let error = #expect(throws: PipelineError.self) { _ = try Pipeline { misplaced } }
        #expect(error?.code == .misorderedPipeline)
        #expect(error?.message.contains("'SentenceStub' requires tokens, which 'WordStub' assigns") == true)
    }

    @Test func aListInsideAPipelineRunsBetweenTheOtherStages() async throws {
        let list = try Self.base.inserting(OtherMark(), after: WordStub.self)
        let pipeline = try Pipeline<Document, Document> {
            Mark(mark: "<")
            list
            Mark(mark: ">")
        }
        #expect(pipeline.descriptors.map(\.name) == ["Mark", "WordStub", "OtherMark", "SentenceStub", "Mark", "Mark"])
        var harness = StageHarness(pipeline)
        let out = try await harness.feed(Document(id: "d", text: "a b"))
        #expect(out.map(\.text) == ["a b<om>"])
        #expect(try await harness.finish().isClean)
    }

    @Test func aFailureNamesTheStageOfTheListThatFailed() async throws {
        let pipeline = try Pipeline { Self.base.appending(FailOnMarker()) }
        var harness = StageHarness(pipeline)
        let error = await #expect(throws: PipelineError.self) {
            _ = try await harness.feed(Document(id: "d", text: "fail"))
        }
        #expect(error?.stage == "FailOnMarker")
    }

    @Test func finishFlushesEachStageThroughTheStagesAfterIt() async throws {
        let list = StageList<Document>().appending(Gatherer()).appending(Mark(mark: "!"))
        var harness = StageHarness(list)
        #expect(try await harness.feed(Document(id: "a", text: "")).isEmpty)
        #expect(try await harness.feed(Document(id: "b", text: "")).isEmpty)
        let left = try await harness.finish()
        #expect(left.outputs.map(\.text) == ["a,b!"])
    }

    @Test func anEmptyListPassesItemsThrough() async throws {
        #expect(try await run(StageList<Document>(), "x").text == "x")
    }
}

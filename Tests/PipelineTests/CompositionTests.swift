import Pipeline
import PipelineTesting
import Testing

@Suite struct CompositionTests {
    @Test func misorderedPipelineIsRejectedNamingBothStages() throws {
        let error = #expect(throws: PipelineError.self) {
            _ = try Pipeline<Document, Document> {
                SentenceStub()
                WordStub()
            }
        }
        #expect(error?.code == .misorderedPipeline)
        #expect(error?.message.contains("'SentenceStub'") == true)
        #expect(error?.message.contains("'WordStub'") == true)
        #expect(error?.message.contains("tokens") == true)
    }

    @Test func requirementThatNoStageAssignsIsRejected() throws {
        let error = #expect(throws: PipelineError.self) {
            _ = try Pipeline<Document, Document> { SentenceStub() }
        }
        #expect(error?.code == .missingRequirement)
        #expect(error?.message.contains("no stage before it assigns") == true)
    }

    @Test func requirementProvidedByTheInputIsAccepted() throws {
        let pipeline = try Pipeline<Document, Document>(provided: [.tokens]) { SentenceStub() }
        #expect(pipeline.descriptors.map(\.name) == ["SentenceStub"])
    }

    @Test func wellOrderedPipelineRunsEveryStage() async throws {
        let pipeline = try Pipeline<Document, Document> {
            WordStub()
            SentenceStub()
        }
        var harness = StageHarness(pipeline)
        let out = try await harness.feed(Document(id: "d", text: "een twee drie"))
        #expect(out.count == 1)
        #expect(out[0][Tokens.self]?.count == 3)
        #expect(out[0][Sentences.self]?.count == 1)
        #expect(try await harness.finish().isClean)
    }

    @Test func chainCombinesRequirementsAndAssignments() {
        let chain = WordStub().then(SentenceStub())
        #expect(chain.requires.isEmpty)
        #expect(chain.assigns == [.tokens, .sentences])
        #expect(chain.name == "WordStub → SentenceStub")
    }

    @Test func optionalAndEitherStagesFromTheBuilder() async throws {
        func build(split: Bool) throws -> Pipeline<Document, Document> {
            try Pipeline {
                WordStub()
                if split { SentenceStub() }
            }
        }
        var with = StageHarness(try build(split: true))
        var without = StageHarness(try build(split: false))
        #expect(try await with.feed(Document(id: "d", text: "a b"))[0].has(Sentences.self))
        #expect(try await !without.feed(Document(id: "d", text: "a b"))[0].has(Sentences.self))

        func either(_ twice: Bool) throws -> Pipeline<Document, Document> {
            try Pipeline {
                if twice { Repeat(count: 2) } else { Repeat(count: 1) }
            }
        }
        var two = StageHarness(try either(true))
        #expect(try await two.feed(Document(id: "d", text: "x")).map(\.id) == ["d#1", "d#2"])
    }

    @Test func errorNamesTheStageThatFailed() async throws {
        let pipeline = try Pipeline<Document, Document> {
            WordStub()
            FailOnMarker()
            Repeat(count: 1)
        }
        var harness = StageHarness(pipeline)
        let error = await #expect(throws: PipelineError.self) {
            _ = try await harness.feed(Document(id: "d", text: "please fail"))
        }
        #expect(error?.stage == "FailOnMarker")
        #expect(error?.code == .stageFailed)
        #expect(error?.message == "the text asked to fail")
    }

    @Test func typeErasedStageKeepsNameAndDeclarations() {
        let erased = AnyStage(SentenceStub())
        #expect(erased.name == "SentenceStub")
        #expect(erased.requires == [.tokens])
        #expect(erased.descriptors.count == 1)
    }
}

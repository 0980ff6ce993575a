import Pipeline
import PipelineTesting
import Testing

@Suite struct StageHarnessTests {
    @Test func feedReturnsWhatTheStageEmitted() async throws {
        var harness = StageHarness(Repeat(count: 3))
        let out = try await harness.feed(Document(id: "d", text: "x"))
        #expect(out.map(\.id) == ["d#1", "d#2", "d#3"])
        #expect(try await harness.finish().isClean)
    }

    @Test func unreadOutputsAreReportedAsLeftOvers() async throws {
        var harness = StageHarness(Repeat(count: 2))
        try await harness.write(Document(id: "d", text: "x"))
        #expect(harness.readOutput()?.id == "d#1")
        let leftOvers = try await harness.finish()
        #expect(!leftOvers.isClean)
        #expect(leftOvers.outputs.map(\.id) == ["d#2"])
    }

    @Test func whatFinishEmitsIsLeftOverUntilRead() async throws {
        var harness = StageHarness(Gatherer())
        #expect(try await harness.feed(Document(id: "a", text: "")).isEmpty)
        #expect(try await harness.feed(Document(id: "b", text: "")).isEmpty)
        let leftOvers = try await harness.finish()
        #expect(leftOvers.outputs.map(\.text) == ["a,b"])
    }

    @Test func readOutputIsNilWhenNothingWaits() async throws {
        var harness = StageHarness(WordStub())
        #expect(harness.readOutput() == nil)
        try await harness.write(Document(id: "d", text: "x"))
        #expect(harness.readOutput() != nil)
        #expect(harness.readOutput() == nil)
    }

    @Test func errorsPropagateFromTheStage() async throws {
        var harness = StageHarness(FailOnMarker())
        await #expect(throws: FailOnMarker.Failure.self) {
            _ = try await harness.feed(Document(id: "d", text: "fail"))
        }
    }

    @Test func verifierAcceptsAStatelessStage() async throws {
        let inputs = ["a b", "c", "d e f"].enumerated().map { Document(id: "d\($0.offset)", text: $0.element) }
        try await StageVerifier.verifyIndependence(WordStub(), inputs: inputs) { $0[Tokens.self]?.map(\.span) ?? [] }
    }

    @Test func verifierRejectsAStageWhoseOutputDependsOnHistory() async throws {
        final class Counter: Stage, @unchecked Sendable {
            var count = 0
            func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
                count += 1
                var document = input
                document.text = String(count)
                try await emit(document)
            }
        }
        let inputs = [Document(id: "a", text: ""), Document(id: "b", text: "")]
        await #expect(throws: StageVerifier.Mismatch.self) {
            try await StageVerifier.verifyIndependence(Counter(), inputs: inputs) { $0.text }
        }
    }
}

import Pipeline
import Synchronization
import Testing

@Suite struct PipelineRunnerTests {
    static func items(_ count: Int) -> [TextItem] {
        (0..<count).map { TextItem(documentID: "doc\($0)", text: $0 % 7 == 3 ? "please fail \($0)" : "text \($0)") }
    }

    static func pipeline() throws -> Pipeline<TextItem, Document> {
        try Pipeline {
            ItemReader()
            Jitter()
            FailOnMarker()
            Repeat(count: 2)
        }
    }

    func run(jobs: Int, items: [TextItem]) async throws -> ([String], RunSummary) {
        var ids: [String] = []
        let summary = try await PipelineRunner(configuration: .init(jobs: jobs)).run(items, through: try Self.pipeline()) {
            ids.append($0.id)
        }
        return (ids, summary)
    }

    @Test func outputOrderIsTheInputOrderWhateverTheJobCount() async throws {
        let items = Self.items(40)
        let (one, _) = try await run(jobs: 1, items: items)
        let (four, _) = try await run(jobs: 4, items: items)
        let (many, _) = try await run(jobs: 16, items: items)
        #expect(one == four)
        #expect(one == many)
        #expect(one.prefix(4) == ["doc0#1", "doc0#2", "doc1#1", "doc1#2"])
    }

    @Test func failingDocumentsAreRecordedAndTheOthersGoOn() async throws {
        let items = Self.items(20)
        let (ids, summary) = try await run(jobs: 3, items: items)
        let failing = items.filter { $0.text.contains("fail") }.map(\.documentID)
        #expect(summary.documents == 20)
        #expect(summary.failures.map(\.documentID) == failing)
        #expect(summary.succeeded == 20 - failing.count)
        #expect(summary.failures.allSatisfy { $0.stage == "FailOnMarker" && $0.reason == "the text asked to fail" })
        #expect(ids.count == 2 * (20 - failing.count))
        #expect(!summary.isClean)
    }

    @Test func emptyInputGivesAnEmptySummary() async throws {
        let (ids, summary) = try await run(jobs: 2, items: [])
        #expect(ids.isEmpty)
        #expect(summary.documents == 0)
        #expect(summary.isClean)
    }

    @Test func finishOutputsComeAfterEveryDocument() async throws {
        let pipeline = try Pipeline<TextItem, Document> {
            ItemReader()
            Gatherer()
        }
        var outputs: [Document] = []
        let summary = try await PipelineRunner().run(Self.items(3).filter { !$0.text.contains("fail") }, through: pipeline) {
            outputs.append($0)
        }
        #expect(outputs.map(\.text) == ["doc0,doc1,doc2"])
        #expect(summary.outputs == 1)
    }

    @Test func itemsAreReadLazilyAndInFlightWorkIsBounded() async throws {
        let pulled = Mutex(0)
        let maxAhead = Mutex(0)
        let consumed = Mutex(0)
        let source = (0..<200).lazy.map { index -> TextItem in
            pulled.withLock { $0 += 1 }
            let ahead = pulled.withLock { $0 } - consumed.withLock { $0 }
            maxAhead.withLock { $0 = max($0, ahead) }
            return TextItem(documentID: "doc\(index)", text: "text")
        }
        let pipeline = try Pipeline<TextItem, Document> {
            ItemReader()
            Jitter()
        }
        let runner = PipelineRunner(configuration: .init(jobs: 4, window: 8))
        _ = try await runner.run(source, through: pipeline) { _ in consumed.withLock { $0 += 1 } }
        #expect(pulled.withLock { $0 } == 200)
        #expect(maxAhead.withLock { $0 } <= 9)
    }

    @Test func consumerErrorStopsTheRun() async throws {
        struct SinkFull: Error {}
        await #expect(throws: SinkFull.self) {
            _ = try await PipelineRunner(configuration: .init(jobs: 2)).run(Self.items(10), through: try Self.pipeline()) { _ in
                throw SinkFull()
            }
        }
    }

    @Test func cancellationStopsTheRun() async throws {
        let source = (0..<100_000).lazy.map { TextItem(documentID: "doc\($0)", text: "text") }
        let pipeline = try Pipeline<TextItem, Document> {
            ItemReader()
            Jitter()
        }
        let task = Task {
            try await PipelineRunner(configuration: .init(jobs: 2)).run(source, through: pipeline) { _ in }
        }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let result = await task.result
        #expect(throws: CancellationError.self) { try result.get() }
    }

    @Test func warningsAreCollectedPerDocument() async throws {
        struct Warner: Stage {
            func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
                context.warn("looked odd")
                try await emit(input)
            }
        }
        let pipeline = try Pipeline<TextItem, Document> {
            ItemReader()
            Warner()
        }
        let summary = try await PipelineRunner().run([TextItem(documentID: "a", text: "x")], through: pipeline) { _ in }
        #expect(summary.warnings == [Diagnostic(documentID: "a", stage: "Warner", message: "looked odd")])
    }
}

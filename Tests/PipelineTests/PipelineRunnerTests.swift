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
        let summary = try await PipelineRunner(configuration: .init(jobs: jobs)).run(
            items, through: try Self.pipeline()
        ) {
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
        let summary = try await PipelineRunner().run(
            Self.items(3).filter { !$0.text.contains("fail") }, through: pipeline
        ) {
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

    @Test func aDocumentTooLargeForTheMemoryBudgetFailsAloneAndTheOthersGoOn() async throws {
        let items = [
            TextItem(documentID: "small1", text: "kort"),
            TextItem(documentID: "huge", text: String(repeating: "x", count: 2000)),
            TextItem(documentID: "small2", text: "ook kort"),
        ]
        let budget = MemoryBudget(bytes: 10_000, bytesPerInputByte: 10, bytesPerItem: 100)
        let pipeline = try Pipeline<TextItem, Document> { ItemReader() }
        var ids: [String] = []
        let summary = try await PipelineRunner(configuration: .init(jobs: 2, memoryBudget: budget)).run(
            items, through: pipeline
        ) {
            ids.append($0.id)
        }
        #expect(ids == ["small1", "small2"])
        #expect(summary.documents == 3 && summary.succeeded == 2)
        let failure = try #require(summary.failures.first)
        #expect(failure.documentID == "huge" && failure.stage == "memory budget")
        #expect(
            failure.reason
                == "needs about 19.6 KiB of memory (10 times its 2 KiB), more than the memory budget of 9.8 KiB; raise the budget or split the document"
        )
    }

    @Test func documentsRefusedByTheBudgetAreReportedEvenWhenNothingElseRuns() async throws {
        let items = (0..<5).map { TextItem(documentID: "big\($0)", text: String(repeating: "y", count: 500)) }
        let budget = MemoryBudget(bytes: 100, bytesPerInputByte: 1)
        var completions: [String] = []
        let summary = try await PipelineRunner(configuration: .init(jobs: 3, memoryBudget: budget)).run(
            items, through: try Pipeline<TextItem, Document> { ItemReader() }
        ) { _ in
        } completed: { item, _ in
            completions.append(item.documentID)
        }
        #expect(summary.documents == 5 && summary.failures.count == 5)
        #expect(completions == items.map(\.documentID))
    }

    @Test func documentsThatDoNotFitTheBudgetTogetherRunOneAtATime() async throws {
        let items = (0..<8).map { TextItem(documentID: "doc\($0)", text: String(repeating: "z", count: 60)) }
        let probe = ConcurrencyProbe()
        let pipeline = try Pipeline<TextItem, Document> {
            ItemReader()
            probe
        }
        // Each needs 600 of 1,000: never two at once, though four jobs are allowed.
        let tight = MemoryBudget(bytes: 1000, bytesPerInputByte: 10)
        var ids: [String] = []
        let summary = try await PipelineRunner(configuration: .init(jobs: 4, memoryBudget: tight)).run(
            items, through: pipeline
        ) {
            ids.append($0.id)
        }
        #expect(summary.isClean && ids == items.map(\.documentID))
        #expect(probe.most.withLock { $0 } == 1)
    }

    @Test func memoryEstimatesSaturateAndSizesReadWell() {
        let budget = MemoryBudget(bytes: 1 << 30, bytesPerInputByte: 40, bytesPerItem: 8 << 20)
        #expect(budget.estimate(byteCount: 1_000_000) == 48_388_608)
        #expect(budget.estimate(byteCount: Int.max / 2) == Int.max)
        #expect(budget.refusal(byteCount: 1_000_000) == nil)
        #expect(
            budget.refusal(byteCount: 100_000_000)?.hasPrefix("needs about 3.7 GiB of memory (40 times its 95.4 MiB)")
                == true)
        #expect(
            MemoryBudget.describe(512) == "512 bytes" && MemoryBudget.describe(1536) == "1.5 KiB"
                && MemoryBudget.describe(1 << 30) == "1 GiB")
    }

    @Test func anAsyncSequenceRunsAsTheSameItemsInASequenceDo() async throws {
        let items = Self.items(30)
        let stream = AsyncStream<TextItem> { continuation in
            for item in items { continuation.yield(item) }
            continuation.finish()
        }
        var ids: [String] = []
        let summary = try await PipelineRunner(configuration: .init(jobs: 4)).run(stream, through: try Self.pipeline())
        {
            ids.append($0.id)
        }
        let (expected, expectedSummary) = try await run(jobs: 1, items: items)
        #expect(ids == expected)
        #expect(summary.failures == expectedSummary.failures && summary.documents == 30)
    }

    @Test func anErrorOfTheAsyncSequenceEndsTheRun() async throws {
        struct FeedBroke: Error {}
        let stream = AsyncThrowingStream<TextItem, any Error> { continuation in
            for item in Self.items(3) { continuation.yield(item) }
            continuation.finish(throwing: FeedBroke())
        }
        await #expect(throws: FeedBroke.self) {
            _ = try await PipelineRunner(configuration: .init(jobs: 2)).run(stream, through: try Self.pipeline()) { _ in
            }
        }
    }

    @Test func consumerErrorStopsTheRun() async throws {
        struct SinkFull: Error {}
        await #expect(throws: SinkFull.self) {
            _ = try await PipelineRunner(configuration: .init(jobs: 2)).run(
                Self.items(10), through: try Self.pipeline()
            ) { _ in
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

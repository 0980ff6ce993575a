import Synchronization

/// Streams items through a pipeline with bounded concurrency, in deterministic order.
///
/// The runner pulls inputs lazily from a sequence, processes up to ``Configuration/jobs`` of
/// them at once, and hands each item's outputs to `consume` strictly in input order, whatever
/// the concurrency: the same inputs give the same output sequence with one job or many. At most
/// ``Configuration/window`` items are read ahead of the oldest unfinished one, so memory is
/// bounded however large the corpus.
///
/// A failing item does not stop the run: its failure (document, stage, reason) goes into the
/// ``RunSummary`` and the next items go on. An error thrown by `consume` (the sink) is fatal.
/// With a ``MemoryBudget``, an item starts only when its estimated memory fits beside the items
/// in flight, and an item too large for the budget alone fails without being processed.
///
/// ```swift
/// let runner = PipelineRunner(configuration: .init(jobs: 4))
/// let summary = try await runner.run(sources, through: pipeline) { fragment in
///     try writer.write(fragment)
/// }
/// print(summary)  // "12 documents: 11 succeeded, 1 failed"
/// ```
public struct PipelineRunner: Sendable {
    /// How the runner schedules work.
    public struct Configuration: Sendable {
        /// How many items are processed at once (at least 1).
        public var jobs: Int
        /// How many items may be in flight or waiting for an earlier one, at most (at least `jobs`).
        public var window: Int
        /// The memory the items in flight may take together; `nil` for no limit.
        public var memoryBudget: MemoryBudget?

        /// Creates a configuration; `window` defaults to four times `jobs`.
        public init(jobs: Int, window: Int? = nil, memoryBudget: MemoryBudget? = nil) {
            self.jobs = max(1, jobs)
            self.window = max(self.jobs, window ?? self.jobs * 4)
            self.memoryBudget = memoryBudget
        }
    }

    /// The configuration.
    public var configuration: Configuration

    /// Creates a runner.
    public init(configuration: Configuration = Configuration(jobs: 1)) {
        self.configuration = configuration
    }

    /// Runs every input through the pipeline and hands the outputs to `consume`, in input order.
    ///
    /// - Parameters:
    ///   - inputs: The items, read lazily, one at a time.
    ///   - pipeline: The stages to run.
    ///   - consume: Receives each output, in input order; called from one task at a time.
    ///   - completed: Called after each item's outputs were consumed, in input order, with what
    ///     became of the item and the counts so far (for progress displays and journals).
    /// - Returns: What went through and what failed.
    /// - Throws: What `consume` or `completed` throws, or `CancellationError` when the task is
    ///   cancelled.
    public func run<Inputs: Sequence, Output: Sendable>(
        _ inputs: Inputs,
        through pipeline: Pipeline<Inputs.Element, Output>,
        consume: (Output) async throws -> Void,
        completed: ((ItemCompletion, RunProgress) async throws -> Void)? = nil
    ) async throws -> RunSummary where Inputs.Element: DocumentIdentified {
        var iterator = inputs.makeIterator()
        return try await run(next: { iterator.next() }, through: pipeline, consume: consume, completed: completed)
    }

    /// Runs every input of an asynchronous sequence through the pipeline (items arriving from a
    /// network, a queue or another pipeline), with the same bounded concurrency, ordering and
    /// isolation of failures as for a `Sequence`. An error the sequence throws is fatal, like one
    /// the consumer throws: the run ends and rethrows it.
    ///
    /// ```swift
    /// let (stream, continuation) = AsyncStream.makeStream(of: SourceDocument.self)
    /// continuation.yield(SourceDocument(id: "a", text: "De minister van Defensie ..."))
    /// continuation.finish()
    /// let summary = try await runner.run(stream, through: pipeline) { fragment in try writer.write(fragment) }
    /// ```
    public func run<Inputs: AsyncSequence, Output: Sendable>(
        _ inputs: Inputs,
        through pipeline: Pipeline<Inputs.Element, Output>,
        consume: (Output) async throws -> Void,
        completed: ((ItemCompletion, RunProgress) async throws -> Void)? = nil
    ) async throws -> RunSummary where Inputs.Element: DocumentIdentified {
        var iterator = inputs.makeAsyncIterator()
        return try await run(
            next: { try await iterator.next() }, through: pipeline, consume: consume, completed: completed)
    }

    /// The run itself, over whatever gives the next input (`nil` at the end).
    private func run<Input: DocumentIdentified, Output: Sendable>(
        next nextInput: () async throws -> Input?,
        through pipeline: Pipeline<Input, Output>,
        consume: (Output) async throws -> Void,
        completed: ((ItemCompletion, RunProgress) async throws -> Void)?
    ) async throws -> RunSummary {
        let clock = ContinuousClock()
        let started = clock.now
        var summary = RunSummary()
        try await withThrowingTaskGroup(of: (Int, ItemResult<Output>, Int).self) { group in
            var schedule = Schedule<Input, Output>(configuration: configuration)

            func launchWhilePossible() async throws {
                while let (index, item, cost) = try await schedule.nextToStart(reading: nextInput) {
                    group.addTask {
                        var result = await PipelineRunner.process(item, through: pipeline)
                        result.byteCount = item.byteCount ?? 0
                        return (index, result, cost)
                    }
                }
            }

            /// Hands the finished items that are next in input order to `consume` and `completed`.
            func consumeReady() async throws {
                while let (index, ready) = schedule.nextReady() {
                    let failure = try await summary.record(ready, consume: consume)
                    if let completed {
                        let completion = ItemCompletion(
                            index: index, documentID: ready.documentID, failure: failure, warnings: ready.warnings)
                        try await completed(completion, summary.progress(elapsed: clock.now - started))
                    }
                }
            }

            try await launchWhilePossible()
            while true {
                try await consumeReady()
                try Task.checkCancellation()
                try await launchWhilePossible()
                if schedule.running == 0 {
                    // Nothing in flight: go on only while refused items wait to be consumed.
                    if schedule.hasReady { continue }
                    break
                }
                guard let (index, result, cost) = try await group.next() else { break }
                schedule.finished(index, result, cost: cost)
                // Start the next item before consuming, so that a core is not idle while the
                // sink writes (consuming runs on this task, one item at a time).
                try await launchWhilePossible()
            }
        }
        try await finish(pipeline, into: &summary, consume: consume)
        summary.elapsed = clock.now - started
        return summary
    }

    /// Ends the pipeline (stages that hold outputs until the end of input emit them) and
    /// consumes what it gives.
    private func finish<Input: Sendable, Output: Sendable>(
        _ pipeline: Pipeline<Input, Output>,
        into summary: inout RunSummary,
        consume: (Output) async throws -> Void
    ) async throws {
        let log = DiagnosticLog()
        let context = StageContext(documentID: "(end of input)", diagnostics: log)
        do {
            var outputs: [Output] = []
            try await pipeline.finish(context: context) { outputs.append($0) }
            for output in outputs {
                try await consume(output)
                summary.outputs += 1
            }
        } catch let error as PipelineError {
            summary.failures.append(DocumentFailure(documentID: context.documentID, error: error))
        }
        summary.warnings += log.entries
    }

    /// Which items are read, started and consumed when: at most `jobs` in flight, at most
    /// `window` read ahead of the oldest not yet consumed, and (with a budget) only what fits in
    /// the memory the items in flight leave.
    private struct Schedule<Input: DocumentIdentified, Output: Sendable> {
        let jobs: Int
        let window: Int
        let budget: MemoryBudget?
        /// The next input's position, and the next position to consume.
        var nextIndex = 0
        var nextToConsume = 0
        /// Items in flight.
        private(set) var running = 0
        /// Items done (or refused) but not consumed yet, by position.
        var finished: [Int: ItemResult<Output>] = [:]
        var exhausted = false
        /// The memory the budget leaves, and an item read but waiting for room in it.
        var available: Int
        var waiting: (index: Int, item: Input, cost: Int)? = nil

        init(configuration: Configuration) {
            jobs = configuration.jobs
            window = configuration.window
            budget = configuration.memoryBudget
            available = budget?.bytes ?? Int.max
        }

        /// The next item to start, with its position and estimated memory, reading the input
        /// when needed; `nil` when none may start now. An item the budget refuses even alone is
        /// finished here, as a failure, without starting.
        mutating func nextToStart(reading nextInput: () async throws -> Input?) async throws -> (Int, Input, Int)? {
            while running < jobs {
                let next: (index: Int, item: Input, cost: Int)
                if let held = waiting {
                    next = held
                } else {
                    guard !exhausted && nextIndex - nextToConsume < window else { return nil }
                    guard let item = try await nextInput() else {
                        exhausted = true
                        return nil
                    }
                    next = (nextIndex, item, budget?.estimate(byteCount: item.byteCount ?? 0) ?? 0)
                    nextIndex += 1
                }
                waiting = nil
                let size = next.item.byteCount ?? 0
                if let budget, let refusal = budget.refusal(byteCount: size) {
                    finished[next.index] = PipelineRunner.refused(next.item, reason: refusal, byteCount: size)
                    continue
                }
                if next.cost > available && running > 0 {
                    waiting = next
                    return nil
                }
                available -= next.cost
                running += 1
                return next
            }
            return nil
        }

        /// An item in flight is done.
        mutating func finished(_ index: Int, _ result: ItemResult<Output>, cost: Int) {
            running -= 1
            available += cost
            finished[index] = result
        }

        /// Whether the next item in input order is done.
        var hasReady: Bool { finished[nextToConsume] != nil }

        /// The next item in input order, with its position, when it is done.
        mutating func nextReady() -> (Int, ItemResult<Output>)? {
            guard let ready = finished.removeValue(forKey: nextToConsume) else { return nil }
            nextToConsume += 1
            return (nextToConsume - 1, ready)
        }
    }

    fileprivate struct ItemResult<Output: Sendable>: Sendable {
        var documentID: String
        var outcome: Result<[Output], DocumentFailure>
        var warnings: [Diagnostic]
        var byteCount = 0
    }

    /// The failure of an item that the memory budget does not allow.
    private static func refused<Input: DocumentIdentified, Output: Sendable>(
        _ item: Input, reason: String, byteCount: Int
    ) -> ItemResult<Output> {
        let error = PipelineError(.overMemoryBudget, reason, stage: "memory budget", documentID: item.documentID)
        let failure = DocumentFailure(documentID: item.documentID, error: error)
        return ItemResult(documentID: item.documentID, outcome: .failure(failure), warnings: [], byteCount: byteCount)
    }

    private static func process<Input: DocumentIdentified, Output: Sendable>(
        _ item: Input,
        through pipeline: Pipeline<Input, Output>
    ) async -> ItemResult<Output> {
        let log = DiagnosticLog()
        let context = StageContext(documentID: item.documentID, diagnostics: log)
        var outputs: [Output] = []
        do {
            try await pipeline.process(item, context: context) { outputs.append($0) }
            return ItemResult(documentID: item.documentID, outcome: .success(outputs), warnings: log.entries)
        } catch {
            var error = PipelineError.attributing(error, to: pipeline.name)
            error.documentID = error.documentID ?? item.documentID
            return ItemResult(
                documentID: item.documentID,
                outcome: .failure(DocumentFailure(documentID: item.documentID, error: error)),
                warnings: log.entries
            )
        }
    }
}

/// Counts reported while a run goes on.
public struct RunProgress: Sendable {
    /// Items finished (succeeded or failed).
    public var documents: Int
    /// Items that failed.
    public var failures: Int
    /// Bytes of the finished items, as far as their sizes were known.
    public var bytes: Int
    /// Time since the run started.
    public var elapsed: Duration
}

/// What became of one item, reported in input order once its outputs were consumed.
public struct ItemCompletion: Sendable {
    /// The item's position in the input, from 0.
    public var index: Int
    /// The item's document.
    public var documentID: String
    /// Why it failed, when it did.
    public var failure: DocumentFailure?
    /// What was warned about it.
    public var warnings: [Diagnostic]
}

/// One document's failure: which document, which stage, and why.
public struct DocumentFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// The document that failed.
    public var documentID: String
    /// The stage that failed.
    public var stage: String
    /// Why, for a person.
    public var reason: String

    /// Creates a failure.
    public init(documentID: String, stage: String, reason: String) {
        self.documentID = documentID
        self.stage = stage
        self.reason = reason
    }

    /// Creates a failure from a pipeline error.
    public init(documentID: String, error: PipelineError) {
        self.init(documentID: documentID, stage: error.stage ?? "?", reason: error.message)
    }

    public var description: String { "\(documentID): \(stage): \(reason)" }
}

/// What a run did: how many documents went through, which failed, and what was warned about.
public struct RunSummary: Sendable, CustomStringConvertible {
    /// Items read from the input.
    public var documents = 0
    /// Items that went through every stage.
    public var succeeded = 0
    /// Outputs handed to the consumer.
    public var outputs = 0
    /// Bytes of the items read, as far as their sizes were known.
    public var bytes = 0
    /// The items that failed, in input order.
    public var failures: [DocumentFailure] = []
    /// Warnings, in input order.
    public var warnings: [Diagnostic] = []
    /// How long the run took.
    public var elapsed: Duration = .zero

    /// Creates an empty summary.
    public init() {}

    /// Whether every item went through.
    public var isClean: Bool { failures.isEmpty }

    /// Counts a finished item and hands its outputs to `consume`; returns its failure, if any.
    fileprivate mutating func record<Output: Sendable>(
        _ item: PipelineRunner.ItemResult<Output>,
        consume: (Output) async throws -> Void
    ) async throws -> DocumentFailure? {
        documents += 1
        warnings += item.warnings
        bytes += item.byteCount
        switch item.outcome {
        case .success(let outputs):
            succeeded += 1
            for output in outputs {
                try await consume(output)
                self.outputs += 1
            }
            return nil
        case .failure(let failed):
            failures.append(failed)
            return failed
        }
    }

    /// The counts so far, for a progress report.
    fileprivate func progress(elapsed: Duration) -> RunProgress {
        RunProgress(documents: documents, failures: failures.count, bytes: bytes, elapsed: elapsed)
    }

    public var description: String {
        "\(documents) documents: \(succeeded) succeeded, \(failures.count) failed"
    }
}

public import Pipeline

/// Runs one stage in isolation, the way NIO's `EmbeddedChannel` runs one handler.
///
/// Feed it inputs, read what the stage emitted, and finish: ``finish()`` calls the stage's
/// `finish`, and reports whatever was emitted but never read, so a test can check that nothing
/// was left over.
///
/// ```swift
/// var harness = StageHarness(Tokenizer())
/// let out = try await harness.feed(Document(id: "d1", text: "Vraag 1"))
/// #expect(out[0][Tokens.self]?.count == 2)
/// #expect(try await harness.finish().isClean)
/// ```
public struct StageHarness<S: Stage> {
    /// The stage under test.
    public let stage: S
    private var pending: [S.Output] = []
    private let log = DiagnosticLog()
    private var finished = false

    /// Creates a harness around a stage.
    public init(_ stage: S) { self.stage = stage }

    /// Passes one input to the stage; its outputs wait to be read with ``readOutput()``.
    public mutating func write(_ input: S.Input, documentID: String = "harness") async throws {
        precondition(!finished, "the harness was finished")
        var emitted: [S.Output] = []
        let context = StageContext(documentID: documentID, stageName: stage.name, diagnostics: log)
        try await stage.process(input, context: context) { emitted.append($0) }
        pending.append(contentsOf: emitted)
    }

    /// Takes the oldest output not read yet, or `nil` when there is none.
    public mutating func readOutput() -> S.Output? {
        pending.isEmpty ? nil : pending.removeFirst()
    }

    /// Passes one input to the stage and returns everything it emitted for it (and anything
    /// emitted earlier and not yet read).
    public mutating func feed(_ input: S.Input, documentID: String = "harness") async throws -> [S.Output] {
        try await write(input, documentID: documentID)
        defer { pending.removeAll() }
        return pending
    }

    /// Feeds several inputs in order and returns all outputs.
    public mutating func feed(_ inputs: [S.Input]) async throws -> [S.Output] {
        var outputs: [S.Output] = []
        for input in inputs { outputs += try await feed(input) }
        return outputs
    }

    /// The warnings the stage reported so far.
    public var warnings: [Diagnostic] { log.entries }

    /// Calls the stage's `finish` and reports what was left over: outputs never read, including
    /// what `finish` emitted.
    public mutating func finish() async throws -> LeftOvers<S.Output> {
        precondition(!finished, "the harness was finished twice")
        finished = true
        var emitted: [S.Output] = []
        let context = StageContext(documentID: "(end of input)", stageName: stage.name, diagnostics: log)
        try await stage.finish(context: context) { emitted.append($0) }
        let leftOvers = LeftOvers(outputs: pending + emitted)
        pending.removeAll()
        return leftOvers
    }
}

/// What a stage still held when its harness finished.
public struct LeftOvers<Output> {
    /// The outputs that were emitted and never read.
    public var outputs: [Output]

    /// Whether nothing was left over.
    public var isClean: Bool { outputs.isEmpty }
}

/// Feeds a stage the same inputs in several ways and checks that the outputs do not depend on it,
/// as NIO's `ByteToMessageDecoderVerifier` does for decoders.
///
/// The stage is run on all inputs in order, then on each input alone in a fresh harness, and
/// then on the inputs in reverse order; the outputs for each input must be the same every time.
public enum StageVerifier {
    /// A difference the verifier found.
    public struct Mismatch: Error, CustomStringConvertible {
        /// What differed.
        public var description: String
    }

    /// Verifies that `stage` treats each input independently of the others.
    /// - Parameter key: Maps an output to the value compared (for example its annotations).
    public static func verifyIndependence<S: Stage, Key: Equatable>(
        _ stage: S,
        inputs: [S.Input],
        comparing key: (S.Output) -> Key
    ) async throws {
        var together = StageHarness(stage)
        var expected: [[Key]] = []
        for input in inputs { expected.append(try await together.feed(input).map(key)) }
        guard try await together.finish().isClean else { throw Mismatch(description: "left-over outputs") }

        for (index, input) in inputs.enumerated() {
            var alone = StageHarness(stage)
            let got = try await alone.feed(input).map(key)
            if got != expected[index] { throw Mismatch(description: "input \(index) differs when fed alone") }
        }

        var reversed = StageHarness(stage)
        for (index, input) in inputs.enumerated().reversed() {
            let got = try await reversed.feed(input).map(key)
            if got != expected[index] {
                throw Mismatch(description: "input \(index) differs when fed in reverse order")
            }
        }
    }
}

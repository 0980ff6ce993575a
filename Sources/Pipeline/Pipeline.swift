/// A checked chain of stages, ready for a ``PipelineRunner``.
///
/// Creating a pipeline checks the order of its stages: every layer a stage requires must be
/// assigned by a stage before it (or be `provided` by the input). A stage that requires sentences
/// placed before the sentence splitter is rejected with an error naming both stages:
///
/// ```swift
/// let pipeline = try Pipeline {
///     TextReader()
///     Tokenizer()
///     SentenceSplitter()
/// }
/// ```
public struct Pipeline<Input: Sendable, Output: Sendable>: Stage {
    /// The chain of stages.
    public let stage: AnyStage<Input, Output>

    /// Checks and wraps a stage or chain.
    /// - Parameters:
    ///   - stage: The stage or chain to run.
    ///   - provided: Layers the inputs already carry, such as ``AnnotationKey/tokens`` for
    ///     documents tokenized elsewhere.
    /// - Throws: ``PipelineError`` with code ``PipelineError/Code/misorderedPipeline`` or
    ///   ``PipelineError/Code/missingRequirement``.
    public init<S: Stage>(_ stage: S, provided: Set<AnnotationKey> = []) throws
    where S.Input == Input, S.Output == Output {
        try Pipeline.validate(stage.descriptors, provided: provided)
        self.stage = AnyStage(stage)
    }

    /// Builds, checks and wraps a chain of stages, one per line.
    public init<S: Stage>(provided: Set<AnnotationKey> = [], @StageBuilder _ build: () -> S) throws
    where S.Input == Input, S.Output == Output {
        try self.init(build(), provided: provided)
    }

    public var name: String { stage.name }
    public var descriptors: [StageDescriptor] { stage.descriptors }
    public var requires: Set<AnnotationKey> { stage.requires }
    public var assigns: Set<AnnotationKey> { stage.assigns }

    public func process(_ input: Input, context: StageContext, emit: (Output) async throws -> Void) async throws {
        do {
            try await stage.process(input, context: context, emit: emit)
        } catch {
            throw PipelineError.attributing(error, to: stage.name)
        }
    }

    public func finish(context: StageContext, emit: (Output) async throws -> Void) async throws {
        do {
            try await stage.finish(context: context, emit: emit)
        } catch {
            throw PipelineError.attributing(error, to: stage.name)
        }
    }

    /// Checks that each stage's requirements are assigned before it.
    public static func validate(_ stages: [StageDescriptor], provided: Set<AnnotationKey>) throws {
        var available = provided
        for (index, stage) in stages.enumerated() {
            for key in stage.requires.sorted() where !available.contains(key) {
                if let later = stages[(index + 1)...].first(where: { $0.assigns.contains(key) }) {
                    throw PipelineError(
                        .misorderedPipeline,
                        "'\(stage.name)' requires \(key), which '\(later.name)' assigns, but '\(later.name)' "
                            + "comes after '\(stage.name)'; place '\(later.name)' before '\(stage.name)'",
                        stage: stage.name
                    )
                }
                let before = stages[..<index].map { "'\($0.name)'" }.joined(separator: ", ")
                throw PipelineError(
                    .missingRequirement,
                    "'\(stage.name)' requires \(key), which no stage before it assigns"
                        + (before.isEmpty ? "" : " (before it: \(before))")
                        + "; add a stage that assigns \(key), or pass it in `provided` if the input carries it",
                    stage: stage.name
                )
            }
            available.formUnion(stage.assigns)
        }
    }
}

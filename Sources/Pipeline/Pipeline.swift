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

    /// Builds, checks and wraps a chain of stages, one per line.
    ///
    /// This is the only initializer, so that a block whose stages do not fit together fails to
    /// compile with a message naming the stages' types; wrap a stage or chain made elsewhere
    /// with ``checking(_:provided:)``.
    /// - Parameters:
    ///   - provided: Layers the inputs already carry, such as ``AnnotationKey/tokens`` for
    ///     documents tokenized elsewhere.
    ///   - build: The stages, one per line; each takes what the one before it emits.
    /// - Throws: ``PipelineError`` with code ``PipelineError/Code/misorderedPipeline``,
    ///   ``PipelineError/Code/missingRequirement`` or ``PipelineError/Code/conflictingLayerKeys``.
    public init<S: Stage>(provided: Set<AnnotationKey> = [], @StageBuilder _ build: () -> S) throws
    where S.Input == Input, S.Output == Output {
        self = try Pipeline.checking(build(), provided: provided)
    }

    /// Wraps a stage.
    private init<S: Stage>(checked stage: S) where S.Input == Input, S.Output == Output {
        self.stage = AnyStage(stage)
    }

    /// Checks and wraps a stage or chain made elsewhere (a ``StageList``, a function that
    /// returns a chain).
    ///
    /// ```swift
    /// let segmentation = Tokenizer().then(SentenceSplitter())
    /// let pipeline = try Pipeline.checking(segmentation)
    /// ```
    /// - Parameters:
    ///   - stage: The stage or chain to run.
    ///   - provided: Layers the inputs already carry.
    /// - Throws: ``PipelineError`` with code ``PipelineError/Code/misorderedPipeline``,
    ///   ``PipelineError/Code/missingRequirement`` or ``PipelineError/Code/conflictingLayerKeys``.
    public static func checking<S: Stage>(_ stage: S, provided: Set<AnnotationKey> = []) throws -> Pipeline
    where S.Input == Input, S.Output == Output {
        try validate(stage.descriptors, provided: provided)
        return Pipeline(checked: stage)
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

    /// Checks that no two layer types share a key name, and that each stage's requirements are
    /// assigned before it.
    /// - Throws: ``PipelineError`` with code ``PipelineError/Code/conflictingLayerKeys``,
    ///   ``PipelineError/Code/misorderedPipeline`` or ``PipelineError/Code/missingRequirement``.
    public static func validate(_ stages: [StageDescriptor], provided: Set<AnnotationKey>) throws {
        try checkLayerKeys(stages, provided: provided)
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

    /// Throws when two different layer types use the same key name, naming both types and the
    /// stages that use them.
    static func checkLayerKeys(_ stages: [StageDescriptor], provided: Set<AnnotationKey>) throws {
        // The first user of each key: a stage's name, or nil for `provided`.
        var firstUser: [AnnotationKey: String?] = [:]
        for key in provided { firstUser[key] = .some(nil) }
        for stage in stages {
            for key in stage.assigns.union(stage.requires) where firstUser[key] == nil { firstUser[key] = stage.name }
        }
        let byName = Dictionary(grouping: firstUser.keys, by: \.name)
        guard let (name, keys) = byName.sorted(by: { $0.key < $1.key }).first(where: { $0.value.count > 1 }) else {
            return
        }
        let sortedKeys = keys.sorted()
        let described = sortedKeys.map { key in
            "'\(key.layerType ?? "(document text)")' (used by "
                + (firstUser[key].flatMap { $0 }.map { "'\($0)'" } ?? "`provided`") + ")"
        }
        throw PipelineError(
            .conflictingLayerKeys,
            "the layer types \(described.joined(separator: " and ")) both use the key name '\(name)'; "
                + "give one of them another name, so that their annotations are not taken for each other's",
            stage: firstUser[sortedKeys[1]].flatMap { $0 }
        )
    }
}

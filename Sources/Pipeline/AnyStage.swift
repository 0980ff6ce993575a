/// A type-erased stage, for pipelines assembled at run time (from command-line options, say).
///
/// Prefer concrete chains where the stages are known when compiling: the compiler checks them
/// and inlines across them.
public struct AnyStage<Input: Sendable, Output: Sendable>: Stage {
    private let _process: @Sendable (Input, StageContext, (Output) async throws -> Void) async throws -> Void
    private let _finish: @Sendable (StageContext, (Output) async throws -> Void) async throws -> Void
    public let name: String
    public let descriptors: [StageDescriptor]
    public let requires: Set<AnnotationKey>
    public let assigns: Set<AnnotationKey>

    /// Wraps a stage.
    public init<S: Stage>(_ stage: S) where S.Input == Input, S.Output == Output {
        _process = { input, context, emit in try await stage.process(input, context: context, emit: emit) }
        _finish = { context, emit in try await stage.finish(context: context, emit: emit) }
        name = stage.name
        descriptors = stage.descriptors
        requires = stage.requires
        assigns = stage.assigns
    }

    public func process(_ input: Input, context: StageContext, emit: (Output) async throws -> Void) async throws {
        try await _process(input, context, emit)
    }

    public func finish(context: StageContext, emit: (Output) async throws -> Void) async throws {
        try await _finish(context, emit)
    }
}

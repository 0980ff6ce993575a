/// A step of a pipeline: takes typed inputs and emits zero or more typed outputs for each.
///
/// A stage is a `Sendable` value. The runner calls ``process(_:context:emit:)`` for many items
/// at once from several tasks, so a stage keeps no mutable state of its own (or guards it);
/// after the last item the runner calls ``finish(context:emit:)`` once, for stages that
/// gather (like NIO's `decodeLast`).
///
/// ```
///   Input ──▶ process ──emit──▶ Output, Output, ...
///                (per item)
///   end   ──▶ finish  ──emit──▶ Output, ...
/// ```
///
/// Declare the annotation layers the stage reads (``requires``) and writes (``assigns``), so that
/// a ``Pipeline`` can reject a misordered chain before anything runs:
///
/// ```swift
/// struct Shouter: Stage {
///     var requires: Set<AnnotationKey> { [.tokens] }
///     func process(_ doc: Document, context: StageContext,
///                  emit: (Document) async throws -> Void) async throws {
///         var doc = doc
///         doc.text = doc.text.uppercased()
///         try await emit(doc)
///     }
/// }
/// ```
public protocol Stage<Input, Output>: Sendable {
    /// What the stage consumes.
    associatedtype Input: Sendable
    /// What the stage emits.
    associatedtype Output: Sendable

    /// The stage's name in error messages and reports; by default its type's name.
    var name: String { get }
    /// The layers the stage reads, which earlier stages must assign. Default: none.
    var requires: Set<AnnotationKey> { get }
    /// The layers the stage writes. Default: none.
    var assigns: Set<AnnotationKey> { get }
    /// The stages this one is made of, in order; a plain stage is made of itself.
    var descriptors: [StageDescriptor] { get }

    /// Processes one input, calling `emit` for each output.
    func process(_ input: Input, context: StageContext, emit: (Output) async throws -> Void) async throws

    /// Emits what the stage still holds after the last input. Default: nothing.
    func finish(context: StageContext, emit: (Output) async throws -> Void) async throws
}

extension Stage {
    public var name: String { String(describing: type(of: self)) }
    public var requires: Set<AnnotationKey> { [] }
    public var assigns: Set<AnnotationKey> { [] }
    public var descriptors: [StageDescriptor] {
        [StageDescriptor(name: name, requires: requires, assigns: assigns)]
    }
    public func finish(context: StageContext, emit: (Output) async throws -> Void) async throws {}
}

/// A stage's name and what it requires and assigns, as pipelines check them.
public struct StageDescriptor: Hashable, Sendable {
    /// The stage's name.
    public var name: String
    /// The layers it reads.
    public var requires: Set<AnnotationKey>
    /// The layers it writes.
    public var assigns: Set<AnnotationKey>

    /// Creates a descriptor.
    public init(name: String, requires: Set<AnnotationKey>, assigns: Set<AnnotationKey>) {
        self.name = name
        self.requires = requires
        self.assigns = assigns
    }
}

extension Document {
    /// Returns the layer's annotations, or throws a clear error naming `stage` when no earlier
    /// stage assigned them.
    @inlinable
    public func require<Layer: AnnotationLayer>(_ layer: Layer.Type, by stage: some Stage) throws -> Layer.Value {
        guard let value = self[layer] else {
            throw PipelineError(
                .missingRequirement,
                "'\(stage.name)' requires \(Layer.key), which no earlier stage assigned to this document",
                stage: stage.name,
                documentID: id
            )
        }
        return value
    }
}

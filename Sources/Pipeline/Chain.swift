/// Two stages run one after the other: every output of `First` is fed to `Second`.
///
/// The compiler checks the types: `First.Output` must be `Second.Input`. Build chains with
/// ``Stage/then(_:)`` or inside a ``Pipeline`` builder block rather than by hand.
public struct Chain<First: Stage, Second: Stage>: Stage where First.Output == Second.Input {
    public typealias Input = First.Input
    public typealias Output = Second.Output

    /// The stage that runs first.
    public let first: First
    /// The stage fed with the first stage's outputs.
    public let second: Second

    /// The stages' names and descriptors, worked out once: a chain is built once and run for
    /// every document, and a stage's default name reflects on its type.
    private let firstName: String
    private let secondName: String
    public let name: String
    public let descriptors: [StageDescriptor]

    /// Creates a chain.
    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
        firstName = first.name
        secondName = second.name
        descriptors = first.descriptors + second.descriptors
        name = descriptors.map(\.name).joined(separator: " → ")
    }

    public var requires: Set<AnnotationKey> { first.requires.union(second.requires.subtracting(first.assigns)) }
    public var assigns: Set<AnnotationKey> { first.assigns.union(second.assigns) }

    public func process(_ input: Input, context: StageContext, emit: (Output) async throws -> Void) async throws {
        do {
            try await first.process(input, context: context.entering(firstName)) { intermediate in
                try await feedSecond(intermediate, context: context, emit: emit)
            }
        } catch {
            throw PipelineError.attributing(error, to: firstName)
        }
    }

    public func finish(context: StageContext, emit: (Output) async throws -> Void) async throws {
        do {
            try await first.finish(context: context.entering(firstName)) { intermediate in
                try await feedSecond(intermediate, context: context, emit: emit)
            }
        } catch {
            throw PipelineError.attributing(error, to: firstName)
        }
        do {
            try await second.finish(context: context.entering(secondName), emit: emit)
        } catch {
            throw PipelineError.attributing(error, to: secondName)
        }
    }

    /// Passes one output of the first stage to the second, naming the second stage in its errors.
    private func feedSecond(_ intermediate: First.Output, context: StageContext, emit: (Output) async throws -> Void)
        async throws
    {
        do {
            try await second.process(intermediate, context: context.entering(secondName), emit: emit)
        } catch {
            throw PipelineError.attributing(error, to: secondName)
        }
    }
}

extension Stage {
    /// Feeds this stage's outputs to `next`.
    ///
    /// ```swift
    /// let segment = Tokenizer().then(SentenceSplitter())
    /// ```
    public func then<Next: Stage>(_ next: Next) -> Chain<Self, Next> where Next.Input == Output {
        Chain(self, next)
    }
}

/// A stage that may be left out: without a wrapped stage, inputs pass through unchanged.
///
/// The result builder makes one from an `if` without `else`.
public struct OptionalStage<Wrapped: Stage>: Stage where Wrapped.Input == Wrapped.Output {
    public typealias Input = Wrapped.Input
    public typealias Output = Wrapped.Output

    /// The stage, when present.
    public let wrapped: Wrapped?

    /// Creates an optional stage.
    public init(_ wrapped: Wrapped?) { self.wrapped = wrapped }

    public var name: String { wrapped?.name ?? "(none)" }
    public var descriptors: [StageDescriptor] { wrapped?.descriptors ?? [] }
    public var requires: Set<AnnotationKey> { wrapped?.requires ?? [] }
    public var assigns: Set<AnnotationKey> { wrapped?.assigns ?? [] }

    public func process(_ input: Input, context: StageContext, emit: (Output) async throws -> Void) async throws {
        if let wrapped {
            try await wrapped.process(input, context: context, emit: emit)
        } else {
            try await emit(input)
        }
    }

    public func finish(context: StageContext, emit: (Output) async throws -> Void) async throws {
        try await wrapped?.finish(context: context, emit: emit)
    }
}

/// One of two stages with the same input and output; the result builder makes one from `if`/`else`.
public enum EitherStage<First: Stage, Second: Stage>: Stage
where First.Input == Second.Input, First.Output == Second.Output {
    public typealias Input = First.Input
    public typealias Output = First.Output

    /// The stage of the `if` branch.
    case first(First)
    /// The stage of the `else` branch.
    case second(Second)

    public var name: String {
        switch self {
        case .first(let stage): stage.name
        case .second(let stage): stage.name
        }
    }

    public var descriptors: [StageDescriptor] {
        switch self {
        case .first(let stage): stage.descriptors
        case .second(let stage): stage.descriptors
        }
    }

    public func process(_ input: Input, context: StageContext, emit: (Output) async throws -> Void) async throws {
        switch self {
        case .first(let stage): try await stage.process(input, context: context, emit: emit)
        case .second(let stage): try await stage.process(input, context: context, emit: emit)
        }
    }

    public func finish(context: StageContext, emit: (Output) async throws -> Void) async throws {
        switch self {
        case .first(let stage): try await stage.finish(context: context, emit: emit)
        case .second(let stage): try await stage.finish(context: context, emit: emit)
        }
    }
}

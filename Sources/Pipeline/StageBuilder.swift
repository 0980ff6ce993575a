/// Builds a chain of stages from a block, one stage per line.
///
/// Each stage's input type must be the previous stage's output type; a block that breaks this
/// does not compile.
///
/// ```swift
/// let pipeline = try Pipeline {
///     TextReader()
///     Tokenizer()
///     SentenceSplitter()
///     if withEntities { GazetteerTagger(gazetteer: gazetteer) }
/// }
/// ```
@resultBuilder
public enum StageBuilder {
    public static func buildPartialBlock<S: Stage>(first: S) -> S { first }

    public static func buildPartialBlock<Accumulated: Stage, Next: Stage>(
        accumulated: Accumulated,
        next: Next
    ) -> Chain<Accumulated, Next> where Accumulated.Output == Next.Input {
        Chain(accumulated, next)
    }

    public static func buildOptional<S: Stage>(_ component: S?) -> OptionalStage<S> { OptionalStage(component) }

    public static func buildEither<First: Stage, Second: Stage>(first component: First) -> EitherStage<First, Second> {
        .first(component)
    }

    public static func buildEither<First: Stage, Second: Stage>(second component: Second) -> EitherStage<First, Second>
    {
        .second(component)
    }
}

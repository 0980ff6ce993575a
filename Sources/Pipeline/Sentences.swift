/// A sentence: a span of the text.
public struct Sentence: Hashable, Sendable {
    /// The sentence's text range, from its first to its last token.
    public var span: Span

    /// Creates a sentence.
    public init(span: Span) { self.span = span }
}

/// The layer of sentences, in text order, not overlapping.
public enum Sentences: AnnotationLayer {
    public typealias Value = [Sentence]
    public static let key = AnnotationKey.sentences
}

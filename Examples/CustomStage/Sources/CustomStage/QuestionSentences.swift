import Pipeline

/// The sentences of a document that ask something (they end in a question mark): the layer the
/// custom stage fills.
enum QuestionSentences: AnnotationLayer {
    typealias Value = [Span]
    static let key = AnnotationKey("question sentences", for: QuestionSentences.self)
}

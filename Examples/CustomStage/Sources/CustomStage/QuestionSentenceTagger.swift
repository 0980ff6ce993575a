import Pipeline

/// Finds the sentences that end in a question mark, after TextGraph's sentence splitter.
struct QuestionSentenceTagger: Stage {
    var requires: Set<AnnotationKey> { [.sentences] }
    var assigns: Set<AnnotationKey> { [QuestionSentences.key] }

    func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let text = Array(document.text.utf8)
        document[QuestionSentences.self] = (document[Sentences.self] ?? []).map(\.span).filter { span in
            // The last byte that is not white space.
            var end = span.end
            while end > span.start, [0x20, 0x0A, 0x0D, 0x09].contains(text[end - 1]) { end -= 1 }
            return end > span.start && text[end - 1] == UInt8(ascii: "?")
        }
        try await emit(document)
    }
}

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
            while end > span.start, Self.isSpace(text[end - 1]) { end -= 1 }
            return end > span.start && text[end - 1] == UInt8(ascii: "?")
        }
        try await emit(document)
    }

    /// Whether a byte is ASCII white space (space, tab, line feed, carriage return).
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

import Pipeline
import Stages

extension DocumentRebuilder {
    /// The questions and answers of a document, found back in its text by their `schema:text`.
    func questionSet(iri: String, text: String) -> QuestionSet? {
        typealias V = Vocabulary
        let questionSubjects = subjects(ofType: V.schemaQuestion.iri.value).filter {
            iris($0, V.schemaIsPartOf.iri.value).contains(IRI(iri))
        }
        let answerSubjects = subjects(ofType: V.schemaAnswer.iri.value)
        let askedBy = iris(iri, V.tgAskedBy.iri.value)
        guard !questionSubjects.isEmpty || !answerSubjects.isEmpty || !askedBy.isEmpty else { return nil }
        let bytes = Array(text.utf8)
        var set = QuestionSet(askedBy: askedBy, addressedTo: iris(iri, V.tgAddressedTo.iri.value))
        if let caseIRI = iris(iri, V.tgCase.iri.value).first { set.caseNumber = EntityCategory.localName(caseIRI) }
        var cursor = 0
        for subject in questionSubjects {
            guard let number = literal(subject, V.schemaPosition.iri.value).flatMap({ Int($0.lexicalForm) }),
                let body = literal(subject, V.schemaText.iri.value)?.lexicalForm,
                let span = Self.find(body, in: bytes, from: &cursor)
            else { continue }
            set.questions.append(Question(number: number, span: span))
            if set.submitted == nil { set.submitted = literal(subject, V.schemaDateCreated.iri.value) }
            if set.postponed == nil { set.postponed = literal(subject, V.tgDatePostponed.iri.value) }
        }
        cursor = 0
        for subject in answerSubjects {
            guard let body = literal(subject, V.schemaText.iri.value)?.lexicalForm,
                let span = Self.find(body, in: bytes, from: &cursor)
            else { continue }
            // The numbers in the answer's own order, as its IRI keeps them (`#answer-2-3`).
            let suffix = subject.split(separator: "#").last.map(String.init) ?? ""
            let numbers =
                suffix.hasPrefix("answer-")
                ? suffix.dropFirst("answer-".count).split(separator: "-").compactMap { Int($0) } : []
            set.answers.append(Answer(questionNumbers: numbers, span: span))
            for author in iris(subject, V.schemaAuthor.iri.value) where !set.answeredBy.contains(author) {
                set.answeredBy.append(author)
            }
            if set.answered == nil { set.answered = literal(subject, V.schemaDateCreated.iri.value) }
        }
        set.questions.sort { $0.span < $1.span }
        set.answers.sort { $0.span < $1.span }
        return set
    }

    /// The span of `needle` in `text` at or after `cursor` (else anywhere), moving the cursor past it.
    static func find(_ needle: String, in text: [UInt8], from cursor: inout Int) -> Span? {
        let pattern = Array(needle.utf8)
        guard !pattern.isEmpty, pattern.count <= text.count else { return nil }
        for start in [cursor, 0] {
            var index = start
            while index + pattern.count <= text.count {
                if text[index] == pattern[0], text[index..<index + pattern.count].elementsEqual(pattern) {
                    cursor = index + pattern.count
                    return Span(start: index, end: index + pattern.count)
                }
                index += 1
            }
        }
        return nil
    }
}

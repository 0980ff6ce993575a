import Pipeline
import TextGraphEntities
import TextGraphSupport

extension StructureAnalysis {
    // MARK: The case and its dates

    /// Finds the case the questions belong to, and whether the document is a notice that their
    /// answers will be late.
    ///
    /// The case number is the document's identifier when that is one ("2024Z01911", or the
    /// publication code "kv-tk-2024Z01911"), else the first case number before the first question
    /// that is not in a footnote: the heading of a question text, "nr. 2024Z11889" in a ministry's
    /// answer letter. Case numbers later in the text name other cases (earlier questions, letters).
    mutating func findCase() {
        if let identifier = document.metadata.identifier,
            let (kind, canonical) = DocumentNumberTagger.classify(identifier), kind == .caseNumber
        {
            set.caseNumber = canonical
        } else {
            let limit = min(firstHeading, set.questions.first?.span.start ?? bytes.count)
            for index in mentions.indices
            where mentions[index].span.start < limit && mentions[index].form == .value && mentions[index].entity != nil
            {
                let mention = mentions[index]
                guard let word = mention.value?.lexicalForm,
                    let (kind, canonical) = DocumentNumberTagger.classify(word), kind == .caseNumber
                else { continue }
                if let index = sentenceIndex(at: mention.span.start), startsWithFootnoteNumber(index) { continue }
                set.caseNumber = canonical
                break
            }
        }
        // "Mededeling van minister …", "… kunnen niet binnen de gebruikelijke termijn worden beantwoord"
        guard set.answers.isEmpty else { return }
        let notice = sentences.indices.first { ByteSearch.hasPrefix(in: bytes, range($0), "Mededeling van ") }
        guard notice != nil || header != nil || set.caseNumber != nil else { return }
        let phrases: [StaticString] = ["gebruikelijke termijn", "uitstel beantwoording", "Uitstel beantwoording"]
        let late = phrases.contains { !occurrences(of: $0, before: bytes.count, first: true).isEmpty }
        guard notice != nil || late else { return }
        let start = notice.map { sentences[$0].span.start } ?? 0
        set.postponed = date(after: "ontvangen", from: start) ?? dateMention(from: 0)
    }

    /// The first date mentioned from an offset.
    private func dateMention(from start: Int) -> Literal? {
        mentions.first { $0.span.start >= start && $0.value?.datatype?.value.hasSuffix("#date") == true }?.value
    }

    // MARK: The document's own metadata

    /// "Onze Referentie" followed by a document number, or else the first document number before
    /// the first question, is the document's identifier; "Datum 5 september 2019" its date;
    /// "Betreft …" its title.
    mutating func findMetadata() {
        let firstQuestion = set.questions.first?.heading?.start ?? Int.max
        for index in sentences.indices {
            // Each test below needs the sentence to start with one of these words.
            let bytesRange = range(index)
            guard
                ByteSearch.hasPrefix(in: bytes, bytesRange, "Onze ")
                    || ByteSearch.hasPrefix(in: bytes, bytesRange, "Datum ")
                    || ByteSearch.hasPrefix(in: bytes, bytesRange, "Betreft ")
            else { continue }
            let text = text(index)
            if identifier == nil, text == "Onze Referentie" || text.hasPrefix("Onze referentie"),
                index + 1 < sentences.count
            {
                let span = text == "Onze Referentie" ? sentences[index + 1].span : sentences[index].span
                identifier =
                    firstMention(in: span) { $0.form == .value && $0.value?.datatype == nil }?.value?.lexicalForm
            }
            if date == nil, text.hasPrefix("Datum ") {
                date =
                    firstMention(in: sentences[index].span) { $0.value?.datatype?.value.hasSuffix("#date") == true }?
                    .value?.lexicalForm
            }
            if title == nil, text.hasPrefix("Betreft ") {
                title = String(text.dropFirst(8)).split(whereSeparator: \.isNewline).joined(separator: " ")
            }
        }
        if identifier == nil {
            identifier =
                mentions.first {
                    $0.span.start < firstQuestion && $0.form == .value && $0.value?.datatype == nil && $0.entity != nil
                }?
                .value?.lexicalForm
        }
    }

    // MARK: Layouts that are not known

    /// Warns where the document looks like written questions but the layout was not read whole:
    /// an asker phrase or answers without questions, questions not numbered 1 to N, answers to
    /// questions the document does not hold (and no case number to name them by).
    mutating func checkLayout() {
        // Answers without the questions repeated are a known layout where the case number names the questions.
        let answersByCase = set.caseNumber != nil && !set.answers.isEmpty
        if set.questions.isEmpty && set.postponed == nil && !answersByCase && (header != nil || !set.answers.isEmpty) {
            warnings.append(
                "written questions in a layout TextGraph does not know: \(header != nil ? "an asker phrase" : "answers") but no questions; none are written"
            )
        }
        let numbers = set.questions.map(\.number).sorted()
        if !numbers.indices.allSatisfy({ numbers[$0] == $0 + 1 }) {
            warnings.append(
                "questions numbered \(numbers.map(String.init).joined(separator: ", ")), not 1 to \(numbers.count)")
        }
        guard set.caseNumber == nil else { return }
        var unknown: [Int] = []
        for answer in set.answers {
            for number in answer.questionNumbers where !unknown.contains(number) && !numbers.contains(number) {
                unknown.append(number)
            }
        }
        unknown.sort()
        if !unknown.isEmpty {
            warnings.append(
                "answers to questions \(unknown.map(String.init).joined(separator: ", ")) that the document does not hold, and no case number to name them by"
            )
        }
    }
}

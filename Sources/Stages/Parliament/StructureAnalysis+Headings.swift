import Pipeline
import TextGraphSupport

extension StructureAnalysis {
    // MARK: Headings

    /// The heading sentence `index` is, if any: a cheap look at its first bytes, then the grammar.
    func heading(_ index: Int) -> QuestionHeading? {
        var start = sentences[index].span.start
        let end = sentences[index].span.end
        guard end - start <= QuestionHeading.maximumLength else { return nil }
        // Markup a heading may start with: spaces, tabs, "#", "*", "_", ",".
        while start < end,
            bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x23 || bytes[start] == 0x2A
                || bytes[start] == 0x5F
                || bytes[start] == 0x2C
        {
            start += 1
        }
        guard start < end else { return nil }
        let first = bytes[start]
        if first >= 0x30 && first <= 0x39 {
            // A number alone, or the numbers of an XML heading ("2 en 3").
            guard end - start <= 20 else { return nil }
        } else {
            // Only the keywords start a heading: a look at the bytes before the grammar's.
            let range = start..<end
            switch first {
            case 0x56, 0x76:
                guard end - start >= 3, bytes[start + 1] | 0x20 == 0x72, bytes[start + 2] | 0x20 == 0x61 else {
                    return nil
                }  // "vra"
            case 0x41, 0x61:
                guard
                    ByteSearch.hasPrefix(in: bytes, range, "Antwoord")
                        || ByteSearch.hasPrefix(in: bytes, range, "antwoord")
                        || ByteSearch.hasPrefix(in: bytes, range, "ANTWOORD")
                else { return nil }
            default: return nil
            }
        }
        // A heading is one line.
        guard !bytes[start..<end].contains(0x0A) else { return nil }
        return QuestionHeading.parse(bytes[start..<end])
    }

    /// Whether a sentence is not part of a question's or answer's text when it ends one: a
    /// footnote, a letter's reference line, a lone document number.
    private func isTrailingNoise(_ index: Int) -> Bool {
        let whole = range(index)
        if ByteSearch.hasPrefix(in: bytes, whole, "<sup>") || bytes[whole].elementsEqual("Onze Referentie".utf8)
            || bytes[whole].elementsEqual("Uw Referentie".utf8)
        {
            return true
        }
        if startsWithFootnoteNumber(index) { return true }
        return isOneMention(sentences[index].span) { $0.form == .value }
    }

    /// Whether a sentence starts with a footnote number ("1) …"): characters that are all numbers
    /// before its first `)`, at least one.
    func startsWithFootnoteNumber(_ index: Int) -> Bool {
        let whole = range(index)
        guard let paren = bytes[whole].firstIndex(of: 0x29), paren > whole.lowerBound else { return false }
        return bytes[whole.lowerBound..<paren].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    // MARK: Questions and answers

    /// Reads the questions and answers that headings open: each runs to the next heading.
    mutating func findQuestionsAndAnswers() {
        // The headings in order, with their sentences (few: a list, not one entry per sentence).
        var headings: [(index: Int, heading: QuestionHeading)] = []
        var hasKeywordHeading = false
        var bareNumbers: [Int] = []
        for index in sentences.indices {
            var found = heading(index)
            // Official-publication XML: "<vraag><nr>1</nr>" and "<antwoord><nr>1</nr>" say what a bare number opens.
            let span = sentences[index].span
            if span.end - span.start <= 20, span.start < span.end, bytes[span.start] >= 0x30, bytes[span.start] <= 0x39,
                found?.bareNumber != nil || found == nil, let origin = blockOrigin(at: span.start),
                let keyword = origin.hasSuffix("/vraag/nr")
                    ? "Vraag " : origin.hasSuffix("/antwoord/nr") ? "Antwoord " : nil
            {
                found = QuestionHeading.parse(ArraySlice(Array(keyword.utf8) + bytes[span.start..<span.end]))
            }
            guard let found else { continue }
            if let number = found.bareNumber { bareNumbers.append(number) } else { hasKeywordHeading = true }
            headings.append((index, found))
        }
        // No "Vraag" or "Antwoord" heading: numbers alone on their lines are the headings when
        // they count 1, 2, 3, … (a lone "2" elsewhere is a page number or a footnote mark).
        let useBareNumbers =
            !hasKeywordHeading && bareNumbers.count >= 2 && bareNumbers.indices.allSatisfy { bareNumbers[$0] == $0 + 1 }
        if !bareNumbers.isEmpty {
            headings = headings.compactMap { entry in
                guard let number = entry.heading.bareNumber else { return entry }
                return useBareNumbers ? (entry.index, .question([number])) : nil
            }
        }
        var unanswered: [Int] = []
        var asked: [Int] = []
        for (k, entry) in headings.enumerated() {
            let (index, found) = entry
            firstHeading = min(firstHeading, sentences[index].span.start)
            // Each runs to the next heading.
            let end = k + 1 < headings.count ? headings[k + 1].index : sentences.count
            var last = end - 1
            while last > index, isTrailingNoise(last) { last -= 1 }
            let headingSpan = sentences[index].span
            let body = last > index ? Span(start: sentences[index + 1].span.start, end: sentences[last].span.end) : nil
            switch found {
            case .question(let numbers):
                // A question asked again (the list repeated before the answers) keeps its first text.
                for number in numbers where !asked.contains(number) {
                    guard let body else { continue }
                    set.questions.append(Question(number: number, span: body, heading: headingSpan))
                    asked.append(number)
                    unanswered.append(number)
                }
            case .answer(let numbers):
                if let body {
                    let covered = numbers.isEmpty ? unanswered : numbers
                    if !covered.isEmpty {
                        set.answers.append(Answer(questionNumbers: covered, span: body, heading: headingSpan))
                    }
                    unanswered.removeAll { covered.contains($0) }
                }
            case .bareNumber:
                break
            }
        }
    }

    /// The element path of the block that holds a byte offset, where a reader recorded one.
    private func blockOrigin(at offset: Int) -> String? {
        guard let blocks else { return nil }
        var low = 0
        var high = blocks.count
        while low < high {
            let middle = (low + high) / 2
            if blocks[middle].span.start <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0, offset < blocks[low - 1].span.end else { return nil }
        return blocks[low - 1].origin
    }

    /// Questions numbered in the text ("1. Kunt u …", "2) Bent u …"), as written questions without
    /// "Vraag N" headings number them: paragraphs that start with 1, 2, 3, … in order, each a
    /// question up to the end of its paragraph.
    mutating func findEnumeratedQuestions() {
        guard let blocks, sentences.count > 0 else { return }
        var expected = 1
        var found: [Question] = []
        for block in blocks where block.kind == .paragraph {
            var i = block.span.start
            var digits = 0
            while i < block.span.end, bytes[i] >= 0x30, bytes[i] <= 0x39, digits < 3 {
                i += 1
                digits += 1
            }
            guard digits > 0, i + 1 < block.span.end, bytes[i] == 0x2E || bytes[i] == 0x29, bytes[i + 1] == 0x20,
                ByteSearch.integer(bytes[block.span.start..<i]) == expected
            else { continue }
            var start = i + 2
            while start < block.span.end, bytes[start] == 0x20 { start += 1 }
            guard start < block.span.end else { continue }
            found.append(
                Question(
                    number: expected, span: Span(start: start, end: block.span.end),
                    heading: Span(start: block.span.start, end: i + 1)))
            expected += 1
        }
        // One numbered paragraph is an enumeration of anything; questions come at least two at a time.
        guard found.count >= 2 else { return }
        set.questions = found
        // Numbered questions between answer headings ("1. …", "Antwoord vraag 1:", "2. …"): an
        // answer ends where the next question starts.
        for k in set.answers.indices {
            let answer = set.answers[k]
            if let next = found.first(where: { ($0.heading?.start ?? $0.span.start) > answer.span.start }),
                (next.heading?.start ?? next.span.start) < answer.span.end
            {
                var end = next.heading?.start ?? next.span.start
                while end > answer.span.start,
                    bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D
                { end -= 1 }
                set.answers[k].span = Span(start: answer.span.start, end: end)
            }
        }
    }

    /// Questions without numbers (a Word layout): after the "Vragen van het lid …" phrase, the
    /// paragraphs that end in a question mark (a footnote mark after it allowed), each a question,
    /// numbered in order; the first paragraph that is none ends them.
    mutating func findUnnumberedQuestions() {
        guard let header, let blocks else { return }
        var found: [Question] = []
        for block in blocks where block.kind == .paragraph && block.span.start >= header.upperBound {
            var end = block.span.end
            while end > block.span.start,
                bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D || bytes[end - 1] == 0x09
            {
                end -= 1
            }
            guard end > block.span.start else { continue }  // an empty paragraph
            if endsInQuestionMark(block.span.start..<end) {
                found.append(Question(number: found.count + 1, span: Span(start: block.span.start, end: end)))
            } else if !found.isEmpty {
                break
            }
        }
        set.questions = found
    }

    /// Whether a paragraph ends in "?", perhaps followed by a footnote mark ("? 1)", "?[1]", "?1").
    private func endsInQuestionMark(_ range: Range<Int>) -> Bool {
        var end = range.upperBound
        var marks = 0
        while end > range.lowerBound, marks < 8 {
            let byte = bytes[end - 1]
            if byte == 0x3F { return true }
            guard
                (byte >= 0x30 && byte <= 0x39) || byte == 0x29 || byte == 0x28 || byte == 0x5B || byte == 0x5D
                    || byte == 0x20
            else { return false }
            end -= 1
            marks += 1
        }
        return false
    }
}

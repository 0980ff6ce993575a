import Foundation
public import Pipeline

/// Finds the structure of Dutch written parliamentary questions ("Kamervragen") and their
/// answers: the numbered questions, the answers and which questions each covers, who asked
/// (and their parties), to whom, when, and who answered; and the document's own identifier,
/// date and title.
///
/// It reads the sentences and the linked mentions:
/// - "Vraag 3" on its own line opens question 3; the question runs to the next heading.
/// - "Antwoord", "Antwoord 3", "Antwoord op vraag 3", "Antwoord vragen 2 en 3", "Antwoord op
///   vragen 8, 9 en 10" open an answer to those questions (a bare "Antwoord" answers the
///   questions asked since the previous answer).
/// - In a sentence with "vragen van de leden", "vragen van het lid" or "gesteld door de leden",
///   the people mentioned ask, a party in brackets after them ("(allen VVD)", "(GroenLinks)")
///   is their party (a `schema:memberOf` relation), the offices after "aan" are the addressees,
///   and the date after "ingezonden" is the submission date. An asker no gazetteer knows
///   ("Vragen van het lid Tseggai (GroenLinks-PvdA)") becomes a new person entity, named as the
///   text names them, with an IRI made as the gazetteer makes person IRIs.
/// - "Antwoord van minister Van Weel" names the answering minister; otherwise a signature (a line
///   with only a person's name after a line that starts with an office, "De Minister voor …,")
///   does; failing both, the office that gives the answers ("Antwoorden van de minister voor …").
/// - "Onze Referentie" followed by a document number, or else the first document number before
///   the first question, is the document's identifier; "Datum 5 september 2019" its date, or
///   else the submission date; "Betreft …" its title. Metadata a reader already set is kept.
public struct ParliamentaryStructureTagger: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// Creates a tagger.
    public init() {}

    public var requires: Set<AnnotationKey> { [.sentences, .links] }
    public var assigns: Set<AnnotationKey> { [ParliamentaryQuestions.key, Relations.key, .mentions, .links] }

    static let office = IRI(Vocabulary.TG.namespace + "Office")

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let sentences = try document.require(Sentences.self, by: self)
        let mentions = document[Mentions.self] ?? []
        var analysis = StructureAnalysis(document: document, sentences: sentences, mentions: mentions)
        analysis.run()
        if !analysis.set.questions.isEmpty || !analysis.set.answers.isEmpty || !analysis.set.askedBy.isEmpty {
            document[ParliamentaryQuestions.self] = analysis.set
        }
        if !analysis.memberships.isEmpty {
            var relations = document[Relations.self] ?? []
            relations += analysis.memberships
            document[Relations.self] = relations.sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
        }
        if !analysis.mintedMentions.isEmpty {
            let minted = analysis.mintedMentions
            let kept = mentions.filter { mention in !minted.contains { $0.span.overlaps(mention.span) } }
            document[Mentions.self] = (kept + minted).sorted { $0.span < $1.span }
            let known = Set((document[Entities.self] ?? []).map(\.iri))
            document[Entities.self] = ((document[Entities.self] ?? []) + analysis.mintedEntities.filter { !known.contains($0.iri) })
                .sorted { $0.iri < $1.iri }
        }
        if document.metadata.identifier == nil { document.metadata.identifier = analysis.identifier }
        if document.metadata.date == nil { document.metadata.date = analysis.date ?? analysis.set.submitted?.lexicalForm }
        if document.metadata.title == nil { document.metadata.title = analysis.title }
        try await emit(document)
    }

    /// The number of a question heading ("Vraag 3", "Vraag 3:"), or `nil`.
    public static func questionNumber(_ heading: String) -> Int? {
        var words = heading.split(separator: " ")
        guard words.count == 2, words[0] == "Vraag" else { return nil }
        while let last = words[1].last, last == ":" || last == "." { words[1].removeLast() }
        return Int(words[1])
    }

    /// The question numbers of an answer heading ("Antwoord vragen 8, 9 en 10" → [8, 9, 10],
    /// "Antwoord" → []), or `nil` when the line is not an answer heading.
    public static func answerNumbers(_ heading: String) -> [Int]? {
        var text = Substring(heading)
        while let last = text.last, last == ":" || last == "." || last == " " { text.removeLast() }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "," })
        guard let first = words.first, first == "Antwoord" || first == "Antwoorden" else { return nil }
        var numbers: [Int] = []
        for word in words.dropFirst() {
            switch word {
            case "op", "vraag", "vragen", "en", "op:": continue
            default:
                guard let number = Int(word) else { return nil }
                numbers.append(number)
            }
        }
        return numbers
    }

    /// ``questionNumber(_:)`` of a heading in ASCII without carriage returns, on its bytes: there
    /// a character is a byte.
    static func questionNumber(ascii heading: ArraySlice<UInt8>) -> Int? {
        var words = ASCIIWords(heading, separators: [0x20])
        guard let first = words.next(), first.elementsEqual("Vraag".utf8), var number = words.next(), words.next() == nil else { return nil }
        while let last = number.last, last == 0x3A || last == 0x2E { number.removeLast() }
        return ByteSearch.integer(number)
    }

    /// ``answerNumbers(_:)`` of a heading in ASCII without carriage returns, on its bytes.
    static func answerNumbers(ascii heading: ArraySlice<UInt8>) -> [Int]? {
        var text = heading
        while let last = text.last, last == 0x3A || last == 0x2E || last == 0x20 { text.removeLast() }
        var words = ASCIIWords(text, separators: [0x20, 0x2C])
        guard let first = words.next(), first.elementsEqual("Antwoord".utf8) || first.elementsEqual("Antwoorden".utf8) else { return nil }
        var numbers: [Int] = []
        while let word = words.next() {
            if ["op", "vraag", "vragen", "en", "op:"].contains(where: { word.elementsEqual($0.utf8) }) { continue }
            guard let number = ByteSearch.integer(word) else { return nil }
            numbers.append(number)
        }
        return numbers
    }
}

/// The words of an ASCII text between separator bytes, empty words skipped (as `split` does).
private struct ASCIIWords: IteratorProtocol {
    private let text: ArraySlice<UInt8>
    private let separators: [UInt8]
    private var position: Int

    init(_ text: ArraySlice<UInt8>, separators: [UInt8]) {
        self.text = text
        self.separators = separators
        position = text.startIndex
    }

    mutating func next() -> ArraySlice<UInt8>? {
        while position < text.endIndex && separators.contains(text[position]) { position += 1 }
        guard position < text.endIndex else { return nil }
        let start = position
        while position < text.endIndex && !separators.contains(text[position]) { position += 1 }
        return text[start..<position]
    }
}

/// One pass over a document's sentences and mentions.
private struct StructureAnalysis {
    let document: Document
    let sentences: [Sentence]
    var mentions: [Mention]
    /// Members of parliament named as askers whom no gazetteer knows: new mentions and entities.
    var mintedMentions: [Mention] = []
    var mintedEntities: [Entity] = []
    /// The document's text as bytes, for the cheap tests made before a sentence's `String` is.
    let bytes: [UInt8]
    /// Whether the mentions are in span order (as ``Document/_checkInvariants()`` requires), so
    /// that the mentions inside a span can be found by binary search.
    private let mentionsAreSorted: Bool
    var set = QuestionSet()
    var memberships: [Relation] = []
    var identifier: String?
    var date: String?
    var title: String?

    init(document: Document, sentences: [Sentence], mentions: [Mention]) {
        self.document = document
        self.sentences = sentences
        self.mentions = mentions
        bytes = Array(document.text.utf8)
        // By index, comparing spans only: zipping the mentions would copy each.
        mentionsAreSorted = mentions.indices.dropFirst().allSatisfy { !(mentions[$0].span < mentions[$0 - 1].span) }
    }

    /// Whether the bytes in a range are all ASCII.
    func isASCII(_ range: Range<Int>) -> Bool {
        bytes.withUnsafeBufferPointer { CodePointOffsets.allASCII(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// Whether `String` and Foundation searches for ASCII words in a range are byte searches (see
    /// ``ByteSearch/searchesAsBytes(_:)``): true of ASCII and of most Dutch text.
    func searchesAsBytes(_ range: Range<Int>) -> Bool { ByteSearch.searchesAsBytes(in: bytes, range) }

    /// Whether sentence `index` starts with `prefix` (ASCII, not ending in a carriage return), as
    /// `String.hasPrefix` tells.
    func sentence(_ index: Int, hasPrefix prefix: StaticString) -> Bool {
        let whole = range(index)
        guard ByteSearch.hasPrefix(in: bytes, whole, prefix) else { return false }
        // An ASCII byte after the prefix starts a character of its own; a combining mark would
        // join the prefix's last character, so there the characters decide.
        let after = whole.lowerBound + prefix.utf8CodeUnitCount
        return after == whole.upperBound || bytes[after] < 0x80 || text(index).hasPrefix(String(describing: prefix))
    }

    /// The text between two mentions, searched as its `String` would be.
    struct Between {
        let bytes: [UInt8]
        let range: Range<Int>
        /// Whether searches in the text are byte searches (``StructureAnalysis/searchesAsBytes(_:)``).
        let searchesAsBytes: Bool

        /// Whether the text holds `needle` (as Foundation's `contains` finds it).
        func contains(_ needle: StaticString) -> Bool {
            guard ByteSearch.contains(in: bytes, range, needle) else { return false }
            return searchesAsBytes || string.contains(String(describing: needle))
        }

        /// Whether the text starts with `prefix` (as `String.hasPrefix` tells).
        func hasPrefix(_ prefix: StaticString) -> Bool {
            guard ByteSearch.hasPrefix(in: bytes, range, prefix) else { return false }
            return searchesAsBytes || string.hasPrefix(String(describing: prefix))
        }

        private var string: String { String(decoding: bytes[range], as: UTF8.self) }
    }

    /// The text of sentence `index`.
    func text(_ index: Int) -> String { document.text(of: sentences[index].span) }

    /// The byte range of sentence `index`.
    func range(_ index: Int) -> Range<Int> { sentences[index].span.start..<sentences[index].span.end }

    /// The mentions inside a span, in their order.
    func mentions(in span: Span) -> [Mention] {
        guard mentionsAreSorted else { return mentions.filter { span.contains($0.span) } }
        // The first mention that starts at or after the span; those after it that start inside it.
        var low = 0, high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].span.start < span.start { low = middle + 1 } else { high = middle }
        }
        var inside: [Mention] = []
        var k = low
        while k < mentions.count, mentions[k].span.start <= span.end {
            if span.contains(mentions[k].span) { inside.append(mentions[k]) }
            k += 1
        }
        return inside
    }

    /// The one mention inside a span, or `nil` when it holds none or several: what
    /// `mentions(in:)` gives when it gives one, without making the array.
    func onlyMention(in span: Span) -> Mention? {
        guard mentionsAreSorted else {
            let inside = mentions(in: span)
            return inside.count == 1 ? inside[0] : nil
        }
        var low = 0, high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].span.start < span.start { low = middle + 1 } else { high = middle }
        }
        var only: Int? = nil
        var k = low
        while k < mentions.count, mentions[k].span.start <= span.end {
            if span.contains(mentions[k].span) {
                guard only == nil else { return nil }
                only = k
            }
            k += 1
        }
        return only.map { mentions[$0] }
    }

    func isClass(_ mention: Mention, _ names: [String]) -> Bool {
        guard let entityClass = mention.entityClass, mention.entity != nil else { return false }
        return names.contains { entityClass == .schema($0) } || (names.contains("Office") && entityClass == ParliamentaryStructureTagger.office)
    }

    mutating func run() {
        findQuestionsAndAnswers()
        if set.questions.isEmpty { findEnumeratedQuestions() }
        findAskers()
        findAnswerers()
        findMetadata()
    }

    // MARK: Questions and answers

    private enum Heading { case question(Int), answer([Int]) }

    private func heading(_ index: Int) -> Heading? {
        // Both kinds of heading start with their keyword, after nothing but the separators the
        // word splitting skips: look at the bytes first.
        var start = sentences[index].span.start
        let end = sentences[index].span.end
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x2C) { start += 1 }
        guard ByteSearch.hasPrefix(in: bytes, start..<end, "Vraag") || ByteSearch.hasPrefix(in: bytes, start..<end, "Antwoord") else { return nil }
        // In ASCII without carriage returns a character is a byte, and Foundation finds a line
        // feed where the bytes hold one: test those on the bytes.
        let whole = range(index)
        let text: String
        if isASCII(whole) && !bytes[whole].contains(0x0D) {
            guard whole.count <= 40 && !bytes[whole].contains(0x0A) else { return nil }
            if let number = ParliamentaryStructureTagger.questionNumber(ascii: bytes[whole]) { return .question(number) }
            if let numbers = ParliamentaryStructureTagger.answerNumbers(ascii: bytes[whole]) { return .answer(numbers) }
            return nil
        } else {
            text = self.text(index)
            guard text.count <= 40, !text.contains("\n") else { return nil }
        }
        if let number = ParliamentaryStructureTagger.questionNumber(text) { return .question(number) }
        if let numbers = ParliamentaryStructureTagger.answerNumbers(text) { return .answer(numbers) }
        return nil
    }

    /// Whether a sentence is not part of a question's or answer's text when it ends one: a
    /// footnote, a letter's reference line, a lone document number.
    private func isTrailingNoise(_ index: Int) -> Bool {
        // "Onze Referentie" is ASCII and no other text is canonically equal to it: compare bytes.
        let whole = range(index)
        if sentence(index, hasPrefix: "<sup>") || bytes[whole].elementsEqual("Onze Referentie".utf8) || bytes[whole].elementsEqual("Uw Referentie".utf8) {
            return true
        }
        if startsWithFootnoteNumber(index) { return true }
        guard let only = onlyMention(in: sentences[index].span) else { return false }
        return only.span == sentences[index].span && only.form == .value
    }

    /// Whether a sentence starts with a footnote number ("1) …"): characters that are all numbers
    /// before its first `)`, at least one.
    private func startsWithFootnoteNumber(_ index: Int) -> Bool {
        // Its first `)` comes after at least one byte, and no ASCII byte before it is other than
        // a digit (a character that holds one is no number).
        let whole = range(index)
        guard let paren = bytes[whole].firstIndex(of: 0x29), paren > whole.lowerBound else { return false }
        let before = bytes[whole.lowerBound..<paren]
        guard !before.contains(where: { $0 < 0x80 && !($0 >= 0x30 && $0 <= 0x39) }) else { return false }
        // ASCII digits and a `)` that no mark after it joins: each byte is a character.
        if before.allSatisfy({ $0 < 0x80 }) && (paren + 1 == whole.upperBound || bytes[paren + 1] < 0x80) { return true }
        let text = text(index)
        guard let paren = text.firstIndex(of: ")") else { return false }
        return !text[..<paren].isEmpty && text[..<paren].allSatisfy(\.isNumber)
    }

    private mutating func findQuestionsAndAnswers() {
        var index = 0
        var unanswered: [Int] = []
        let headings = sentences.indices.map(heading)
        while index < sentences.count {
            guard let found = headings[index] else {
                index += 1
                continue
            }
            var end = index + 1
            while end < sentences.count, headings[end] == nil { end += 1 }
            var last = end - 1
            while last > index, isTrailingNoise(last) { last -= 1 }
            let headingSpan = sentences[index].span
            let body = last > index ? Span(start: sentences[index + 1].span.start, end: sentences[last].span.end) : nil
            switch found {
            case .question(let number):
                if let body {
                    set.questions.append(Question(number: number, span: body, heading: headingSpan))
                    unanswered.append(number)
                }
            case .answer(let numbers):
                if let body {
                    let covered = numbers.isEmpty ? unanswered : numbers
                    if !covered.isEmpty { set.answers.append(Answer(questionNumbers: covered, span: body, heading: headingSpan)) }
                    unanswered.removeAll { covered.contains($0) }
                }
            }
            index = end
        }
    }

    /// Questions numbered in the text ("1. Kunt u …", "2) Bent u …"), as written questions without
    /// "Vraag N" headings number them: paragraphs that start with 1, 2, 3, … in order, each a
    /// question up to the end of its paragraph.
    private mutating func findEnumeratedQuestions() {
        guard let blocks = document[Blocks.self], sentences.count > 0 else { return }
        let bytes = Array(document.text.utf8)
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
                Int(String(decoding: bytes[block.span.start..<i], as: UTF8.self)) == expected
            else { continue }
            var start = i + 2
            while start < block.span.end, bytes[start] == 0x20 { start += 1 }
            guard start < block.span.end else { continue }
            found.append(Question(number: expected, span: Span(start: start, end: block.span.end), heading: Span(start: block.span.start, end: i + 1)))
            expected += 1
        }
        // One numbered paragraph is an enumeration of anything; questions come at least two at a time.
        if found.count >= 2 { set.questions = found }
    }

    // MARK: Who asked whom

    private mutating func findAskers() {
        let markers: [StaticString] = ["vragen van de leden", "vragen van het lid", "gesteld door de leden", "gesteld door het lid"]
        var askers: [IRI] = []
        var addressees: [IRI] = []
        let mayHoldMarker = sentencesThatMayHoldAskerMarkers()
        for (index, sentence) in sentences.enumerated() {
            // Cheap tests first: the markers all hold "vragen" or "gesteld", and the lowercased
            // text holds a marker only where the bytes hold it in ASCII letters of either case.
            let bytesRange = range(index)
            guard mayHoldMarker[index] else { continue }
            guard ByteSearch.containsIgnoringASCIICase(in: bytes, bytesRange, "vragen van de leden")
                || ByteSearch.containsIgnoringASCIICase(in: bytes, bytesRange, "vragen van het lid")
                || ByteSearch.containsIgnoringASCIICase(in: bytes, bytesRange, "gesteld door de leden")
                || ByteSearch.containsIgnoringASCIICase(in: bytes, bytesRange, "gesteld door het lid")
            else { continue }
            let markerEnd: Int
            if searchesAsBytes(bytesRange) {
                // Such text lowercases to text of the same length, ASCII letters byte for byte, and
                // Foundation's search in it is a byte search.
                var found: Int? = nil
                for marker in markers where found == nil {
                    found = ByteSearch.endOfFirst(in: bytes, bytesRange, marker, ignoringASCIICase: true)
                }
                guard let found else { continue }
                markerEnd = found
            } else {
                let lower = text(index).lowercased()
                guard let marker = markers.compactMap({ lower.range(of: String(describing: $0)) }).first else { continue }
                markerEnd = sentence.span.start + lower[..<marker.upperBound].utf8.count
            }
            mintUnknownAskers(from: markerEnd, in: sentence.span)
            let inside = mentions(in: sentence.span).filter { $0.span.start >= markerEnd }
            // People, each group followed by its party in brackets.
            var group: [IRI] = []
            var seenAan = false
            var cursor = markerEnd
            for mention in inside {
                let betweenRange = min(cursor, mention.span.start)..<mention.span.start
                let between = Between(bytes: bytes, range: betweenRange, searchesAsBytes: searchesAsBytes(betweenRange))
                if between.contains(" aan ") || between.hasPrefix("aan ") { seenAan = true }
                if between.contains(" over ") { break }
                cursor = mention.span.end
                if isClass(mention, ["Person"]), !seenAan, let person = mention.entity {
                    if !askers.contains(person) { askers.append(person) }
                    group.append(person)
                } else if isClass(mention, ["PoliticalParty"]), let party = mention.entity, between.contains("(") {
                    for person in group {
                        memberships.append(
                            Relation(subject: person, predicate: .schema("memberOf"), object: party, evidence: [sentence.span], source: "ParliamentaryStructureTagger")
                        )
                    }
                    group.removeAll()
                } else if isClass(mention, ["Office", "Person"]), seenAan, let addressee = mention.entity, !addressees.contains(addressee) {
                    addressees.append(addressee)
                }
            }
            if set.submitted == nil { set.submitted = date(after: "ingezonden", in: index) }
        }
        if set.submitted == nil {
            for index in sentences.indices
            where ByteSearch.contains(in: bytes, range(index), "ingezonden") && (searchesAsBytes(range(index)) || text(index).contains("ingezonden")) {
                if let found = date(after: "ingezonden", in: index) {
                    set.submitted = found
                    break
                }
            }
        }
        set.askedBy = askers
        set.addressedTo = addressees
        // One membership per person and party, with all its evidence.
        var merged: [String: Relation] = [:]
        for relation in memberships {
            let key = relation.subject.value + " " + relation.object.value
            if var existing = merged[key] {
                existing.evidence = Array(Set(existing.evidence + relation.evidence)).sorted()
                existing.count = existing.evidence.count
                merged[key] = existing
            } else {
                merged[key] = relation
            }
        }
        memberships = merged.values.sorted { ($0.subject, $0.object) < ($1.subject, $1.object) }
    }

    /// For each sentence, whether its bytes hold "vragen" or "gesteld" as a lowercase, capitalized
    /// or all-capitals word, as every sentence with an asker marker does.
    ///
    /// The first test of every sentence, so the words are looked for in the whole text at once
    /// rather than in each sentence, each occurrence then marking the sentence around it; where the sentences are not in order without overlaps, each is searched on its own.
    private func sentencesThatMayHoldAskerMarkers() -> [Bool] {
        let words: [StaticString] = ["vragen", "Vragen", "VRAGEN", "gesteld", "Gesteld", "GESTELD"]
        let inOrder = sentences.indices.dropFirst().allSatisfy { sentences[$0].span.start >= sentences[$0 - 1].span.end }
        guard inOrder else {
            return sentences.indices.map { index in words.contains { ByteSearch.contains(in: bytes, range(index), $0) } }
        }
        var marked = [Bool](repeating: false, count: sentences.count)
        for word in words {
            for start in ByteSearch.occurrences(in: bytes, word) {
                // The last sentence that starts at or before the word is the only one that may hold it.
                var low = 0, high = sentences.count
                while low < high {
                    let middle = (low + high) / 2
                    if sentences[middle].span.start <= start { low = middle + 1 } else { high = middle }
                }
                if low > 0, start + word.utf8CodeUnitCount <= sentences[low - 1].span.end { marked[low - 1] = true }
            }
        }
        return marked
    }

    /// Names the askers no gazetteer knows: in "Vragen van het lid Tseggai (GroenLinks-PvdA)", the
    /// names between the marker and the first bracket, " aan " or " over " (split at commas and
    /// "en") that no person mention covers become mentions of a new person entity, whose IRI is
    /// made from the name as the gazetteer makes person IRIs (`person/<slug>`).
    private mutating func mintUnknownAskers(from start: Int, in sentence: Span) {
        var end = sentence.end
        for stop: StaticString in ["(", " aan ", " over ", "\n"] {
            // Each stop's first occurrence before the stops found so far ends the names.
            if let found = ByteSearch.endOfFirst(in: bytes, start..<max(start, end), stop, ignoringASCIICase: false) { end = found - stop.utf8CodeUnitCount }
        }
        guard end > start else { return }
        // Pieces separated by ", " and " en ".
        var pieces: [Span] = []
        var pieceStart = start
        var i = start
        while i <= end {
            let separator: Int? =
                i == end ? 0
                : bytes[i] == 0x2C ? 1
                : (i + 4 <= end && bytes[i] == 0x20 && bytes[i + 1] == 0x65 && bytes[i + 2] == 0x6E && bytes[i + 3] == 0x20) ? 4 : nil  // " en "
            if let length = separator {
                pieces.append(Span(start: pieceStart, end: i))
                i += max(length, 1)
                pieceStart = i
            } else {
                i += 1
            }
        }
        for piece in pieces {
            var first = piece.start, last = piece.end
            while first < last, bytes[first] == 0x20 || bytes[first] == 0x2A { first += 1 }
            while last > first, bytes[last - 1] == 0x20 || bytes[last - 1] == 0x2A { last -= 1 }
            // "de leden lid Inge van Dijk": a stray "lid" or "leden" is not part of the name.
            for word: StaticString in ["lid ", "leden "] where ByteSearch.hasPrefix(in: bytes, first..<last, word) { first += word.utf8CodeUnitCount }
            guard first < last else { continue }
            let name = String(decoding: bytes[first..<last], as: UTF8.self)
            guard let initial = name.unicodeScalars.first, initial.properties.isUppercase else { continue }
            let span = Span(start: first, end: last)
            guard name.split(separator: " ").count <= 5,
                !mentions.contains(where: { $0.span.overlaps(span) && isClass($0, ["Person"]) })
            else { continue }
            let iri = IRI(Gazetteer.entityBase + "person/" + Gazetteer.slug(name))
            let mention = Mention(span: span, entityClass: .schema("Person"), entity: iri, form: .name, source: "ParliamentaryStructureTagger")
            mintedMentions.append(mention)
            mentions.removeAll { $0.span.overlaps(span) }
            if mentionsAreSorted {
                // Where the stable sort would put it: after the mentions with spans not after its own.
                var low = 0, high = mentions.count
                while low < high {
                    let middle = (low + high) / 2
                    if span < mentions[middle].span { high = middle } else { low = middle + 1 }
                }
                mentions.insert(mention, at: low)
            } else {
                mentions.append(mention)
                mentions.sort { $0.span < $1.span }
            }
            if !mintedEntities.contains(where: { $0.iri == iri }) {
                mintedEntities.append(Entity(iri: iri, types: [.schema("Person")], labels: [Literal(name, language: "nl")]))
            }
        }
    }

    /// The first date mention after `word` in sentence `index`.
    private func date(after word: StaticString, in index: Int) -> Literal? {
        let start: Int
        if searchesAsBytes(range(index)) {
            guard let end = ByteSearch.endOfFirst(in: bytes, range(index), word, ignoringASCIICase: false) else { return nil }
            start = end
        } else {
            let text = text(index)
            guard let range = text.range(of: String(describing: word)) else { return nil }
            start = sentences[index].span.start + text[..<range.upperBound].utf8.count
        }
        return mentions(in: sentences[index].span).first { $0.span.start >= start && $0.value?.datatype?.value.hasSuffix("#date") == true }?.value
    }

    // MARK: Who answered

    private mutating func findAnswerers() {
        guard !set.answers.isEmpty else { return }
        // "Antwoord van minister Van Weel (…) (ontvangen 20 november 2024)"
        for index in sentences.indices
        where sentence(index, hasPrefix: "Antwoord van ") || sentence(index, hasPrefix: "Antwoorden van ") {
            let people = mentions(in: sentences[index].span).filter { isClass($0, ["Person"]) }.compactMap(\.entity)
            if let person = people.first {
                set.answeredBy = [person]
            }
            if set.answered == nil { set.answered = date(after: "ontvangen", in: index) }
            if set.answeredBy.isEmpty, let office = mentions(in: sentences[index].span).first(where: { isClass($0, ["Office"]) })?.entity {
                set.answeredBy = [office]
            }
        }
        // A signature: a line holding only a person's name, after a line that starts with an office.
        for index in sentences.indices.dropFirst() {
            guard let only = onlyMention(in: sentences[index].span), only.span == sentences[index].span, isClass(only, ["Person"]), let person = only.entity
            else { continue }
            let before = mentions(in: sentences[index - 1].span)
            if let first = before.first, first.span.start - sentences[index - 1].span.start <= 4, isClass(first, ["Office"]) {
                set.answeredBy = [person]
                break
            }
        }
    }

    // MARK: The document's own metadata

    private mutating func findMetadata() {
        let firstQuestion = set.questions.first?.heading?.start ?? Int.max
        for index in sentences.indices {
            // Each test below needs the sentence to start with one of these words.
            let bytesRange = range(index)
            guard ByteSearch.hasPrefix(in: bytes, bytesRange, "Onze ") || ByteSearch.hasPrefix(in: bytes, bytesRange, "Datum ")
                || ByteSearch.hasPrefix(in: bytes, bytesRange, "Betreft ")
            else { continue }
            let text = text(index)
            if identifier == nil, text == "Onze Referentie" || text.hasPrefix("Onze referentie"), index + 1 < sentences.count {
                let span = text == "Onze Referentie" ? sentences[index + 1].span : sentences[index].span
                identifier = mentions(in: span).first { $0.form == .value && $0.value?.datatype == nil }?.value?.lexicalForm
            }
            if date == nil, text.hasPrefix("Datum ") {
                date = mentions(in: sentences[index].span).first { $0.value?.datatype?.value.hasSuffix("#date") == true }?.value?.lexicalForm
            }
            if title == nil, text.hasPrefix("Betreft ") {
                title = String(text.dropFirst(8)).split(whereSeparator: \.isNewline).joined(separator: " ")
            }
        }
        if identifier == nil {
            identifier = mentions.first { $0.span.start < firstQuestion && $0.form == .value && $0.value?.datatype == nil && $0.entity != nil }?
                .value?.lexicalForm
        }
    }
}

import Foundation
import Pipeline
import TextGraphEntities
import TextGraphRelations
import TextGraphSupport

/// One pass of ``ParliamentaryStructureTagger`` over a document's sentences and mentions.
///
/// The passes are in extensions, one per part of the structure: the questions and answers
/// (`StructureAnalysis+Headings.swift`), the people (`+People`), the case and the document's
/// metadata (`+Case`).
struct StructureAnalysis {
    let document: Document
    let sentences: [Sentence]
    var mentions: [Mention]
    /// People, parties and offices no gazetteer knows, named by the document: new mentions and entities.
    var mintedMentions: [Mention] = []
    var mintedEntities: [Entity] = []
    /// The document's text as bytes, for the cheap tests made before a sentence's `String` is.
    let bytes: [UInt8]
    /// The document's blocks (paragraphs), where its reader recorded them.
    let blocks: [Block]?
    /// Whether the mentions are in span order (as ``Document/_checkInvariants()`` requires), so
    /// that the mentions inside a span can be found by binary search.
    let mentionsAreSorted: Bool
    /// The longest mention's length in bytes: how far before a span a mention that overlaps it may start.
    var longestMention = 0
    var set = QuestionSet()
    /// Memberships of parties and offices held, with their evidence.
    var relations: [Relation] = []
    var identifier: String?
    var date: String?
    var title: String?
    /// Where the first question or answer heading starts (the end of the text when there is none).
    var firstHeading: Int
    /// The asker phrase ("Vragen van het lid …") before the first question: where its names start
    /// and where it ends.
    var header: Range<Int>?
    /// The asker phrase read there.
    var headerPhrase: AskerPhrase?
    /// Later asker phrases before the first question (a letter that repeats its subject line).
    var otherHeaders: [Range<Int>] = []
    /// What the report should say about the document's layout.
    var warnings: [String] = []

    init(document: Document, sentences: [Sentence], mentions: [Mention]) {
        self.document = document
        self.sentences = sentences
        self.mentions = mentions
        bytes = Array(document.text.utf8)
        blocks = document[Blocks.self]
        firstHeading = bytes.count
        // By index, comparing spans only: iterating the mentions would copy each.
        var sorted = true
        var longest = 0
        for index in mentions.indices {
            let span = mentions[index].span
            if index > 0 && span < mentions[index - 1].span { sorted = false }
            longest = max(longest, span.length)
        }
        mentionsAreSorted = sorted
        longestMention = longest
    }

    mutating func run() {
        findQuestionsAndAnswers()
        findHeader()
        if set.questions.isEmpty { findEnumeratedQuestions() }
        if set.questions.isEmpty && set.answers.isEmpty { findUnnumberedQuestions() }
        findAskers()
        findCase()
        findAnswerers()
        findMetadata()
        checkLayout()
        mergeRelations()
    }

    // MARK: Reading the text

    /// The text of sentence `index`.
    func text(_ index: Int) -> String { document.text(of: sentences[index].span) }

    /// The byte range of sentence `index`.
    func range(_ index: Int) -> Range<Int> { sentences[index].span.start..<sentences[index].span.end }

    /// The text of a byte range, line breaks, tabs and non-breaking spaces made spaces (the same
    /// length in bytes: a non-breaking space becomes two).
    func flatText(_ range: Range<Int>) -> Substring {
        Substring(String(decoding: flatBytes(range), as: UTF8.self))
    }

    /// The bytes of ``flatText(_:)``.
    func flatBytes(_ range: Range<Int>) -> [UInt8] {
        var flat = Array(bytes[range])
        for k in flat.indices {
            if flat[k] == 0x0A || flat[k] == 0x0D || flat[k] == 0x09 {
                flat[k] = 0x20
            } else if flat[k] == 0xC2, k + 1 < flat.count, flat[k + 1] == 0xA0 {
                flat[k] = 0x20
                flat[k + 1] = 0x20
            }
        }
        return flat
    }

    /// Where the first occurrence of `needle` wholly inside `range` starts, or `nil`.
    func firstOccurrence(of needle: StaticString, in range: Range<Int>) -> Int? {
        bytes.withUnsafeBufferPointer {
            ByteSearch.occurrences(
                of: needle, in: $0, from: range.lowerBound, before: range.upperBound - needle.utf8CodeUnitCount + 1,
                first: true
            ).first
        }
    }

    /// The index of the sentence that holds a byte offset, if any.
    func sentenceIndex(at offset: Int) -> Int? {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].span.start <= offset { low = middle + 1 } else { high = middle }
        }
        guard low > 0, offset < sentences[low - 1].span.end else { return nil }
        return low - 1
    }

    /// The index of the first mention that starts at or after `offset` (the mentions in order).
    private func firstMention(startingFrom offset: Int) -> Int {
        var low = 0
        var high = mentions.count
        while low < high {
            let middle = (low + high) / 2
            if mentions[middle].span.start < offset { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The indices of the mentions that overlap a span, in order.
    func mentionIndices(overlapping span: Span) -> [Int] {
        guard mentionsAreSorted else { return mentions.indices.filter { mentions[$0].span.overlaps(span) } }
        var indices: [Int] = []
        var k = firstMention(startingFrom: span.start - longestMention)
        while k < mentions.count, mentions[k].span.start < span.end {
            if mentions[k].span.overlaps(span) { indices.append(k) }
            k += 1
        }
        return indices
    }

    /// The first mention inside a span that satisfies a test, without copying the others.
    func firstMention(in span: Span, where test: (Mention) -> Bool) -> Mention? {
        guard mentionsAreSorted else { return mentions.first { span.contains($0.span) && test($0) } }
        var k = firstMention(startingFrom: span.start)
        while k < mentions.count, mentions[k].span.start <= span.end {
            if span.contains(mentions[k].span) && test(mentions[k]) { return mentions[k] }
            k += 1
        }
        return nil
    }

    /// Whether one mention covers the span exactly and no other lies inside it.
    func isOneMention(_ span: Span, where test: (Mention) -> Bool) -> Bool {
        var found = 0
        var matches = false
        var k = mentionsAreSorted ? firstMention(startingFrom: span.start) : 0
        while k < mentions.count, !mentionsAreSorted || mentions[k].span.start <= span.end {
            if span.contains(mentions[k].span) {
                found += 1
                matches = mentions[k].span == span && test(mentions[k])
                if found > 1 { return false }
            }
            k += 1
        }
        return found == 1 && matches
    }

    func isClass(_ mention: Mention, _ names: [String]) -> Bool {
        guard let entityClass = mention.entityClass, mention.entity != nil else { return false }
        return names.contains { entityClass == .schema($0) }
            || (names.contains("Office") && entityClass == ParliamentaryStructureTagger.office)
    }

    // MARK: Entities the document names

    /// The entity a name in the text stands for: the linked mention of that class that covers
    /// it (only initials or particles left over: "D.M. van Weel"), else a new entity made from
    /// the name, with a mention of it.
    mutating func entity(named name: String, at span: Span, kind: String, type: IRI) -> IRI? {
        let overlapping = mentionIndices(overlapping: span)
        let wanted = kind == "office" ? "Office" : kind == "party" ? "PoliticalParty" : "Person"
        for index in overlapping
        where mentions[index].entity != nil && isClass(mentions[index], [wanted]) && covers(mentions[index], span) {
            return mentions[index].entity
        }
        let slug = Gazetteer.slug(name)
        guard !slug.isEmpty else { return nil }
        let iri = IRI(Gazetteer.entityBase + kind + "/" + slug)
        if kind != "office", !mintedMentions.contains(where: { $0.span.overlaps(span) }) {
            let mention = Mention(
                span: span, entityClass: type, entity: iri, form: .name, source: "ParliamentaryStructureTagger")
            mintedMentions.append(mention)
            if mentionsAreSorted {
                // The mentions it overlaps give way; it takes its place in the order.
                for index in overlapping.reversed() { mentions.remove(at: index) }
                var position = firstMention(startingFrom: span.start)
                while position < mentions.count, !(span < mentions[position].span) { position += 1 }
                mentions.insert(mention, at: position)
            } else {
                mentions.removeAll { $0.span.overlaps(span) }
                mentions.append(mention)
            }
            longestMention = max(longestMention, span.length)
        }
        if !mintedEntities.contains(where: { $0.iri == iri }) {
            mintedEntities.append(Entity(iri: iri, types: [type], labels: [Literal(name, language: "nl")]))
        }
        return iri
    }

    /// Whether a linked mention covers a name: all of it, or all but words before it that are
    /// initials, name particles or words of the linked entity's own labels ("Sigrid A.M. Kaag"
    /// for Sigrid Kaag, but not "Inge van Dijk" for another Dijk).
    private func covers(_ mention: Mention, _ name: Span) -> Bool {
        guard mention.span.end >= name.end || name.end - mention.span.end <= 1 else { return false }
        guard mention.span.start > name.start else { return true }
        let labels =
            (document[Entities.self] ?? []).first { $0.iri == mention.entity }?.labels.map {
                $0.lexicalForm.lowercased()
            } ?? []
        let labelWords = Set(labels.flatMap { $0.split(separator: " ").map(String.init) })
        let before = String(decoding: bytes[name.start..<mention.span.start], as: UTF8.self)
        return before.split(whereSeparator: { $0 == " " || $0 == "\n" }).allSatisfy { word in
            AskerPhrase.particles.contains(word.lowercased())
                || (word.contains(".") && word.allSatisfy { $0 == "." || $0.isUppercase })
                || labelWords.contains(word.lowercased())
        }
    }

    /// An office named by its label: the gazetteer's when the text's mention of it says so, else a new one.
    mutating func office(_ office: OfficePhrase.Office) -> IRI? {
        let start = mentionsAreSorted ? firstMention(startingFrom: office.span.start) : 0
        var k = start
        while k < mentions.count, !mentionsAreSorted || mentions[k].span.start == office.span.start {
            if mentions[k].span == office.span, isClass(mentions[k], ["Office"]) { return mentions[k].entity }
            k += 1
        }
        return entity(named: office.label, at: office.span, kind: "office", type: ParliamentaryStructureTagger.office)
    }

    /// Records a relation between two entities with the sentence that shows it.
    mutating func relate(_ subject: IRI, _ predicate: IRI, _ object: IRI, at offset: Int) {
        let evidence = sentenceIndex(at: offset).map { [sentences[$0].span] } ?? []
        relations.append(
            Relation(
                subject: subject, predicate: predicate, object: object, evidence: evidence,
                source: "ParliamentaryStructureTagger"))
    }

    /// One relation per subject, predicate and object, with all its evidence.
    private mutating func mergeRelations() {
        guard relations.count > 1 else { return }
        let sorted = relations.sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
        var merged: [Relation] = []
        for relation in sorted {
            if var last = merged.last, last.subject == relation.subject, last.predicate == relation.predicate,
                last.object == relation.object
            {
                last.evidence = Array(Set(last.evidence + relation.evidence)).sorted()
                last.count = max(1, last.evidence.count)
                merged[merged.count - 1] = last
            } else {
                merged.append(relation)
            }
        }
        relations = merged
    }
}

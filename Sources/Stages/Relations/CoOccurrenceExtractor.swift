public import Pipeline
import TextGraphSupport

/// Relates entities that are mentioned in the same sentence, aggregated per document with a
/// count and the evidence sentences.
///
/// Each pair of distinct linked entities mentioned in one sentence gives one relation
/// `tg:coOccursWith` (subject before object in IRI order, so the pair is stored once); the
/// count is the number of sentences that show it, and the evidence lists them. Values (dates,
/// document numbers) and, unless ``includeAdjectival`` is set, adjectival mentions ("Chinese")
/// are left out.
public struct CoOccurrenceExtractor: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// Whether adjectival mentions ("Chinese scanners" for China) count.
    public var includeAdjectival: Bool
    /// At most this many evidence sentences are kept per pair (the count stays exact).
    public var maximumEvidence: Int

    /// Creates an extractor.
    public init(includeAdjectival: Bool = true, maximumEvidence: Int = 20) {
        self.includeAdjectival = includeAdjectival
        self.maximumEvidence = maximumEvidence
    }

    public var requires: Set<AnnotationKey> { [.sentences, .links] }
    public var assigns: Set<AnnotationKey> { [Relations.key] }

    /// The predicate of co-occurrence relations.
    public static let coOccursWith = IRI(Vocabulary.Namespace.tg.iri + "coOccursWith")

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let sentences = try document.require(Sentences.self, by: self)
        let mentions = document[Mentions.self] ?? []
        // The entities of the mentions that count, numbered in IRI order: a sentence's entities
        // then sort as numbers, and a pair is a key of two numbers, hashed without its strings.
        var numbers: [IRI: Int] = [:]
        var entities: [IRI] = []
        var counted: [(span: Span, entity: Int)] = []
        for index in mentions.indices {
            // By index: filtering the mentions would copy each.
            guard let entity = mentions[index].entity, mentions[index].form != .value,
                includeAdjectival || mentions[index].form != .adjectival
            else {
                continue
            }
            let number: Int
            if let known = numbers[entity] {
                number = known
            } else {
                number = entities.count
                numbers[entity] = number
                entities.append(entity)
            }
            counted.append((mentions[index].span, number))
        }
        let order = entities.indices.sorted { entities[$0] < entities[$1] }
        var rank = [Int](repeating: 0, count: entities.count)
        for (position, number) in order.enumerated() { rank[number] = position }
        let sortedEntities = order.map { entities[$0] }

        var pairs: [Pair: Int] = [:]  // the index of each pair's evidence in `found`
        var found: [(pair: Pair, evidence: [Span], count: Int)] = []
        var inSentence: [Int] = []
        var next = 0
        for sentence in sentences {
            while next < counted.count, counted[next].span.start < sentence.span.start { next += 1 }
            inSentence.removeAll(keepingCapacity: true)
            var k = next
            while k < counted.count, counted[k].span.start < sentence.span.end {
                if sentence.span.contains(counted[k].span) { inSentence.append(rank[counted[k].entity]) }
                k += 1
            }
            guard inSentence.count > 1 else { continue }
            inSentence.sort()
            var last = -1
            inSentence.removeAll { number in
                defer { last = number }
                return number == last
            }
            for (i, a) in inSentence.enumerated() {
                for b in inSentence[(i + 1)...] {
                    let key = Pair(a: a, b: b)
                    if let index = pairs[key] {
                        found[index].count += 1
                        if found[index].evidence.count < maximumEvidence { found[index].evidence.append(sentence.span) }
                    } else {
                        pairs[key] = found.count
                        found.append((key, [sentence.span], 1))
                    }
                }
            }
        }
        let source = name  // computed once: the default name reflects on the type
        var relations = document[Relations.self] ?? []
        relations += found.map {
            Relation(
                subject: sortedEntities[$0.pair.a], predicate: Self.coOccursWith, object: sortedEntities[$0.pair.b],
                evidence: $0.evidence, count: $0.count,
                source: source
            )
        }
        document[Relations.self] = relations.sorted {
            ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object)
        }
        try await emit(document)
    }

    /// Two entities by their numbers, the first before the second in IRI order.
    private struct Pair: Hashable {
        var a: Int
        var b: Int
    }
}

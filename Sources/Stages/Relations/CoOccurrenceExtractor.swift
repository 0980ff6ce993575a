public import Pipeline

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
    public static let coOccursWith = IRI(Vocabulary.TG.namespace + "coOccursWith")

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let sentences = try document.require(Sentences.self, by: self)
        let mentions = (document[Mentions.self] ?? []).filter {
            $0.entity != nil && $0.form != .value && (includeAdjectival || $0.form != .adjectival)
        }
        var pairs: [Pair: Relation] = [:]
        let source = name  // computed once: the default name reflects on the type
        var next = 0
        for sentence in sentences {
            while next < mentions.count, mentions[next].span.start < sentence.span.start { next += 1 }
            var entities = Set<IRI>()
            var k = next
            while k < mentions.count, mentions[k].span.start < sentence.span.end {
                if sentence.span.contains(mentions[k].span), let entity = mentions[k].entity { entities.insert(entity) }
                k += 1
            }
            let sorted = entities.sorted()
            for (i, a) in sorted.enumerated() {
                for b in sorted[(i + 1)...] {
                    let key = Pair(a: a, b: b)
                    if var relation = pairs[key] {
                        relation.count += 1
                        if relation.evidence.count < maximumEvidence { relation.evidence.append(sentence.span) }
                        pairs[key] = relation
                    } else {
                        pairs[key] = Relation(subject: a, predicate: Self.coOccursWith, object: b, evidence: [sentence.span], source: source)
                    }
                }
            }
        }
        var relations = document[Relations.self] ?? []
        relations += pairs.values
        document[Relations.self] = relations.sorted { ($0.subject, $0.predicate, $0.object) < ($1.subject, $1.predicate, $1.object) }
        try await emit(document)
    }

    private struct Pair: Hashable {
        var a: IRI
        var b: IRI
    }
}

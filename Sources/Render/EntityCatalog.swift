import Foundation
public import Pipeline

/// What a site knows of each entity, gathered one document at a time: its description, how
/// often and where it is mentioned, what it co-occurs with, the questions it appears in.
///
/// Mentions in context and question lines are written to a ``SpillFile`` as they come; the
/// catalog keeps references to them, so its memory grows with the number of entities and
/// mentions (12 bytes each), not with the text.
public struct EntityCatalog: Sendable {
    /// One entity.
    public struct Record: Sendable {
        /// The entity.
        public var iri: IRI
        /// Its description, when a document or the graph gave one.
        public var description: Entity?
        /// The text of its first mention.
        public var firstAnchor: String?
        /// The class of its first mention.
        public var mentionClass: IRI?
        /// How many times it is mentioned.
        public var mentionCount = 0
        /// In how many documents.
        public var documentCount = 0
        /// The entities it co-occurs with, and in how many sentences.
        public var coOccurrences: [IRI: Int] = [:]
        /// What documents say it is a member of (`schema:memberOf` relations), besides its description.
        public var memberships: Set<IRI> = []
        var lastDocument = -1
        var contexts: [SpillFile.Reference] = []
        var questions: [SpillFile.Reference] = []

        /// The name pages show: the Dutch label, else any label, else the first mention's text,
        /// else the last part of the IRI.
        public var name: String {
            let labels = description?.labels ?? []
            if let label = labels.first(where: { $0.language == "nl" }) ?? labels.first { return label.lexicalForm }
            return firstAnchor ?? EntityCategory.localName(iri)
        }

        /// The entity's classes: its description's, else its first mention's.
        public var classes: [IRI] {
            if let types = description?.types, !types.isEmpty { return types.sorted() }
            return mentionClass.map { [$0] } ?? []
        }

        /// Its category.
        public var category: EntityCategory { EntityCategory.of(classes: classes) }

        /// The class a page names: the first with a category of its own.
        public var mainClassName: String {
            let candidates = classes.filter { $0 != MentionOriginTypes.recognizedEntity }
            let best = candidates.first { EntityCategory.of(class: $0) == category } ?? candidates.first
            return best.map(EntityCategory.localName) ?? "Thing"
        }
    }

    /// The entities, by IRI.
    public private(set) var records: [IRI: Record] = [:]

    /// Creates an empty catalog.
    public init() {}

    /// The record of an entity, made when first asked for.
    mutating func touch(_ iri: IRI) {
        if records[iri] == nil { records[iri] = Record(iri: iri) }
    }

    /// Takes a description, when the entity has none yet.
    public mutating func describe(_ entity: Entity) {
        touch(entity.iri)
        if records[entity.iri]?.description == nil { records[entity.iri]?.description = entity }
    }

    /// Counts a mention of an entity in document number `document`.
    mutating func count(_ shown: DocumentView.ShownMention, entity: IRI, document: Int, context: SpillFile.Reference?) {
        touch(entity)
        records[entity]?.mentionCount += 1
        if records[entity]?.lastDocument != document {
            records[entity]?.lastDocument = document
            records[entity]?.documentCount += 1
        }
        if records[entity]?.firstAnchor == nil, shown.mention.form == .name {
            records[entity]?.firstAnchor = shown.anchor
        }
        if records[entity]?.mentionClass == nil { records[entity]?.mentionClass = shown.mention.entityClass }
        if let context { records[entity]?.contexts.append(context) }
    }

    /// Counts a co-occurrence, both ways.
    mutating func coOccur(_ a: IRI, _ b: IRI, count: Int) {
        touch(a)
        touch(b)
        records[a]?.coOccurrences[b, default: 0] += count
        records[b]?.coOccurrences[a, default: 0] += count
    }

    /// Notes that a document says an entity is a member of another.
    mutating func addMembership(_ member: IRI, of organization: IRI) {
        touch(member)
        records[member]?.memberships.insert(organization)
    }

    /// Notes that an entity appears in a question (the line is in the spill file).
    mutating func appears(_ entity: IRI, inQuestion line: SpillFile.Reference) {
        touch(entity)
        records[entity]?.questions.append(line)
    }

    /// The entities, sorted by IRI.
    public var sortedIRIs: [IRI] { records.keys.sorted() }
}

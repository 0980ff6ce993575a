/// How a mention refers to its entity.
public enum MentionForm: UInt8, Hashable, Sendable {
    /// The entity's name or one of its aliases ("China", "Sigrid A.M. Kaag").
    case name
    /// An adjective or demonym that points at the entity ("Chinese" for China).
    case adjectival
    /// A value recognized by a pattern (a date, a document number).
    case value
}

/// A mention of an entity in the text, found by a tagger and (once linked) pointing at an entity.
///
/// Taggers fill in the span, the class and the candidates; a linker chooses ``entity`` among the
/// candidates, or leaves it `nil` with a ``confidence`` when it cannot choose.
public struct Mention: Hashable, Sendable {
    /// The mention's text range.
    public var span: Span
    /// The class of the thing mentioned, such as `schema:Country`.
    public var entityClass: IRI?
    /// The canonical entity the mention refers to, once linked.
    public var entity: IRI?
    /// The entities the mention may refer to, best first.
    public var candidates: [IRI]
    /// How sure the linker is of ``entity`` (1 for an unambiguous gazetteer match).
    public var confidence: Double?
    /// How the mention refers to its entity.
    public var form: MentionForm
    /// A typed value the mention denotes, such as `"2024-02-07"^^xsd:date`.
    public var value: Literal?
    /// The name of the stage that found the mention.
    public var source: String

    /// Creates a mention.
    public init(
        span: Span,
        entityClass: IRI? = nil,
        entity: IRI? = nil,
        candidates: [IRI] = [],
        confidence: Double? = nil,
        form: MentionForm = .name,
        value: Literal? = nil,
        source: String
    ) {
        self.span = span
        self.entityClass = entityClass
        self.entity = entity
        self.candidates = candidates
        self.confidence = confidence
        self.form = form
        self.value = value
        self.source = source
    }
}

/// The layer of entity mentions, in text order. Mentions may nest but never share a span.
public enum Mentions: AnnotationLayer {
    public typealias Value = [Mention]
    public static let key = AnnotationKey.mentions
}

/// A canonical entity: what a linked mention points at.
public struct Entity: Hashable, Sendable {
    /// The entity's IRI.
    public var iri: IRI
    /// Its classes, such as `schema:Person`.
    public var types: [IRI]
    /// Its preferred labels, one per language.
    public var labels: [Literal]
    /// Equivalent resources elsewhere (Wikidata), only where certain.
    public var sameAs: [IRI]
    /// Organizations the entity is a member of (a person's party), as the gazetteer knows them.
    public var memberOf: [IRI]
    /// Wholes the entity is a part of (the law an article belongs to).
    public var partOf: [IRI]
    /// Identifiers in official registers (a law's BWB id `BWBR0005537`, a municipality's code
    /// `gm0518`), for `dcterms:identifier`.
    public var identifiers: [String]
    /// The data sets the description comes from (a gazetteer's source), for `dcterms:source`.
    public var sources: [IRI]
    /// Web pages about the entity (a law's official page), for `rdfs:seeAlso`; not identifiers.
    public var pages: [IRI]

    /// Creates an entity description.
    public init(
        iri: IRI,
        types: [IRI],
        labels: [Literal],
        sameAs: [IRI] = [],
        memberOf: [IRI] = [],
        partOf: [IRI] = [],
        identifiers: [String] = [],
        sources: [IRI] = [],
        pages: [IRI] = []
    ) {
        self.iri = iri
        self.types = types
        self.labels = labels
        self.identifiers = identifiers
        self.sources = sources
        self.pages = pages
        self.sameAs = sameAs
        self.memberOf = memberOf
        self.partOf = partOf
    }
}

/// The layer of entities the document's mentions link to, sorted by IRI, each once.
public enum Entities: AnnotationLayer {
    public typealias Value = [Entity]
    public static let key = AnnotationKey.links
}

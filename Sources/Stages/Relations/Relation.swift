public import Pipeline

/// A relation between two entities found in a document, with its evidence.
public struct Relation: Hashable, Sendable {
    /// The subject entity.
    public var subject: IRI
    /// The relation, as a property IRI (`schema:memberOf`, `tg:coOccursWith`).
    public var predicate: IRI
    /// The object entity.
    public var object: IRI
    /// The text that shows it (sentences), in document order.
    public var evidence: [Span]
    /// How often the document shows it.
    public var count: Int
    /// The stage that found it.
    public var source: String

    /// Creates a relation.
    public init(subject: IRI, predicate: IRI, object: IRI, evidence: [Span], count: Int = 1, source: String) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.evidence = evidence
        self.count = count
        self.source = source
    }
}

/// The layer of relations between entities, sorted by subject, predicate and object.
public enum Relations: AnnotationLayer {
    public typealias Value = [Relation]
    public static let key = AnnotationKey("relations", for: Relations.self)
}

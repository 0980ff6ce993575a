public import Pipeline

/// A node of the graph: an IRI, a blank node or a literal.
public enum Term: Hashable, Sendable, CustomStringConvertible {
    /// A named node.
    case iri(IRI)
    /// A blank node, by its label; labels are scoped to one ``GraphFragment``.
    case blank(String)
    /// A literal value.
    case literal(Literal)

    public var description: String {
        switch self {
        case .iri(let iri): iri.description
        case .blank(let label): "_:\(label)"
        case .literal(let literal): literal.description
        }
    }
}

/// A statement: subject, predicate, object.
public struct Triple: Hashable, Sendable, CustomStringConvertible {
    /// The subject: an IRI or a blank node.
    public var subject: Term
    /// The predicate.
    public var predicate: IRI
    /// The object.
    public var object: Term

    /// Creates a triple.
    public init(_ subject: Term, _ predicate: IRI, _ object: Term) {
        precondition(!subject.isLiteral, "a literal cannot be a subject")
        self.subject = subject
        self.predicate = predicate
        self.object = object
    }

    /// Creates a triple whose subject is an IRI.
    public init(_ subject: IRI, _ predicate: IRI, _ object: Term) {
        self.init(.iri(subject), predicate, object)
    }

    /// Creates a triple whose subject and object are IRIs.
    public init(_ subject: IRI, _ predicate: IRI, _ object: IRI) {
        self.init(.iri(subject), predicate, .iri(object))
    }

    /// Creates a triple whose object is a literal.
    public init(_ subject: IRI, _ predicate: IRI, _ object: Literal) {
        self.init(.iri(subject), predicate, .literal(object))
    }

    public var description: String { "\(subject) \(predicate) \(object) ." }
}

extension Term {
    /// Whether the term is a literal.
    public var isLiteral: Bool {
        if case .literal = self { return true }
        return false
    }
}

/// The graph produced for one document, ready for a ``GraphSink``.
///
/// `triples` belong to the document and go into its named graph (``graph``). `sharedTriples`
/// describe things that many documents mention (entities and their labels): sinks write each of
/// them once per output, into ``GraphFragment/sharedGraph`` where a format has named graphs.
public struct GraphFragment: Sendable {
    /// The document's named graph.
    public var graph: IRI
    /// The document's own statements, in the order the builder made them (grouped by subject).
    public var triples: [Triple]
    /// Statements about shared resources, written once per output however many documents repeat them.
    public var sharedTriples: [Triple]

    /// Creates a fragment.
    public init(graph: IRI, triples: [Triple] = [], sharedTriples: [Triple] = []) {
        self.graph = graph
        self.triples = triples
        self.sharedTriples = sharedTriples
    }
}

/// A consumer of graph fragments: a file writer, a graph store client.
///
/// The runner calls a sink from one task at a time, in input order, so a sink needs no locking.
public protocol GraphSink {
    /// Writes one document's fragment.
    func write(_ fragment: GraphFragment) async throws
    /// Flushes and completes the output; nothing may be written afterwards.
    func finish() async throws
}

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

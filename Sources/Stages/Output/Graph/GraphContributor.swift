public import Pipeline

/// Adds statements of its own to each document's graph: how a custom stage's layer reaches
/// every output format and the graph store, by the same road as the built-in layers.
///
/// A ``GraphBuilder`` (and so a ``GraphEncoder``) asks each of its contributors, after its own
/// statements, for the statements a document adds. They are written in every format a run
/// writes (N-Triples, N-Quads in the document's graph, Turtle grouped by subject) and pushed to a
/// store like the rest:
///
/// ```swift
/// struct SentimentContributor: GraphContributor {
///     func contribute(_ document: Document, to graph: inout GraphStatements) {
///         for sentence in document[Sentiments.self] ?? [] {
///             graph.add(.span(sentence.span), IRI("https://example.org/sentiment"), .literal(.decimal(sentence.score)))
///         }
///     }
/// }
/// let builder = GraphBuilder(contributors: [SentimentContributor()])
/// ```
public protocol GraphContributor: Sendable {
    /// Adds the statements `document` gives rise to.
    func contribute(_ document: Document, to graph: inout GraphStatements)
}

/// The statements a ``GraphContributor`` adds to one document's graph.
public struct GraphStatements {
    /// A node of a statement: a term as it is, or one relative to the document.
    public enum Node: Sendable, Hashable {
        /// An IRI.
        case iri(IRI)
        /// A literal.
        case literal(Literal)
        /// The document's IRI.
        case document
        /// The NIF string of a span of the document's text (`doc#char=b,e`, offsets in code
        /// points as NIF 2.0 counts them; the span is in UTF-8 bytes, like every ``Span``).
        case span(Span)
        /// The text of a span, as a plain string literal.
        case text(Span)
    }

    /// The statements of the document's own graph, in the order added.
    public private(set) var statements: [(subject: Node, predicate: IRI, object: Node)] = []
    /// The statements about shared resources (entity descriptions), written once per output.
    public private(set) var sharedStatements: [(subject: IRI, predicate: IRI, object: Node)] = []
    /// The length of the document's text in UTF-8 bytes, which every span must lie within.
    private let textLength: Int

    /// Creates an empty set of statements for a document whose text has `textLength` UTF-8 bytes.
    public init(textLength: Int) { self.textLength = textLength }

    /// Adds a statement of the document's own graph.
    public mutating func add(_ subject: Node, _ predicate: IRI, _ object: Node) {
        check(subject)
        check(object)
        statements.append((subject, predicate, object))
    }

    /// Adds a statement about a shared resource, such as an entity: written once per output
    /// however many documents add it (in N-Quads, into the entities' graph).
    public mutating func addShared(_ subject: IRI, _ predicate: IRI, _ object: Node) {
        check(object)
        sharedStatements.append((subject, predicate, object))
    }

    private func check(_ node: Node) {
        switch node {
        case .span(let span), .text(let span):
            precondition(
                span.start >= 0 && span.start <= span.end && span.end <= textLength,
                "a span \(span.start)..<\(span.end) outside the document's \(textLength) bytes")
        default: break
        }
    }
}

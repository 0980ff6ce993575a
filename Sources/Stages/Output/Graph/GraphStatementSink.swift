import Pipeline
import TextGraphSupport

/// A node of a statement as ``GraphBuilder`` says it: either a term as it is, or a description
/// of one relative to the document (its IRI, a span of its text), which a sink turns into a
/// ``Term`` or writes as bytes without making a `String` first.
enum GraphNode {
    /// An IRI, written with the escapes IRIREF needs.
    case iri(IRI)
    /// A blank node, by its label (only in fragments made by hand).
    case blank(String)
    /// An IRI of a vocabulary TextGraph writes (``Vocabulary``).
    case vocabulary(Vocabulary)
    /// The document's IRI.
    case document
    /// The document's IRI with a suffix, such as `#question-3`.
    case documentSuffix(String)
    /// The NIF string `document#char=begin,end` (code point offsets).
    case segment(Int, Int)
    /// A literal.
    case literal(Literal)
    /// A plain string literal: the document's text in a span (UTF-8 offsets).
    case text(Span)
    /// An `xsd:nonNegativeInteger` literal.
    case nonNegativeInteger(Int)
    /// An `xsd:decimal` literal, as ``Pipeline/Literal/decimal(_:)`` writes it.
    case decimal(Double)
}

/// Receives the statements of one document's graph from ``GraphBuilder``.
///
/// The builder says each statement once; sinks decide what to make of it: ``TripleCollector``
/// makes a ``GraphFragment`` of ``Triple`` values, ``LineStatementWriter`` writes N-Triples or
/// N-Quads bytes, ``TurtleStatementWriter`` Turtle. These writers are the one road from
/// statements to bytes: a ``GraphFragment`` made elsewhere is replayed into them
/// (``GraphEncoder/encode(_:formats:)``). Generic code specialized for each sink keeps the fast path free of `String`
/// building and of existential calls.
protocol GraphStatementSink {
    /// A statement of the document's own graph.
    mutating func add(_ subject: GraphNode, _ predicate: GraphNode, _ object: GraphNode)
    /// A statement about a shared resource (an entity description), written once per output.
    mutating func addShared(_ subject: IRI, _ predicate: GraphNode, _ object: GraphNode)
}

/// Collects a document's statements as ``Triple`` values into a ``GraphFragment``.
struct TripleCollector: GraphStatementSink {
    /// The document's IRI, the base of its NIF strings and its named graph.
    let document: IRI
    /// The statements so far.
    private(set) var fragment: GraphFragment

    /// The UTF-8 bytes of the document's text, for ``GraphNode/text(_:)``.
    let text: UnsafeBufferPointer<UInt8>

    init(document: IRI, text: UnsafeBufferPointer<UInt8>) {
        self.document = document
        self.text = text
        fragment = GraphFragment(graph: document)
    }

    mutating func add(_ subject: GraphNode, _ predicate: GraphNode, _ object: GraphNode) {
        fragment.triples.append(Triple(term(subject), iri(predicate), term(object)))
    }

    mutating func addShared(_ subject: IRI, _ predicate: GraphNode, _ object: GraphNode) {
        fragment.sharedTriples.append(Triple(.iri(subject), iri(predicate), term(object)))
    }

    private func iri(_ node: GraphNode) -> IRI {
        guard case .iri(let iri) = term(node) else { preconditionFailure("a predicate must be an IRI") }
        return iri
    }

    private func term(_ node: GraphNode) -> Term {
        switch node {
        case .iri(let iri): .iri(iri)
        case .blank(let label): .blank(label)
        case .vocabulary(let term): .iri(term.iri)
        case .document: .iri(document)
        case .documentSuffix(let suffix): .iri(document.appending(suffix))
        case .segment(let begin, let end): .iri(NIFString.iri(in: document, begin: begin, end: end))
        case .literal(let literal): .literal(literal)
        case .text(let span):
            .literal(
                Literal(String(decoding: UnsafeBufferPointer(rebasing: text[span.start..<span.end]), as: UTF8.self)))
        case .nonNegativeInteger(let value): .literal(.nonNegativeInteger(value))
        case .decimal(let value): .literal(.decimal(value))
        }
    }
}

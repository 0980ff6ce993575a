public import Pipeline
public import TextGraphSupport

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

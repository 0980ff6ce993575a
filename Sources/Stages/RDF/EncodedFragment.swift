public import Pipeline

/// A document's graph already serialized: the work of RDF encoding done where the document was
/// processed, so that the writer, which runs one document at a time, only copies bytes.
public struct EncodedFragment: Sendable {
    /// The document's named graph.
    public var graph: IRI
    /// The document's own statements, serialized once per format asked for.
    public var bodies: [RDFFormat: EncodedBytes]
    /// The shared statements (entity descriptions), each one N-Triples line ending in a line feed;
    /// writers keep the first of equal lines.
    public var sharedLines: [[UInt8]]

    /// Creates an encoded fragment.
    public init(graph: IRI, bodies: [RDFFormat: EncodedBytes], sharedLines: [[UInt8]]) {
        self.graph = graph
        self.bodies = bodies
        self.sharedLines = sharedLines
    }
}

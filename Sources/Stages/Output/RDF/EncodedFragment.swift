public import Pipeline

/// A document's graph already serialized: the work of RDF encoding done where the document was
/// processed, so that the writer, which runs one document at a time, only copies bytes.
public struct EncodedFragment: Sendable {
    /// The document's named graph.
    public var graph: IRI
    /// The document's own statements, serialized once per format asked for.
    public var bodies: [RDFFormat: EncodedBytes]
    /// The shared statements (entity descriptions) per format, each a line ending in a line feed
    /// as that format writes it: N-Quads lines in ``Vocabulary/entitiesGraph``, N-Triples lines
    /// for N-Triples and for Turtle (which reads them). Writers keep the first of equal lines.
    /// With no format asked for, the N-Triples lines.
    public var sharedLines: [RDFFormat: [[UInt8]]]

    /// Creates an encoded fragment.
    public init(graph: IRI, bodies: [RDFFormat: EncodedBytes], sharedLines: [RDFFormat: [[UInt8]]]) {
        self.graph = graph
        self.bodies = bodies
        self.sharedLines = sharedLines
    }
}

public import Pipeline

/// Builds each document's graph straight into the bytes of the RDF formats a run writes: what
/// ``GraphBuilder`` followed by ``RDFFragmentEncoder`` make, byte for byte, in a fraction of
/// the time.
///
/// N-Triples and N-Quads are written by a ``LineStatementWriter`` from the builder's statements
/// without a ``Triple`` in between; Turtle, which groups statements by subject, goes through the
/// builder's ``GraphFragment``. Use it as the last stage where the graph is only written:
///
/// ```swift
/// let pipeline = try Pipeline { …; CoOccurrenceExtractor(); GraphEncoder(builder: GraphBuilder(), formats: [.nQuads]) }
/// ```
public struct GraphEncoder: Stage {
    public typealias Input = Document
    public typealias Output = EncodedFragment

    /// What the graph holds.
    public var builder: GraphBuilder
    /// The formats to serialize to.
    public var formats: Set<RDFFormat>

    /// Creates an encoder.
    public init(builder: GraphBuilder = GraphBuilder(), formats: Set<RDFFormat>) {
        self.builder = builder
        self.formats = formats
    }

    public func process(_ input: Document, context: StageContext, emit: (EncodedFragment) async throws -> Void) async throws {
        try await emit(encode(input))
    }

    /// The graph of one document, serialized.
    public func encode(_ document: Document) -> EncodedFragment {
        guard !formats.isEmpty else { return RDFFragmentEncoder(formats: []).encode(builder.build(document)) }
        var bodies: [RDFFormat: EncodedBytes] = [:]
        var sharedLines: [[UInt8]]? = nil
        var text = document.text
        text.withUTF8 { bytes in
            for format in formats.sorted(by: { $0.rawValue < $1.rawValue }) {
                switch format {
                case .nTriples, .nQuads:
                    var writer = LineStatementWriter(document: document.iri, text: bytes, quads: format == .nQuads)
                    builder.write(document, text: bytes, into: &writer)
                    bodies[format] = writer.body.takeBytes()
                    sharedLines = sharedLines ?? writer.sharedLines
                case .turtle:
                    let fragment = builder.build(document)
                    var body: [UInt8] = []
                    RDFFragmentEncoder.appendTurtle(fragment.triples, to: &body)
                    bodies[format] = EncodedBytes(body)
                    sharedLines = sharedLines ?? RDFFragmentEncoder.sharedLines(fragment.sharedTriples)
                }
            }
        }
        return EncodedFragment(graph: document.iri, bodies: bodies, sharedLines: sharedLines ?? [])
    }
}

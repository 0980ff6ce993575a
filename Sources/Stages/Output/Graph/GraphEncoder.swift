public import Pipeline
import TextGraphSupport

/// Builds each document's graph straight into the bytes of the RDF formats a run writes: the
/// statements ``GraphBuilder`` says, written without a ``Triple`` in between.
///
/// N-Triples and N-Quads are written by a ``LineStatementWriter``, Turtle by a
/// ``TurtleStatementWriter``, from the builder's statements without a ``Triple`` in between. A
/// body larger than ``spillThreshold`` goes to an unlinked temporary file as it is written, so
/// one very large document does not hold its whole serialized graph in memory. Use it as the last
/// stage where the graph is only written:
///
/// ```swift
/// let pipeline = try Pipeline { …; CoOccurrenceExtractor(); GraphEncoder(builder: GraphBuilder(), formats: [.nQuads]) }
/// ```
public struct GraphEncoder: Stage {
    public typealias Input = Document
    public typealias Output = EncodedFragment

    /// The default ``spillThreshold``: 64 MiB, the N-Quads of about 2 MB of text.
    public static let defaultSpillThreshold = 64 << 20

    /// What the graph holds.
    public var builder: GraphBuilder
    /// The formats to serialize to.
    public var formats: Set<RDFFormat>
    /// Past how many bytes a body is kept in a temporary file instead of memory.
    public var spillThreshold: Int
    /// Where such files are made: `nil` for `$TMPDIR`, else `/tmp` (a run puts them beside its
    /// output). They are unlinked as soon as they are made.
    public var temporaryDirectory: String?

    /// Creates an encoder.
    public init(
        builder: GraphBuilder = GraphBuilder(),
        formats: Set<RDFFormat>,
        spillThreshold: Int = GraphEncoder.defaultSpillThreshold,
        temporaryDirectory: String? = nil
    ) {
        self.builder = builder
        self.formats = formats
        self.spillThreshold = spillThreshold
        self.temporaryDirectory = temporaryDirectory
    }

    public func process(_ input: Document, context: StageContext, emit: (EncodedFragment) async throws -> Void)
        async throws
    {
        try await emit(encode(input))
    }

    /// The graph of one document, serialized.
    /// - Throws: ``StageError`` when a large body cannot be written to its temporary file.
    public func encode(_ document: Document) throws -> EncodedFragment {
        var bodies: [RDFFormat: EncodedBytes] = [:]
        var sharedLines: [RDFFormat: [[UInt8]]] = [:]
        var text = document.text
        try text.withUTF8 { bytes in
            for format in formats.sorted(by: { $0.rawValue < $1.rawValue }) {
                let body = ByteBuffer(
                    capacity: bytes.count * 40 + 16384, spillingAbove: spillThreshold, in: temporaryDirectory)
                switch format {
                case .nTriples, .nQuads:
                    var writer = LineStatementWriter(
                        document: document.iri, text: bytes, quads: format == .nQuads, body: body)
                    builder.write(document, text: bytes, into: &writer)
                    sharedLines[format] = writer.sharedLines
                case .turtle:
                    var writer = TurtleStatementWriter(document: document.iri, text: bytes, body: body)
                    builder.write(document, text: bytes, into: &writer)
                    writer.finish()
                    sharedLines[format] = writer.sharedLines
                }
                bodies[format] = try body.takeBytes()
            }
            if formats.isEmpty {
                // No format asked for: the shared lines alone.
                var writer = LineStatementWriter(
                    document: document.iri, text: bytes, quads: false, body: ByteBuffer(capacity: 64))
                builder.write(document, text: bytes, into: &writer)
                sharedLines[.nTriples] = writer.sharedLines
            }
        }
        return EncodedFragment(graph: document.iri, bodies: bodies, sharedLines: sharedLines)
    }

    /// Serializes a graph fragment made elsewhere (by ``GraphBuilder`` as a stage, or by hand) by
    /// the same writers as a document's graph: the one road from statements to bytes.
    ///
    /// ```swift
    /// let fragment = GraphFragment(graph: IRI("https://example.org/g"), triples: [triple])
    /// let nQuads = GraphEncoder.encode(fragment, formats: [.nQuads]).bodies[.nQuads]
    /// ```
    public static func encode(_ fragment: GraphFragment, formats: Set<RDFFormat>) -> EncodedFragment {
        func node(_ term: Term) -> GraphNode {
            switch term {
            case .iri(let iri): .iri(iri)
            case .blank(let label): .blank(label)
            case .literal(let literal): .literal(literal)
            }
        }
        func replay<Sink: GraphStatementSink>(into sink: inout Sink) {
            for triple in fragment.triples {
                sink.add(node(triple.subject), .iri(triple.predicate), node(triple.object))
            }
            for triple in fragment.sharedTriples {
                guard case .iri(let subject) = triple.subject else {
                    preconditionFailure("a shared statement's subject must be an IRI: \(triple.subject)")
                }
                sink.addShared(subject, .iri(triple.predicate), node(triple.object))
            }
        }
        let noText = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var bodies: [RDFFormat: EncodedBytes] = [:]
        var sharedLines: [RDFFormat: [[UInt8]]] = [:]
        for format in formats.union(formats.isEmpty ? [.nTriples] : []).sorted(by: { $0.rawValue < $1.rawValue }) {
            let body = ByteBuffer(capacity: fragment.triples.count * 120 + 64)
            switch format {
            case .nTriples, .nQuads:
                var writer = LineStatementWriter(
                    document: fragment.graph, text: noText, quads: format == .nQuads, body: body)
                replay(into: &writer)
                sharedLines[format] = writer.sharedLines
            case .turtle:
                var writer = TurtleStatementWriter(document: fragment.graph, text: noText, body: body)
                replay(into: &writer)
                writer.finish()
                sharedLines[format] = writer.sharedLines
            }
            // A buffer that never spills hands over its memory: this cannot fail.
            if formats.contains(format) { bodies[format] = try! body.takeBytes() }
        }
        return EncodedFragment(graph: fragment.graph, bodies: bodies, sharedLines: sharedLines)
    }
}

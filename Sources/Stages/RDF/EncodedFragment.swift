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

/// Serializes graph fragments in the formats a run writes, in parallel with other documents.
///
/// ```swift
/// let pipeline = try Pipeline { …; GraphBuilder(); RDFFragmentEncoder(formats: [.nQuads]) }
/// ```
public struct RDFFragmentEncoder: Stage {
    public typealias Input = GraphFragment
    public typealias Output = EncodedFragment

    /// The formats to serialize to.
    public var formats: Set<RDFFormat>

    /// Creates an encoder.
    public init(formats: Set<RDFFormat>) { self.formats = formats }

    public func process(_ input: GraphFragment, context: StageContext, emit: (EncodedFragment) async throws -> Void) async throws {
        try await emit(encode(input))
    }

    /// Serializes one fragment.
    public func encode(_ fragment: GraphFragment) -> EncodedFragment {
        var bodies: [RDFFormat: EncodedBytes] = [:]
        for format in formats.sorted(by: { $0.rawValue < $1.rawValue }) {
            var body: [UInt8] = []
            body.reserveCapacity(fragment.triples.count * 120)
            switch format {
            case .nTriples: RDFFragmentEncoder.appendLines(fragment.triples, graph: nil, to: &body)
            case .nQuads: RDFFragmentEncoder.appendLines(fragment.triples, graph: fragment.graph, to: &body)
            case .turtle: RDFFragmentEncoder.appendTurtle(fragment.triples, to: &body)
            }
            bodies[format] = EncodedBytes(body)
        }
        return EncodedFragment(graph: fragment.graph, bodies: bodies, sharedLines: RDFFragmentEncoder.sharedLines(fragment.sharedTriples))
    }

    /// Shared statements as N-Triples lines, one array each.
    static func sharedLines(_ triples: [Triple]) -> [[UInt8]] {
        triples.map { triple -> [UInt8] in
            var line: [UInt8] = []
            RDFFragmentEncoder.appendLines([triple], graph: nil, to: &line)
            return line
        }
    }

    private static let plain = RDFEncoder()
    private static let turtle = RDFEncoder(prefixes: Vocabulary.prefixes)

    /// Appends N-Triples lines, or N-Quads lines when `graph` is given.
    static func appendLines(_ triples: [Triple], graph: IRI?, to out: inout [UInt8]) {
        for triple in triples {
            plain.append(triple.subject, to: &out)
            out.append(0x20)
            plain.append(triple.predicate, to: &out)
            out.append(0x20)
            plain.append(triple.object, to: &out)
            if let graph {
                out.append(0x20)
                plain.append(graph, to: &out)
            }
            out.append(contentsOf: [0x20, 0x2E, 0x0A])
        }
    }

    /// Appends triples as Turtle, grouping consecutive triples by subject and predicate.
    static func appendTurtle(_ triples: [Triple], to out: inout [UInt8]) {
        guard !triples.isEmpty else { return }
        var previous: Triple? = nil
        for triple in triples {
            if let last = previous, last.subject == triple.subject {
                if last.predicate == triple.predicate {
                    out.append(contentsOf: " ,\n        ".utf8)
                } else {
                    out.append(contentsOf: " ;\n    ".utf8)
                    appendPredicate(triple.predicate, to: &out)
                    out.append(0x20)
                }
            } else {
                if previous != nil { out.append(contentsOf: " .\n".utf8) }
                out.append(0x0A)
                turtle.append(triple.subject, to: &out)
                out.append(0x20)
                appendPredicate(triple.predicate, to: &out)
                out.append(0x20)
            }
            turtle.append(triple.object, to: &out)
            previous = triple
        }
        out.append(contentsOf: " .\n".utf8)
    }

    private static func appendPredicate(_ predicate: IRI, to out: inout [UInt8]) {
        if predicate == Vocabulary.RDF.type {
            out.append(0x61)  // "a"
        } else {
            turtle.append(predicate, to: &out)
        }
    }
}

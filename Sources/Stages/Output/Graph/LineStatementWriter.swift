import Pipeline
import TextGraphSupport

/// Writes a document's statements as N-Triples or N-Quads lines, straight from the
/// ``GraphBuilder``'s nodes to bytes.
///
/// The bytes are made without a `String` or a ``Triple`` per statement: the document's IRI is
/// escaped once and its NIF strings (`#char=b,e`) are written from the offsets, literals of the
/// text are escaped from the text's bytes, vocabulary IRIs are copied as they are, and the
/// subject of consecutive statements is encoded once. What follows the subject is made of few
/// pieces: a class (`rdf:type C`) and the context as `nif:referenceContext` come with the rest of
/// the line already encoded, as do the datatype and line end of an integer.
struct LineStatementWriter: GraphStatementSink {
    /// The document's statements, one line each.
    let body: ByteBuffer
    /// The shared statements, one line each: N-Triples, or N-Quads in
    /// ``Vocabulary/entitiesGraph``.
    private(set) var sharedLines: [[UInt8]] = []
    private let nodes: NodeEncoder
    /// What ends a line: ` <graph> .\n` for N-Quads, ` .\n` for N-Triples.
    private let lineEnd: ByteBuffer
    /// What ends a shared line: ` <entities graph> .\n` for N-Quads, ` .\n` for N-Triples.
    private let sharedLineEnd: ByteBuffer
    /// The last subject written, and its bytes.
    private var subject: GraphNode? = nil
    private let subjectBytes = ByteBuffer(capacity: 256)
    /// The NIF string last written as the object of `nif:referenceContext` (the context), and
    /// the line after the subject: ` <referenceContext> <doc#char=b,e>` and the line end.
    private var contextSegment: (Int, Int)? = nil
    private let contextTail = ByteBuffer(capacity: 256)
    /// ` <rdf:type> <C>` and the line end, for each class C written so far (by index).
    private var typeTails: [ByteBuffer?] = Array(repeating: nil, count: Vocabulary.allCases.count)
    /// `"^^<xsd:nonNegativeInteger>` and the line end.
    private let integerTail: ByteBuffer
    /// `"` and the line end.
    private let quoteTail: ByteBuffer
    private let sharedLine = ByteBuffer(capacity: 256)

    /// Creates a writer.
    /// - Parameters:
    ///   - document: The document's IRI: the base of its NIF strings, and its graph in N-Quads.
    ///   - text: The UTF-8 bytes of the document's text.
    ///   - quads: Whether to write N-Quads (the document's IRI as the graph) or N-Triples.
    ///   - body: Where the lines go (by default a buffer with room for the usual graph).
    init(document: IRI, text: UnsafeBufferPointer<UInt8>, quads: Bool, body: ByteBuffer? = nil) {
        nodes = NodeEncoder(document: document, text: text)
        lineEnd = ByteBuffer(capacity: 256)
        if quads {
            lineEnd.append(0x20)
            nodes.append(.document, to: lineEnd)
        }
        lineEnd.append(" .\n")
        sharedLineEnd = ByteBuffer(capacity: 128)
        if quads {
            sharedLineEnd.append(0x20)
            nodes.append(.iri(Vocabulary.entitiesGraph), to: sharedLineEnd)
        }
        sharedLineEnd.append(" .\n")
        integerTail = ByteBuffer(capacity: 256)
        integerTail.append("\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>")
        integerTail.append(lineEnd)
        quoteTail = ByteBuffer(capacity: 256)
        quoteTail.append(0x22)
        quoteTail.append(lineEnd)
        self.body = body ?? ByteBuffer(capacity: text.count * 40 + 16384)
    }

    @inline(__always)
    mutating func add(_ subject: GraphNode, _ predicate: GraphNode, _ object: GraphNode) {
        if !(self.subject.map { NodeEncoder.isSame($0, subject) } ?? false) {
            subjectBytes.removeAll()
            nodes.append(subject, to: subjectBytes)
            self.subject = subject
        }
        body.append(subjectBytes)
        switch (predicate, object) {
        case (.vocabulary(.rdfType), .vocabulary(let type)):
            body.append(typeTail(type))
        case (.vocabulary(.nifReferenceContext), .segment(let begin, let end)):
            // The context, the object of every NIF string's nif:referenceContext.
            if contextSegment == nil || contextSegment! != (begin, end) {
                contextTail.removeAll()
                appendRest(predicate, object, to: contextTail)
                contextSegment = (begin, end)
            }
            body.append(contextTail)
        case (.vocabulary(let term), .nonNegativeInteger(let value)):
            body.append(0x20)
            body.append(term.encoded)
            body.append(0x20, 0x22)
            body.appendDecimal(value)
            body.append(integerTail)
        case (.vocabulary(let term), .text(let span)):
            body.append(0x20)
            body.append(term.encoded)
            body.append(0x20, 0x22)
            nodes.appendEscaped(span, to: body)
            body.append(quoteTail)
        default:
            appendRest(predicate, object, to: body)
        }
    }

    /// Appends what follows the subject: the predicate, the object and the line end.
    @inline(__always)
    private func appendRest(_ predicate: GraphNode, _ object: GraphNode, to out: ByteBuffer) {
        out.append(0x20)
        nodes.append(predicate, to: out)
        out.append(0x20)
        nodes.append(object, to: out)
        out.append(lineEnd)
    }

    /// ` <rdf:type> <C>` and the line end, encoded the first time it is asked for.
    @inline(__always)
    private mutating func typeTail(_ type: Vocabulary) -> ByteBuffer {
        if let tail = typeTails[type.index] { return tail }
        let tail = ByteBuffer(capacity: 256)
        appendRest(.vocabulary(.rdfType), .vocabulary(type), to: tail)
        typeTails[type.index] = tail
        return tail
    }

    mutating func addShared(_ subject: IRI, _ predicate: GraphNode, _ object: GraphNode) {
        sharedLines.append(nodes.line(.iri(subject), predicate, object, ending: sharedLineEnd, in: sharedLine))
    }
}

/// Encodes ``GraphNode`` values as N-Triples terms.
struct NodeEncoder {
    /// `<` and the document's IRI, escaped, without the closing `>`.
    private let documentOpen: ByteBuffer
    private let text: UnsafeBufferPointer<UInt8>

    init(document: IRI, text: UnsafeBufferPointer<UInt8>) {
        let open = ByteBuffer(capacity: document.value.utf8.count + 16)
        open.append(0x3C)
        open.withUTF8(of: document.value) { open.appendEscapedIRI($0) }
        documentOpen = open
        self.text = text
    }

    /// Whether two nodes are the same IRI for certain (only cheap cases are compared).
    @inline(__always)
    static func isSame(_ a: GraphNode, _ b: GraphNode) -> Bool {
        switch (a, b) {
        case (.segment(let b1, let e1), .segment(let b2, let e2)): b1 == b2 && e1 == e2
        case (.document, .document): true
        default: false
        }
    }

    /// Appends a node as an N-Triples term.
    @inline(__always)
    func append(_ node: GraphNode, to out: ByteBuffer) {
        switch node {
        case .vocabulary(let term):
            out.append(term.encoded)
        case .segment(let begin, let end):
            out.append(documentOpen)
            out.append(NIFString.fragmentStart)
            out.appendDecimal(begin)
            out.append(0x2C)
            out.appendDecimal(end)
            out.append(0x3E)
        case .text(let span):
            out.append(0x22)
            appendEscaped(span, to: out)
            out.append(0x22)
        case .nonNegativeInteger(let value):
            out.append(0x22)
            out.appendDecimal(value)
            out.append("\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>")
        case .decimal(let value):
            if value == 1 {
                out.append("\"1.0\"^^<http://www.w3.org/2001/XMLSchema#decimal>")
            } else {
                Self.append(Literal.decimal(value), to: out)
            }
        case .document:
            out.append(documentOpen)
            out.append(0x3E)
        case .documentSuffix(let suffix):
            out.append(documentOpen)
            out.withUTF8(of: suffix) { out.appendEscapedIRI($0) }
            out.append(0x3E)
        case .iri(let iri):
            Self.append(iri, to: out)
        case .blank(let label):
            Self.plain.append(.blank(label), to: out)
        case .literal(let literal):
            Self.append(literal, to: out)
        }
    }

    /// One line (subject, predicate, object and `end`: ` .\n`, or the graph and ` .\n`), made in
    /// `scratch`.
    func line(
        _ subject: GraphNode, _ predicate: GraphNode, _ object: GraphNode, ending end: ByteBuffer,
        in scratch: ByteBuffer
    ) -> [UInt8] {
        scratch.removeAll()
        append(subject, to: scratch)
        scratch.append(0x20)
        append(predicate, to: scratch)
        scratch.append(0x20)
        append(object, to: scratch)
        scratch.append(end)
        return scratch.array
    }

    /// Appends a span of the text, escaped as a literal's lexical form (without quotes).
    @inline(__always)
    func appendEscaped(_ span: Span, to out: ByteBuffer) {
        out.appendEscapedLiteral(UnsafeBufferPointer(rebasing: text[span.start..<span.end]))
    }

    /// N-Triples terms, without prefixes.
    private static let plain = RDFEncoder()

    /// Appends an IRI, escaped.
    static func append(_ iri: IRI, to out: ByteBuffer) { plain.append(iri, to: out) }

    /// Appends a literal, escaped, with its language or datatype.
    static func append(_ literal: Literal, to out: ByteBuffer) { plain.append(.literal(literal), to: out) }
}

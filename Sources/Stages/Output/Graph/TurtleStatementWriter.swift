import Pipeline
import TextGraphSupport

/// Writes a document's statements as Turtle, straight from the ``GraphBuilder``'s nodes to bytes,
/// grouping consecutive statements by subject (`;`) and by predicate (`,`).
///
/// The bytes are made without a ``Triple`` per statement: a document's Turtle does not need its
/// whole graph as values in memory first, which took some 80 times the text's size.
/// IRIs in the namespaces of ``Vocabulary/prefixes`` are written as prefixed names and
/// `rdf:type` as `a`. NIF strings (`doc#char=b,e`) are never prefixed names (`#`, `=` and `,` are
/// not allowed in the local names written), so they are written as the N-Triples writer does.
struct TurtleStatementWriter: GraphStatementSink {
    /// The document's statements.
    let body: ByteBuffer
    /// The shared statements, one N-Triples line each (Turtle output writes them as N-Triples
    /// lines, which are Turtle too).
    private(set) var sharedLines: [[UInt8]] = []
    private let document: IRI
    private let nodes: NodeEncoder
    /// The document's IRI as Turtle writes it (a prefixed name when it falls in a namespace).
    private let documentTerm: [UInt8]
    /// The subject and predicate of the last statement, as written.
    private var subject = ByteBuffer(capacity: 256)
    private var predicate = ByteBuffer(capacity: 256)
    private var subjectNode: GraphNode? = nil
    /// The next statement's subject and predicate, encoded before they are compared.
    private var nextSubject = ByteBuffer(capacity: 256)
    private var nextPredicate = ByteBuffer(capacity: 256)
    private let sharedLine = ByteBuffer(capacity: 256)
    /// ` .\n`, the end of a shared statement's N-Triples line.
    private let tripleEnd = ByteBuffer(capacity: 4)

    /// Creates a writer.
    /// - Parameters:
    ///   - document: The document's IRI: the base of its NIF strings.
    ///   - text: The UTF-8 bytes of the document's text.
    ///   - body: Where the statements go.
    init(document: IRI, text: UnsafeBufferPointer<UInt8>, body: ByteBuffer) {
        self.document = document
        nodes = NodeEncoder(document: document, text: text)
        var term: [UInt8] = []
        Self.turtle.append(document, to: &term)
        documentTerm = term
        self.body = body
        tripleEnd.append(" .\n")
    }

    mutating func add(_ subject: GraphNode, _ predicate: GraphNode, _ object: GraphNode) {
        let sameSubject: Bool
        if let last = subjectNode, NodeEncoder.isSame(last, subject) {
            sameSubject = true
        } else if subjectNode == nil {
            sameSubject = false
            append(subject, to: self.subject)
        } else {
            nextSubject.removeAll()
            append(subject, to: nextSubject)
            sameSubject = nextSubject.hasSameBytes(as: self.subject)
            if !sameSubject { swap(&self.subject, &nextSubject) }
        }
        nextPredicate.removeAll()
        appendPredicate(predicate, to: nextPredicate)
        if sameSubject {
            if nextPredicate.hasSameBytes(as: self.predicate) {
                body.append(" ,\n        ")
            } else {
                body.append(" ;\n    ")
                body.append(nextPredicate)
                body.append(0x20)
            }
        } else {
            if subjectNode != nil { body.append(" .\n") }
            body.append(0x0A)
            body.append(self.subject)
            body.append(0x20)
            body.append(nextPredicate)
            body.append(0x20)
        }
        swap(&self.predicate, &nextPredicate)
        subjectNode = subject
        append(object, to: body)
    }

    /// Ends the last statement; call once, after the builder is done.
    func finish() {
        if subjectNode != nil { body.append(" .\n") }
    }

    mutating func addShared(_ subject: IRI, _ predicate: GraphNode, _ object: GraphNode) {
        sharedLines.append(nodes.line(.iri(subject), predicate, object, ending: tripleEnd, in: sharedLine))
    }

    private static let turtle = RDFEncoder(prefixes: Vocabulary.prefixes)

    /// Every vocabulary term as Turtle writes it, by index.
    private static let vocabulary: [[UInt8]] = Vocabulary.allCases.map { term in
        var bytes: [UInt8] = []
        turtle.append(term.iri, to: &bytes)
        return bytes
    }

    /// `"^^xsd:nonNegativeInteger`, what follows the digits of an integer.
    private static let integerTail: [UInt8] = {
        var bytes: [UInt8] = [0x22, 0x5E, 0x5E]
        turtle.append(Literal.nonNegativeInteger(0).datatype!, to: &bytes)
        return bytes
    }()

    @inline(__always)
    private mutating func appendPredicate(_ node: GraphNode, to out: ByteBuffer) {
        switch node {
        case .vocabulary(.rdfType):
            out.append(0x61)  // "a"
        case .iri(let iri) where iri == Vocabulary.rdfType.iri:
            out.append(0x61)
        default:
            append(node, to: out)
        }
    }

    /// Appends a node as a Turtle term.
    @inline(__always)
    private mutating func append(_ node: GraphNode, to out: ByteBuffer) {
        switch node {
        case .vocabulary(let term):
            out.append(Self.vocabulary[term.index])
        case .segment, .text:
            nodes.append(node, to: out)
        case .document:
            out.append(documentTerm)
        case .nonNegativeInteger(let value):
            out.append(0x22)
            out.appendDecimal(value)
            out.append(Self.integerTail)
        case .documentSuffix(let suffix):
            appendTerm(.iri(document.appending(suffix)), to: out)
        case .iri(let iri):
            appendTerm(.iri(iri), to: out)
        case .blank(let label):
            appendTerm(.blank(label), to: out)
        case .literal(let literal):
            appendTerm(.literal(literal), to: out)
        case .decimal(let value):
            appendTerm(.literal(.decimal(value)), to: out)
        }
    }

    private func appendTerm(_ term: Term, to out: ByteBuffer) {
        Self.turtle.append(term, to: out)
    }
}

import Pipeline

/// Writes a document's statements as N-Triples or N-Quads lines, straight from the
/// ``GraphBuilder``'s nodes to bytes.
///
/// The bytes are those ``RDFFragmentEncoder`` writes for the same statements (the tests hold
/// them to it), made without a `String` or a ``Triple`` per statement: the document's IRI is
/// escaped once and its NIF strings (`#char=b,e`) are written from the offsets, literals of the
/// text are escaped from the text's bytes, vocabulary IRIs are copied as they are, and the
/// subject of consecutive statements is encoded once.
struct LineStatementWriter: GraphStatementSink {
    /// The document's statements, one line each.
    private(set) var body: [UInt8] = []
    /// The shared statements, one N-Triples line each.
    private(set) var sharedLines: [[UInt8]] = []
    private let nodes: NodeEncoder
    /// What ends a line: ` <graph> .\n` for N-Quads, ` .\n` for N-Triples.
    private let lineEnd: [UInt8]
    /// The last subject written, and its bytes.
    private var subject: GraphNode? = nil
    private var subjectBytes: [UInt8] = []

    /// Creates a writer.
    /// - Parameters:
    ///   - document: The document's IRI: the base of its NIF strings, and its graph in N-Quads.
    ///   - text: The UTF-8 bytes of the document's text.
    ///   - quads: Whether to write N-Quads (the document's IRI as the graph) or N-Triples.
    init(document: IRI, text: UnsafeBufferPointer<UInt8>, quads: Bool) {
        nodes = NodeEncoder(document: document, text: text)
        var lineEnd: [UInt8] = []
        if quads {
            lineEnd.append(0x20)
            RDFEncoder().append(document, to: &lineEnd)
        }
        lineEnd.append(contentsOf: [0x20, 0x2E, 0x0A])
        self.lineEnd = lineEnd
        body.reserveCapacity(text.count * 24 + 4096)
        subjectBytes.reserveCapacity(256)
    }

    mutating func add(_ subject: GraphNode, _ predicate: GraphNode, _ object: GraphNode) {
        if !(self.subject.map { NodeEncoder.isSame($0, subject) } ?? false) {
            subjectBytes.removeAll(keepingCapacity: true)
            nodes.append(subject, to: &subjectBytes)
            self.subject = subject
        }
        body.append(contentsOf: subjectBytes)
        body.append(0x20)
        nodes.append(predicate, to: &body)
        body.append(0x20)
        nodes.append(object, to: &body)
        body.append(contentsOf: lineEnd)
    }

    mutating func addShared(_ subject: IRI, _ predicate: GraphNode, _ object: GraphNode) {
        var line: [UInt8] = []
        line.reserveCapacity(160)
        nodes.append(.iri(subject), to: &line)
        line.append(0x20)
        nodes.append(predicate, to: &line)
        line.append(0x20)
        nodes.append(object, to: &line)
        line.append(contentsOf: [0x20, 0x2E, 0x0A])
        sharedLines.append(line)
    }
}

/// Encodes ``GraphNode`` values as N-Triples terms.
struct NodeEncoder {
    /// The document's IRI.
    private let document: IRI
    /// `<` and the document's IRI, escaped, without the closing `>`.
    private let documentOpen: [UInt8]
    private let text: UnsafeBufferPointer<UInt8>

    init(document: IRI, text: UnsafeBufferPointer<UInt8>) {
        self.document = document
        var open: [UInt8] = []
        RDFEncoder().append(document, to: &open)
        open.removeLast()
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
    func append(_ node: GraphNode, to out: inout [UInt8]) {
        switch node {
        case .vocabulary(let iri):
            out.append(0x3C)
            Bytes.append(iri.value, to: &out)
            out.append(0x3E)
        case .segment(let begin, let end):
            out.append(contentsOf: documentOpen)
            Bytes.append("#char=", to: &out)
            Bytes.appendDecimal(begin, to: &out)
            out.append(0x2C)
            Bytes.appendDecimal(end, to: &out)
            out.append(0x3E)
        case .text(let span):
            out.append(0x22)
            Bytes.appendEscapedLiteral(UnsafeBufferPointer(rebasing: text[span.start..<span.end]), to: &out)
            out.append(0x22)
        case .nonNegativeInteger(let value):
            out.append(0x22)
            Bytes.appendDecimal(value, to: &out)
            Bytes.append("\"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>", to: &out)
        case .document:
            out.append(contentsOf: documentOpen)
            out.append(0x3E)
        case .documentSuffix(let suffix):
            RDFEncoder().append(document.appending(suffix), to: &out)
        case .iri(let iri):
            RDFEncoder().append(iri, to: &out)
        case .literal(let literal):
            RDFEncoder().append(literal, to: &out)
        }
    }
}

/// Byte-level helpers for writing RDF.
enum Bytes {
    /// Appends the UTF-8 bytes of a string (copied from its storage where it is contiguous).
    @inline(__always)
    static func append(_ string: String, to out: inout [UInt8]) {
        if let done = string.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) { return done }
        out.append(contentsOf: string.utf8)
    }

    /// Appends the UTF-8 bytes of a static string.
    @inline(__always)
    static func append(_ string: StaticString, to out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }

    /// Appends the decimal digits of a non-negative integer.
    @inline(__always)
    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        precondition(value >= 0, "negative offset")
        if value < 10 {
            out.append(0x30 &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits, more than Int has
        withUnsafeMutableBytes(of: &digits) { buffer in
            var k = buffer.count
            var rest = value
            while rest > 0 {
                k -= 1
                buffer[k] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[k...]))
        }
    }

    /// Whether a byte of a literal needs an escape: `"`, `\`, controls and DEL.
    @inline(__always)
    static func literalNeedsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    /// Appends the bytes of a string literal's lexical form with the escapes N-Triples needs
    /// (as ``RDFEncoder`` writes them), copying runs that need none at once.
    static func appendEscapedLiteral(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        var runStart = 0
        var k = 0
        let count = bytes.count
        while k < count {
            let byte = bytes[k]
            if literalNeedsEscape(byte) {
                if k > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<k])) }
                switch byte {
                case 0x0A: out.append(0x5C); out.append(0x6E)
                case 0x22: out.append(0x5C); out.append(0x22)
                case 0x5C: out.append(0x5C); out.append(0x5C)
                case 0x0D: out.append(0x5C); out.append(0x72)
                case 0x09: out.append(0x5C); out.append(0x74)
                default: appendUCHAR(byte, to: &out)
                }
                runStart = k + 1
            }
            k += 1
        }
        if count > runStart { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    /// Appends `\uXXXX` for a control byte.
    static func appendUCHAR(_ byte: UInt8, to out: inout [UInt8]) {
        let hex: StaticString = "0123456789ABCDEF"
        Bytes.append("\\u00", to: &out)
        out.append(hex.utf8Start[Int(byte >> 4)])
        out.append(hex.utf8Start[Int(byte & 0x0F)])
    }
}

/// A strict parser of N-Triples and N-Quads (RDF 1.1), line by line, for checking what
/// TextGraph writes.
///
/// Every line must be a statement, a comment or empty; every term must be valid (see
/// ``RDFScanner`` for the IRI check beyond the grammar); the whole text must be valid UTF-8 and
/// end with a line feed. The first error found is thrown, naming the line.
///
/// ```swift
/// let statements = try NTriplesParser(quads: false).parse(Array("<a:s> <a:p> \"o\" .\n".utf8))
/// ```
public struct NTriplesParser: Sendable {
    /// Whether a graph label may follow the object (N-Quads).
    public var quads: Bool

    /// Creates a parser of N-Triples, or of N-Quads when `quads` is true.
    public init(quads: Bool) { self.quads = quads }

    /// The statements of `bytes`, in order (duplicates kept).
    public func parse(_ bytes: [UInt8]) throws(RDFSyntaxError) -> [RDFStatement] {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw RDFSyntaxError(line: 0, column: 0, message: "the output is not valid UTF-8")
        }
        guard bytes.isEmpty || bytes.last == 0x0A else {
            throw RDFSyntaxError(line: 0, column: bytes.count, message: "the output does not end with a line feed")
        }
        var statements: [RDFStatement] = []
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            var end = start
            while end < bytes.count && bytes[end] != 0x0A { end += 1 }
            var scanner = RDFScanner(bytes: bytes, from: start, to: end, line: lineNumber)
            if let statement = try statement(&scanner) { statements.append(statement) }
            start = end + 1
        }
        return statements
    }

    /// One line's statement, or `nil` for an empty or comment line.
    func statement(_ scanner: inout RDFScanner) throws(RDFSyntaxError) -> RDFStatement? {
        scanner.skipSpace()
        guard let first = scanner.current, first != 0x23 else { return nil }
        if first == 0x0D {
            scanner.position += 1
            guard scanner.atEnd else { throw scanner.error("carriage return inside a line") }
            return nil
        }
        let subject = try resource(&scanner, "subject")
        scanner.skipSpace()
        let predicate = RDFTerm.iri(try scanner.iriRef())
        scanner.skipSpace()
        let object: RDFTerm
        if scanner.current == 0x22 {
            object = try literal(&scanner)
        } else {
            object = try resource(&scanner, "object")
        }
        scanner.skipSpace()
        var graph: RDFTerm? = nil
        if quads, scanner.current != 0x2E {
            graph = try resource(&scanner, "graph label")
            scanner.skipSpace()
        }
        try scanner.expect(0x2E, "'.' after the \(quads ? "quad" : "triple")")
        scanner.skipSpace()
        if scanner.current == 0x0D { scanner.position += 1 }
        if let byte = scanner.current, byte != 0x23 {
            throw scanner.error("text after the statement's '.'")
        }
        return RDFStatement(subject: subject, predicate: predicate, object: object, graph: graph)
    }

    /// An IRI or a blank node.
    func resource(_ scanner: inout RDFScanner, _ role: String) throws(RDFSyntaxError) -> RDFTerm {
        switch scanner.current {
        case 0x3C: return .iri(try scanner.iriRef())
        case 0x5F: return .blank(try scanner.blankLabel())
        default: throw scanner.error("expected an IRI or a blank node as \(role)")
        }
    }

    /// A literal: a quoted string, then a language tag or a datatype IRI.
    func literal(_ scanner: inout RDFScanner) throws(RDFSyntaxError) -> RDFTerm {
        let form = try scanner.quotedString()
        if scanner.current == 0x40 {
            scanner.position += 1
            return .literal(form, language: try scanner.languageTag(), datatype: RDFTerm.langString)
        }
        if scanner.current == 0x5E {
            try scanner.expect(0x5E, "'^^'")
            try scanner.expect(0x5E, "'^^'")
            return .literal(form, language: nil, datatype: try scanner.iriRef())
        }
        return .literal(form, language: nil, datatype: RDFTerm.xsdString)
    }
}

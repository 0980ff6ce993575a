/// A strict parser of the part of Turtle that TextGraph writes, for checking its output.
///
/// The subset: `@prefix p: <namespace> .` directives; statements `subject verb object` with
/// `;` and `,` lists, ending in `.`; subjects and objects as IRIs (`<…>` or prefixed names whose
/// local part is letters, digits, `_` and `-`), blank node labels and (objects only) quoted
/// literals with a language tag or a datatype; `a` for `rdf:type`. Anything else Turtle allows
/// (collections, `[ ]`, long strings, numbers and booleans written bare, `PREFIX`, `@base`,
/// relative IRIs, escapes in local names, comments) is refused as "outside the subset", so a
/// change in what TextGraph writes shows up here rather than passing unchecked. Terms are
/// checked as ``NTriplesParser`` checks them.
public struct TurtleSubsetParser: Sendable {
    /// Creates a parser.
    public init() {}

    /// The statements of `bytes`, in order (duplicates kept), prefixed names expanded.
    public func parse(_ bytes: [UInt8]) throws(RDFSyntaxError) -> [RDFStatement] {
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw RDFSyntaxError(line: 0, column: 0, message: "the output is not valid UTF-8")
        }
        var scanner = RDFScanner(bytes: bytes, from: 0, to: bytes.count, line: 0)
        var prefixes: [String: String] = [:]
        var statements: [RDFStatement] = []
        while true {
            scanner.skipSpace(newlines: true)
            guard let first = scanner.current else { break }
            if first == 0x40 {
                try prefixDirective(&scanner, into: &prefixes)
                continue
            }
            let subject: RDFTerm = first == 0x5F ? .blank(try scanner.blankLabel()) : .iri(try iri(&scanner, prefixes))
            predicates: while true {
                scanner.skipSpace(newlines: true)
                let predicate: RDFTerm
                if scanner.current == 0x61, scanner.position + 1 < scanner.end,
                    [0x20, 0x09, 0x0A].contains(scanner.bytes[scanner.position + 1])
                {
                    scanner.position += 1
                    predicate = .iri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
                } else {
                    predicate = .iri(try iri(&scanner, prefixes))
                }
                objects: while true {
                    scanner.skipSpace(newlines: true)
                    let object = try self.object(&scanner, prefixes)
                    statements.append(RDFStatement(subject: subject, predicate: predicate, object: object))
                    scanner.skipSpace(newlines: true)
                    switch scanner.current {
                    case 0x2C:
                        scanner.position += 1
                        continue objects
                    case 0x3B:
                        scanner.position += 1
                        continue predicates
                    case 0x2E:
                        scanner.position += 1
                        break predicates
                    default:
                        throw scanner.error("expected ',', ';' or '.' after an object")
                    }
                }
            }
        }
        return statements
    }

    /// `@prefix p: <namespace> .`
    func prefixDirective(_ scanner: inout RDFScanner, into prefixes: inout [String: String]) throws(RDFSyntaxError) {
        let keyword = Array("@prefix".utf8)
        guard scanner.position + keyword.count <= scanner.end,
            Array(scanner.bytes[scanner.position..<(scanner.position + keyword.count)]) == keyword
        else { throw scanner.error("only @prefix directives are in the subset") }
        scanner.position += keyword.count
        scanner.skipSpace()
        let start = scanner.position
        while let byte = scanner.current, byte != 0x3A {
            guard Self.isNameByte(byte) else { throw scanner.error("invalid prefix name") }
            scanner.position += 1
        }
        let name = String(decoding: scanner.bytes[start..<scanner.position], as: UTF8.self)
        try scanner.expect(0x3A, "':' after the prefix name")
        scanner.skipSpace()
        prefixes[name] = try scanner.iriRef()
        scanner.skipSpace()
        try scanner.expect(0x2E, "'.' after @prefix")
    }

    /// An IRI written as `<…>` or as a prefixed name.
    func iri(_ scanner: inout RDFScanner, _ prefixes: [String: String]) throws(RDFSyntaxError) -> String {
        if scanner.current == 0x3C { return try scanner.iriRef() }
        let start = scanner.position
        while let byte = scanner.current, Self.isNameByte(byte) { scanner.position += 1 }
        let prefix = String(decoding: scanner.bytes[start..<scanner.position], as: UTF8.self)
        guard scanner.current == 0x3A else { throw scanner.error("expected an IRI or a prefixed name") }
        guard let namespace = prefixes[prefix] else { throw scanner.error("undeclared prefix '\(prefix)'") }
        scanner.position += 1
        let localStart = scanner.position
        while let byte = scanner.current, Self.isNameByte(byte) { scanner.position += 1 }
        if let byte = scanner.current, byte == 0x5C || byte == 0x25 || byte == 0x3A || byte >= 0x80 {
            throw scanner.error("local name outside the subset")
        }
        if scanner.position > localStart, scanner.bytes[localStart] == 0x2D {
            throw scanner.error("local name starts with '-'")
        }
        let value = namespace + String(decoding: scanner.bytes[localStart..<scanner.position], as: UTF8.self)
        try RDFScanner.checkIRI(value, at: scanner.error(""))
        return value
    }

    /// An object: an IRI, a blank node or a literal.
    func object(_ scanner: inout RDFScanner, _ prefixes: [String: String]) throws(RDFSyntaxError) -> RDFTerm {
        switch scanner.current {
        case 0x5F: return .blank(try scanner.blankLabel())
        case 0x22:
            if scanner.position + 2 < scanner.end, scanner.bytes[scanner.position + 1] == 0x22,
                scanner.bytes[scanner.position + 2] == 0x22
            {
                throw scanner.error("long strings are outside the subset")
            }
            let form = try scanner.quotedString()
            if scanner.current == 0x40 {
                scanner.position += 1
                return .literal(form, language: try scanner.languageTag(), datatype: RDFTerm.langString)
            }
            if scanner.current == 0x5E {
                try scanner.expect(0x5E, "'^^'")
                try scanner.expect(0x5E, "'^^'")
                return .literal(form, language: nil, datatype: try iri(&scanner, prefixes))
            }
            return .literal(form, language: nil, datatype: RDFTerm.xsdString)
        case nil: throw scanner.error("expected an object")
        default: return .iri(try iri(&scanner, prefixes))
        }
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        RDFScanner.isAlpha(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F || byte == 0x2D
    }
}

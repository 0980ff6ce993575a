public import Pipeline
public import TextGraphSupport

/// Writes RDF terms in the syntax shared by N-Triples, N-Quads and Turtle, appending UTF-8 bytes.
///
/// Escaping is exact: in literals `"`, `\`, line feed, carriage return and tab get their escapes
/// and every other control character (and DEL) becomes `\uXXXX`; in IRIs, characters that IRIREF
/// forbids (space, `<>"{}|^` and backquote, backslash, controls) become `\uXXXX`. The escaping is
/// ``ByteBuffer``'s, the one routine every writer of TextGraph uses.
///
/// ```swift
/// var bytes: [UInt8] = []
/// RDFEncoder(prefixes: [("ex", "https://example.org/")]).append(IRI("https://example.org/a"), to: &bytes)  // ex:a
/// ```
public struct RDFEncoder: Sendable {
    /// Prefixes for Turtle, by namespace; empty for N-Triples and N-Quads.
    private let prefixes: [(prefix: String, namespace: String)]

    /// Creates an encoder; with prefixes, IRIs in those namespaces are written as prefixed names.
    public init(prefixes: [(prefix: String, namespace: String)] = []) {
        self.prefixes = prefixes
    }

    /// Appends a term.
    public func append(_ term: Term, to out: inout [UInt8]) {
        let buffer = ByteBuffer(capacity: 256)
        append(term, to: buffer)
        out.append(contentsOf: buffer.bytes)
    }

    /// Appends an IRI, as a prefixed name where one applies.
    public func append(_ iri: IRI, to out: inout [UInt8]) { append(.iri(iri), to: &out) }

    /// Appends a literal.
    public func append(_ literal: Literal, to out: inout [UInt8]) { append(.literal(literal), to: &out) }

    /// Appends a term to a buffer.
    func append(_ term: Term, to out: ByteBuffer) {
        switch term {
        case .iri(let iri): append(iri, to: out)
        case .blank(let label):
            out.append("_:")
            out.append(label)
        case .literal(let literal):
            out.append(0x22)
            out.withUTF8(of: literal.lexicalForm) { out.appendEscapedLiteral($0) }
            out.append(0x22)
            if let language = literal.language {
                out.append(0x40)
                out.append(language)
            } else if let datatype = literal.datatype {
                out.append(0x5E, 0x5E)
                append(datatype, to: out)
            }
        }
    }

    /// Appends an IRI to a buffer, as a prefixed name where one applies.
    func append(_ iri: IRI, to out: ByteBuffer) {
        for (prefix, namespace) in prefixes where iri.value.utf8.starts(with: namespace.utf8) {
            let local = iri.value.dropFirst(namespace.count)
            if RDFEncoder.isSimpleLocalName(local) {
                out.append(prefix)
                out.append(0x3A)
                out.append(String(local))
                return
            }
        }
        out.append(0x3C)
        out.withUTF8(of: iri.value) { out.appendEscapedIRI($0) }
        out.append(0x3E)
    }

    /// Whether IRIREF needs a byte escaped.
    @inline(__always)
    static func iriNeedsEscape(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x7B || byte == 0x7D || byte == 0x7C
            || byte == 0x5E || byte == 0x60 || byte == 0x5C
    }

    /// Whether a local name can be written after a prefix without escapes: letters, digits,
    /// `_` and `-`, not starting with a digit or `-`.
    static func isSimpleLocalName(_ local: Substring) -> Bool {
        guard let first = local.utf8.first, !(first >= 0x30 && first <= 0x39), first != 0x2D else { return false }
        return local.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x5F || b == 0x2D
        }
    }
}

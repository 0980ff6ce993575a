public import Pipeline

/// Writes RDF terms in the syntax shared by N-Triples, N-Quads and Turtle, appending UTF-8 bytes.
///
/// Escaping is exact: in literals `"`, `\`, line feed and carriage return get their escapes and
/// every other control character becomes `\uXXXX`; in IRIs, characters that IRIREF forbids
/// (space, `<>"{}|^` and backquote, backslash, controls) become `\uXXXX`.
public struct RDFEncoder: Sendable {
    /// Prefixes for Turtle, by namespace; empty for N-Triples and N-Quads.
    private let prefixes: [(prefix: String, namespace: String)]

    /// Creates an encoder; with prefixes, IRIs in those namespaces are written as prefixed names.
    public init(prefixes: [(prefix: String, namespace: String)] = []) {
        self.prefixes = prefixes
    }

    /// Appends a term.
    public func append(_ term: Term, to out: inout [UInt8]) {
        switch term {
        case .iri(let iri): append(iri, to: &out)
        case .blank(let label):
            out.append(contentsOf: "_:".utf8)
            out.append(contentsOf: label.utf8)
        case .literal(let literal): append(literal, to: &out)
        }
    }

    /// Appends an IRI, as a prefixed name where one applies.
    public func append(_ iri: IRI, to out: inout [UInt8]) {
        for (prefix, namespace) in prefixes where iri.value.utf8.starts(with: namespace.utf8) {
            let local = iri.value.dropFirst(namespace.count)
            if RDFEncoder.isSimpleLocalName(local) {
                out.append(contentsOf: prefix.utf8)
                out.append(0x3A)
                out.append(contentsOf: local.utf8)
                return
            }
        }
        out.append(0x3C)
        let utf8 = iri.value.utf8
        if !RDFEncoder.any(utf8, RDFEncoder.iriNeedsEscape) {
            out.append(contentsOf: utf8)
            out.append(0x3E)
            return
        }
        for byte in utf8 {
            // Bytes of multi-byte UTF-8 characters (0x80 and up) are allowed in IRIREF as they are.
            if byte <= 0x20 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x7B || byte == 0x7D || byte == 0x7C
                || byte == 0x5E || byte == 0x60 || byte == 0x5C
            {
                appendUCHAR(UInt32(byte), to: &out)
            } else {
                out.append(byte)
            }
        }
        out.append(0x3E)
    }

    /// Whether any byte satisfies the predicate, scanning the string's contiguous storage.
    @inline(__always)
    static func any(_ utf8: String.UTF8View, _ predicate: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ buffer -> Bool in
            for byte in buffer where predicate(byte) { return true }
            return false
        }) {
            return found
        }
        return utf8.contains(where: predicate)
    }

    @inline(__always)
    static func iriNeedsEscape(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x7B || byte == 0x7D || byte == 0x7C
            || byte == 0x5E || byte == 0x60 || byte == 0x5C
    }

    @inline(__always)
    static func literalNeedsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
    }

    /// Appends a literal.
    public func append(_ literal: Literal, to out: inout [UInt8]) {
        out.append(0x22)
        let utf8 = literal.lexicalForm.utf8
        if !RDFEncoder.any(utf8, RDFEncoder.literalNeedsEscape) {
            out.append(contentsOf: utf8)
        } else {
            appendEscaped(utf8, to: &out)
        }
        out.append(0x22)
        if let language = literal.language {
            out.append(0x40)
            out.append(contentsOf: language.utf8)
        } else if let datatype = literal.datatype {
            out.append(contentsOf: [0x5E, 0x5E])
            append(datatype, to: &out)
        }
    }

    private func appendEscaped(_ utf8: String.UTF8View, to out: inout [UInt8]) {
        for byte in utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20, 0x7F: appendUCHAR(UInt32(byte), to: &out)
            default: out.append(byte)
            }
        }
    }

    private func appendUCHAR(_ value: UInt32, to out: inout [UInt8]) {
        let hex = String(value, radix: 16, uppercase: true)
        if value > 0xFFFF {
            out.append(contentsOf: "\\U".utf8)
            out.append(contentsOf: (String(repeating: "0", count: 8 - hex.count) + hex).utf8)
        } else {
            out.append(contentsOf: "\\u".utf8)
            out.append(contentsOf: (String(repeating: "0", count: 4 - hex.count) + hex).utf8)
        }
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

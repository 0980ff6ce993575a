import Pipeline
public import TextGraphSupport

/// Reads RDF 1.1 N-Triples and N-Quads (W3C Recommendations, 2014), one statement a line.
///
/// The whole grammar of the format: IRIs, blank nodes, literals with a language tag or a
/// datatype, the string escapes (`\t \b \n \r \f \" \' \\`) and `\uXXXX`/`\UXXXXXXXX` in
/// strings and IRIs, comments and blank lines. It is small because N-Triples is: each line
/// stands alone. Turtle is not read here: ``SKOSImporter`` takes Turtle, RDF/XML and the rest
/// through a real parser first (`rapper -i turtle -o ntriples`, Debian's raptor2-utils),
/// rather than trust a hand-written subset of Turtle's much larger grammar.
public enum NTriplesReader {
    /// Calls `body` with each triple of an N-Triples document, in order.
    /// - Parameter source: The file's name, for error messages.
    /// - Throws: ``StageError`` with code ``StageError/Code/invalidData`` naming the line and
    ///   column of the first syntax error; errors `body` throws.
    public static func forEachTriple(in text: String, source: String, _ body: (Triple) throws -> Void) throws {
        var lineNumber = 0
        for line in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            lineNumber += 1
            var parser = LineParser(scalars: Array(line.unicodeScalars), location: "\(source):\(lineNumber)")
            if let triple = try parser.triple() { try body(triple) }
        }
    }

    /// A statement of an N-Triples or N-Quads line: a triple and, in N-Quads, its graph.
    public struct Statement: Hashable, Sendable {
        /// The triple.
        public var triple: Triple
        /// The graph label (an IRI or a blank node), `nil` for the default graph.
        public var graph: Term?
    }

    /// Parses one line of N-Triples (`allowsGraph` false) or N-Quads (`allowsGraph` true), as
    /// strictly as ``forEachTriple(in:source:_:)``: a graph label where N-Triples has none is an error.
    /// - Parameters:
    ///   - line: The line, without its line end.
    ///   - location: `file:line`, for error messages.
    /// - Returns: The statement, or `nil` for a blank or comment line.
    /// - Throws: ``StageError`` with code ``StageError/Code/invalidData`` naming the column.
    public static func statement(in line: String, location: String, allowsGraph: Bool) throws -> Statement? {
        var parser = LineParser(scalars: Array(line.unicodeScalars), location: location)
        return try parser.statement(allowsGraph: allowsGraph)
    }

    /// The triples of an N-Triples document, in order.
    public static func triples(in text: String, source: String) throws -> [Triple] {
        var triples: [Triple] = []
        try forEachTriple(in: text, source: source) { triples.append($0) }
        return triples
    }

    /// Parses one line.
    private struct LineParser {
        let scalars: [Unicode.Scalar]
        let location: String
        var i = 0

        init(scalars: [Unicode.Scalar], location: String) {
            self.scalars = scalars
            self.location = location
        }

        func error(_ message: String) -> StageError {
            StageError(.invalidData, "\(location):\(i + 1): \(message)")
        }

        var current: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

        mutating func skipSpace() {
            while let c = current, c == " " || c == "\t" { i += 1 }
        }

        /// The line's triple, or `nil` for a blank or comment line.
        mutating func triple() throws -> Triple? { try statement(allowsGraph: false)?.triple }

        /// The line's statement, or `nil` for a blank or comment line.
        mutating func statement(allowsGraph: Bool) throws -> Statement? {
            skipSpace()
            guard let first = current, first != "#" else { return nil }
            let subject: Term
            switch first {
            case "<": subject = .iri(try iri())
            case "_": subject = .blank(try blankNode())
            default: throw error("expected a subject (<IRI> or _:blank), found '\(first)'")
            }
            skipSpace()
            guard current == "<" else { throw error("expected a predicate <IRI>") }
            let predicate = try iri()
            skipSpace()
            let object: Term
            switch current {
            case "<": object = .iri(try iri())
            case "_": object = .blank(try blankNode())
            case "\"": object = .literal(try literal())
            default: throw error("expected an object (<IRI>, _:blank or \"literal\")")
            }
            skipSpace()
            var graph: Term? = nil
            if allowsGraph, current == "<" {
                graph = .iri(try iri())
                skipSpace()
            } else if allowsGraph, current == "_" {
                graph = .blank(try blankNode())
                skipSpace()
            }
            guard current == "." else {
                throw error("expected '.' at the end of the \(allowsGraph ? "statement" : "triple")")
            }
            i += 1
            skipSpace()
            if let c = current, c != "#" {
                throw error("unexpected '\(c)' after the \(allowsGraph ? "statement" : "triple")")
            }
            return Statement(triple: Triple(subject, predicate, object), graph: graph)
        }

        mutating func iri() throws -> IRI {
            i += 1  // <
            var value = String.UnicodeScalarView()
            while let c = current {
                i += 1
                switch c {
                case ">": return IRI(String(value))
                case "\\":
                    guard current == "u" || current == "U" else {
                        throw error("only \\u and \\U escapes may appear in an IRI")
                    }
                    value.append(try unicodeEscape())
                case "<", "\"", "{", "}", "|", "^", "`", " ":
                    throw error("'\(c)' may not appear in an IRI")
                default:
                    if c.value <= 0x20 { throw error("a control character may not appear in an IRI") }
                    value.append(c)
                }
            }
            throw error("the IRI is not closed with '>'")
        }

        mutating func blankNode() throws -> String {
            guard i + 1 < scalars.count, scalars[i + 1] == ":" else {
                throw error("expected '_:' to start a blank node")
            }
            i += 2
            let start = i
            while let c = current,
                c.properties.isAlphabetic || c.properties.numericType != nil || c == "_" || c == "-" || c == "."
            {
                i += 1
            }
            while i > start, scalars[i - 1] == "." { i -= 1 }  // a label does not end in '.'
            guard i > start else { throw error("empty blank node label") }
            return String(String.UnicodeScalarView(scalars[start..<i]))
        }

        /// The character each one-letter escape of a string stands for (N-Triples' ECHAR).
        static let echars: [Unicode.Scalar: Unicode.Scalar] = [
            "t": "\t", "b": "\u{8}", "n": "\n", "r": "\r", "f": "\u{C}", "\"": "\"", "'": "'", "\\": "\\",
        ]

        mutating func literal() throws -> Literal {
            i += 1  // "
            var value = String.UnicodeScalarView()
            while true {
                guard let c = current else { throw error("the string is not closed with '\"'") }
                i += 1
                if c == "\"" { break }
                if c == "\\" {
                    guard let e = current else { throw error("the string ends in a lone backslash") }
                    if let escaped = Self.echars[e] {
                        value.append(escaped)
                        i += 1
                    } else if e == "u" || e == "U" {
                        value.append(try unicodeEscape())
                    } else {
                        throw error("unknown escape '\\\(e)'")
                    }
                } else {
                    value.append(c)
                }
            }
            let lexical = String(value)
            if current == "@" {
                i += 1
                let start = i
                while let c = current, c.isASCII,
                    c.properties.isAlphabetic || c.properties.numericType != nil || c == "-"
                { i += 1 }
                let tag = String(String.UnicodeScalarView(scalars[start..<i]))
                guard let first = tag.unicodeScalars.first, first.properties.isAlphabetic, !tag.hasSuffix("-") else {
                    throw error("invalid language tag '\(tag)'")
                }
                return Literal(lexical, language: tag)
            }
            if current == "^" {
                guard i + 2 < scalars.count, scalars[i + 1] == "^", scalars[i + 2] == "<" else {
                    throw error("expected '^^<datatype>'")
                }
                i += 2
                return Literal.typed(lexical, datatype: try iri())
            }
            return Literal(lexical)
        }

        /// Reads `uXXXX` or `UXXXXXXXX` (after the backslash).
        mutating func unicodeEscape() throws -> Unicode.Scalar {
            let digits = current == "u" ? 4 : 8
            i += 1
            guard i + digits <= scalars.count else { throw error("incomplete \\u escape") }
            let hex = String(String.UnicodeScalarView(scalars[i..<i + digits]))
            guard let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw error("invalid escape \\\(digits == 4 ? "u" : "U")\(hex)")
            }
            i += digits
            return scalar
        }
    }
}

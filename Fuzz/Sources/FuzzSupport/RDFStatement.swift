#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An RDF term as parsed back from TextGraph's output: escapes resolved, prefixed names expanded,
/// so that the same statement written in N-Triples, N-Quads and Turtle compares equal.
///
/// Terms compare by their UTF-8 bytes, not as Swift strings do (by canonical equivalence): a
/// writer that changed "é" into "e" and a combining accent would be caught.
public enum RDFTerm: Hashable, Sendable, CustomStringConvertible {
    /// An IRI (its value, without angle brackets).
    case iri(String)
    /// A blank node, by label.
    case blank(String)
    /// A literal with its lexical form and either a language tag or a datatype IRI (`xsd:string`
    /// when neither was written).
    case literal(String, language: String?, datatype: String)

    /// `xsd:string`, the datatype of a literal written without one.
    public static let xsdString = "http://www.w3.org/2001/XMLSchema#string"
    /// `rdf:langString`, the datatype of a literal with a language tag.
    public static let langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"

    public static func == (lhs: RDFTerm, rhs: RDFTerm) -> Bool {
        switch (lhs, rhs) {
        case (.iri(let a), .iri(let b)), (.blank(let a), .blank(let b)):
            return sameBytes(a, b)
        case (.literal(let a, let aLanguage, let aType), .literal(let b, let bLanguage, let bType)):
            return sameBytes(a, b) && sameBytes(aType, bType) && (aLanguage == nil) == (bLanguage == nil)
                && sameBytes(aLanguage ?? "", bLanguage ?? "")
        default:
            return false
        }
    }

    /// Whether two strings have the same UTF-8 bytes.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0)
            }
        }
    }

    public func hash(into hasher: inout Hasher) {
        /// Each part's bytes and length, so that parts cannot run into each other.
        func combine(_ string: String) {
            var string = string
            string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(string.utf8.count)
        }
        switch self {
        case .iri(let value):
            hasher.combine(0)
            combine(value)
        case .blank(let label):
            hasher.combine(1)
            combine(label)
        case .literal(let form, let language, let datatype):
            hasher.combine(2)
            combine(form)
            hasher.combine(language == nil)
            combine(language ?? "")
            combine(datatype)
        }
    }

    public var description: String {
        switch self {
        case .iri(let value): return "<\(value)>"
        case .blank(let label): return "_:\(label)"
        case .literal(let form, let language, let datatype):
            return "\"\(form)\"" + (language.map { "@\($0)" } ?? "^^<\(datatype)>")
        }
    }
}

/// One statement: a triple, and the graph it is in (`nil` for N-Triples and Turtle).
public struct RDFStatement: Hashable, Sendable, CustomStringConvertible {
    /// The subject.
    public var subject: RDFTerm
    /// The predicate (an IRI).
    public var predicate: RDFTerm
    /// The object.
    public var object: RDFTerm
    /// The graph label, for N-Quads.
    public var graph: RDFTerm?

    /// Creates a statement.
    public init(subject: RDFTerm, predicate: RDFTerm, object: RDFTerm, graph: RDFTerm? = nil) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }

    /// The statement without its graph.
    public var triple: RDFStatement { RDFStatement(subject: subject, predicate: predicate, object: object) }

    public var description: String {
        "\(subject) \(predicate) \(object)" + (graph.map { " \($0)" } ?? "") + " ."
    }
}

/// Why a line of RDF was refused, with where.
public struct RDFSyntaxError: Error, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The byte offset in the line.
    public var column: Int
    /// What was wrong.
    public var message: String

    /// Creates an error.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), byte \(column): \(message)" }
}

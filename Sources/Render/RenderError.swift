/// The error of the Render module: a site, a picture or a graph file could not be made or read.
///
/// Every message says what went wrong in words a user can act on, such as
/// `graph.nq:12:40: expected '.' at the end of the statement` or
/// `cannot write graph.svg: Graphviz's dot is not installed (Debian: apt install graphviz)`.
public struct RenderError: Error, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case output, invalidGraph, graphvizMissing, graphvizFailed, unknownEntity
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// A page, a picture or a folder could not be written.
        public static let output = Code(.output)
        /// A graph file (N-Triples, N-Quads) is not valid, or is not laid out as TextGraph writes it.
        public static let invalidGraph = Code(.invalidGraph)
        /// Graphviz's `dot` is not installed, so no SVG can be drawn.
        public static let graphvizMissing = Code(.graphvizMissing)
        /// Graphviz's `dot` refused the picture.
        public static let graphvizFailed = Code(.graphvizFailed)
        /// The entity a filter names is not in the graph.
        public static let unknownEntity = Code(.unknownEntity)

        public var description: String { String(describing: base) }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What went wrong, for a person.
    public var message: String
    /// The underlying error.
    public var cause: (any Error)?
    /// Where in TextGraph's source the error was raised.
    public var location: String

    /// Creates an error.
    public init(_ code: Code, _ message: String, cause: (any Error)? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.cause = cause
        self.location = "\(file):\(line)"
    }

    public var description: String { message }
}

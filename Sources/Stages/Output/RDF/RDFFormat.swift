/// An RDF serialization TextGraph writes.
public enum RDFFormat: String, Sendable, CaseIterable {
    /// N-Triples (`.nt`): one triple per line, no named graphs.
    case nTriples = "nt"
    /// N-Quads (`.nq`): one named graph per document; entity descriptions in their own graph.
    case nQuads = "nq"
    /// Turtle (`.ttl`): prefixes, subjects grouped.
    case turtle = "ttl"

    /// The format for a file name, by its extension.
    public init?(path: String) {
        guard let dot = path.lastIndex(of: ".") else { return nil }
        self.init(rawValue: path[path.index(after: dot)...].lowercased())
    }
}

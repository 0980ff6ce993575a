import Foundation
public import Pipeline
import Stages

/// Reads documents back from a graph TextGraph wrote (N-Quads or N-Triples), one document at a
/// time, so that a graph made earlier or pulled from a store can be rendered.
///
/// Each line is parsed strictly by the project's N-Triples/N-Quads reader
/// (``NTriplesReader/statement(in:location:allowsGraph:)``). In N-Quads each document is its own
/// named graph and the entity descriptions are in `<https://w3id.org/textgraph/graph/entities>`;
/// in N-Triples a document begins with its `schema:DigitalDocument` statement. A document's
/// statements must come together (as `textgraph run` writes them, or as a store exports a graph
/// by graph); a named graph that comes back after another is an error, not a silent half page.
///
/// From a document's statements it rebuilds what the pages show: the text (`nif:isString`),
/// sentences and mentions (their `#char=b,e` offsets, converted from code points to UTF-8),
/// mentions' entity, class, confidence, form and value, relations with their counts, the
/// questions and answers with askers and authors, and the metadata.
public struct GraphDocumentReader {
    /// The file.
    public var path: String

    /// Creates a reader of a `.nq` or `.nt` file.
    public init(path: String) {
        self.path = path
    }

    /// Whether the file is N-Quads (by its extension).
    public var isQuads: Bool { path.lowercased().hasSuffix(".nq") }

    /// Calls `body` with each document, in file order, and returns the entity descriptions.
    /// - Throws: ``RenderError`` naming the line of a syntax error, or when a document's
    ///   statements are not together; what `body` throws.
    public func read(_ body: (Document) throws -> Void) throws -> [Entity] {
        var lines = try GraphLineReader(path: path)
        var entities = EntityDescriptions()
        var group: [Triple] = []
        var graph: String? = nil  // the current document's graph (N-Quads)
        var finished = Set<String>()
        let allowsGraph = isQuads
        func flush() throws {
            if !group.isEmpty, let document = try DocumentRebuilder(triples: group, source: path).document() {
                try body(document)
            }
            group.removeAll(keepingCapacity: true)
        }
        while let line = try lines.next() {
            let statement: NTriplesReader.Statement?
            do {
                statement = try NTriplesReader.statement(
                    in: line, location: "\(path):\(lines.lineNumber)", allowsGraph: allowsGraph)
            } catch let error as StageError {
                throw RenderError(.invalidGraph, error.message, cause: error)
            }
            guard let statement else { continue }
            let triple = statement.triple
            if allowsGraph {
                let label = statement.graph.map(Self.label) ?? ""
                if label == Vocabulary.entitiesGraph.value || label.isEmpty {
                    entities.add(triple)
                    continue
                }
                if label != graph {
                    try flush()
                    if let graph { finished.insert(graph) }
                    guard !finished.contains(label) else {
                        throw RenderError(
                            .invalidGraph,
                            "\(path):\(lines.lineNumber): the graph \(label) comes back after other graphs; sort the file by graph first"
                        )
                    }
                    graph = label
                }
                group.append(triple)
            } else {
                if triple.predicate == Vocabulary.rdfType.iri,
                    triple.object == .iri(Vocabulary.schemaDigitalDocument.iri)
                {
                    try flush()
                }
                if EntityDescriptions.describes(triple) { entities.add(triple) }
                group.append(triple)
            }
        }
        try flush()
        return entities.entities()
    }

    static func label(_ term: Term) -> String {
        switch term {
        case .iri(let iri): iri.value
        case .blank(let label): "_:" + label
        case .literal(let literal): literal.lexicalForm
        }
    }
}

/// The entity descriptions of a graph, gathered statement by statement.
struct EntityDescriptions {
    private var found: [IRI: Entity] = [:]

    /// The predicates of entity descriptions, as ``GraphBuilder`` writes them.
    static let predicates: Set<String> = [
        Vocabulary.rdfsLabel.iri.value, Vocabulary.owlSameAs.iri.value, Vocabulary.schemaMemberOf.iri.value,
        Vocabulary.schemaIsPartOf.iri.value, Vocabulary.dctermsIdentifier.iri.value, Vocabulary.dctermsSource.iri.value,
        Vocabulary.rdfsSeeAlso.iri.value, Vocabulary.rdfType.iri.value,
    ]

    /// Whether an N-Triples statement may describe an entity (its subject is an entity IRI).
    static func describes(_ triple: Triple) -> Bool {
        guard case .iri(let subject) = triple.subject, subject.value.hasPrefix(SiteLayout.entityBase) else {
            return false
        }
        return predicates.contains(triple.predicate.value) && !subject.value.contains("/question-")
    }

    mutating func add(_ triple: Triple) {
        guard case .iri(let subject) = triple.subject, Self.predicates.contains(triple.predicate.value) else { return }
        var entity = found[subject] ?? Entity(iri: subject, types: [], labels: [])
        switch (triple.predicate.value, triple.object) {
        case (Vocabulary.rdfType.iri.value, .iri(let type)): entity.types.append(type)
        case (Vocabulary.rdfsLabel.iri.value, .literal(let label)): entity.labels.append(label)
        case (Vocabulary.owlSameAs.iri.value, .iri(let same)): entity.sameAs.append(same)
        case (Vocabulary.schemaMemberOf.iri.value, .iri(let organization)): entity.memberOf.append(organization)
        case (Vocabulary.schemaIsPartOf.iri.value, .iri(let whole)): entity.partOf.append(whole)
        case (Vocabulary.dctermsIdentifier.iri.value, .literal(let identifier)):
            entity.identifiers.append(identifier.lexicalForm)
        case (Vocabulary.dctermsSource.iri.value, .iri(let source)): entity.sources.append(source)
        case (Vocabulary.rdfsSeeAlso.iri.value, .iri(let page)): entity.pages.append(page)
        default: return
        }
        found[subject] = entity
    }

    /// The descriptions, sorted by IRI; entities the graph only types (a question) are left out.
    func entities() -> [Entity] {
        found.values.filter { !$0.labels.isEmpty || !$0.sameAs.isEmpty }.sorted { $0.iri < $1.iri }
    }
}

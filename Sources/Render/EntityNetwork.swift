public import Pipeline
import Stages

/// The network of entities over a corpus: who co-occurs with whom (weighted by the number of
/// sentences), and the relations the documents' structure shows (who asked whom, who answered,
/// who is a member of what), weighted by how often.
///
/// Gathered one document at a time (``add(_:)``); memory grows with the number of distinct
/// pairs, not with the corpus. ``filtered(_:catalog:)`` keeps the entities of some types, or the
/// neighbourhood of one entity.
public struct EntityNetwork: Sendable {
    /// An edge: a co-occurrence (undirected, `from` before `to`) or a directed relation.
    public struct Edge: Hashable, Sendable, Comparable {
        /// The first or source entity.
        public var from: IRI
        /// The second or target entity.
        public var to: IRI
        /// The relation.
        public var predicate: IRI

        /// Creates an edge.
        public init(from: IRI, to: IRI, predicate: IRI) {
            self.from = from
            self.to = to
            self.predicate = predicate
        }

        /// Whether the edge has no direction (a co-occurrence).
        public var isUndirected: Bool { predicate == EntityNetwork.coOccursWith }

        public static func < (lhs: Edge, rhs: Edge) -> Bool {
            (lhs.from, lhs.to, lhs.predicate) < (rhs.from, rhs.to, rhs.predicate)
        }
    }

    /// `tg:coOccursWith`.
    public static let coOccursWith = Vocabulary.tgCoOccursWith.iri
    /// `tg:addressedTo`: an asker asked questions of an office or person.
    public static let askedOf = Vocabulary.tgAddressedTo.iri
    /// `tg:answered`: who answered whose questions.
    public static let answered = Vocabulary.tgAnswered.iri
    /// `schema:memberOf`.
    public static let memberOf = Vocabulary.schemaMemberOf.iri

    /// The edges and their weights.
    public private(set) var edges: [Edge: Int] = [:]

    /// Creates an empty network.
    public init() {}

    /// Adds an edge's weight.
    public mutating func add(_ edge: Edge, weight: Int = 1) {
        guard edge.from != edge.to else { return }
        var edge = edge
        if edge.isUndirected, edge.to < edge.from { swap(&edge.from, &edge.to) }
        edges[edge, default: 0] += weight
    }

    /// Adds a document's relations and question structure.
    public mutating func add(_ view: DocumentView) {
        for relation in view.relations {
            add(
                Edge(from: relation.subject, to: relation.object, predicate: relation.predicate),
                weight: max(1, relation.count))
        }
        guard let set = view.questions else { return }
        for asker in set.askedBy {
            for addressee in set.addressedTo { add(Edge(from: asker, to: addressee, predicate: Self.askedOf)) }
            for answerer in set.answeredBy { add(Edge(from: answerer, to: asker, predicate: Self.answered)) }
        }
    }

    /// Adds what the entity descriptions say (membership), between entities already in the network.
    public mutating func addMemberships(from catalog: EntityCatalog) {
        let present = nodes
        for iri in present.sorted() {
            for organization in catalog.records[iri]?.description?.memberOf ?? [] where present.contains(organization) {
                if edges[Edge(from: iri, to: organization, predicate: Self.memberOf)] == nil {
                    add(Edge(from: iri, to: organization, predicate: Self.memberOf))
                }
            }
        }
    }

    /// The entities that have an edge.
    public var nodes: Set<IRI> {
        var nodes = Set<IRI>()
        for edge in edges.keys {
            nodes.insert(edge.from)
            nodes.insert(edge.to)
        }
        return nodes
    }

    /// The neighbours of each entity, with the summed weight of the edges between them.
    public func neighbours() -> [IRI: [IRI: Int]] {
        var result: [IRI: [IRI: Int]] = [:]
        for (edge, weight) in edges {
            result[edge.from, default: [:]][edge.to, default: 0] += weight
            result[edge.to, default: [:]][edge.from, default: 0] += weight
        }
        return result
    }
}

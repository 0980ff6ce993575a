public import Pipeline

extension EntityNetwork {
    /// Which part of a network to keep.
    public struct Filter: Sendable {
        /// Keep only entities of these kinds: category ids (`person`, `place`) or class names
        /// (`Country`, `Corporation`), compared without case; empty keeps all.
        public var types: [String] = []
        /// Keep only this entity and those at most ``depth`` steps from it.
        public var around: IRI?
        /// How many steps from ``around``.
        public var depth = 1
        /// Leave out edges of less weight.
        public var minimumWeight = 1

        /// Creates a filter that keeps everything.
        public init() {}
    }

    /// The IRI a user means by `entity/org/nuctech`, `org/nuctech` or a full IRI.
    public static func resolve(_ name: String) -> IRI {
        if name.contains("://") { return IRI(name) }
        var path = Substring(name)
        while path.hasPrefix("/") { path = path.dropFirst() }
        if path.hasPrefix("entity/") { path = path.dropFirst("entity/".count) }
        return IRI(SiteLayout.entityBase + path)
    }

    /// The entities at most `depth` steps from `center`, with their distance.
    public func neighbourhood(of center: IRI, depth: Int) -> [IRI: Int] {
        let adjacent = neighbours()
        var distance: [IRI: Int] = [center: 0]
        var frontier = [center]
        for step in 0..<max(0, depth) {
            var next: [IRI] = []
            for node in frontier {
                for neighbour in (adjacent[node] ?? [:]).keys.sorted() where distance[neighbour] == nil {
                    distance[neighbour] = step + 1
                    next.append(neighbour)
                }
            }
            frontier = next
        }
        return distance
    }

    /// The part of the network a filter keeps.
    /// - Throws: ``RenderError`` when the filter names an entity the network does not hold.
    public func filtered(_ filter: Filter, catalog: EntityCatalog) throws -> EntityNetwork {
        var keep = nodes
        if let center = filter.around {
            guard keep.contains(center) || catalog.records[center] != nil else {
                throw RenderError(
                    .unknownEntity, "no entity \(center.value) in the graph; entity pages name each entity's IRI")
            }
            keep = Set(neighbourhood(of: center, depth: filter.depth).keys)
        }
        if !filter.types.isEmpty {
            let wanted = Set(filter.types.map { $0.lowercased() })
            keep = keep.filter { iri in
                if iri == filter.around { return true }
                guard let record = catalog.records[iri] else { return false }
                if wanted.contains(record.category.id) { return true }
                return record.classes.contains { wanted.contains(EntityCategory.localName($0).lowercased()) }
            }
        }
        var result = EntityNetwork()
        for (edge, weight) in edges
        where weight >= filter.minimumWeight && keep.contains(edge.from) && keep.contains(edge.to) {
            result.add(edge, weight: weight)
        }
        return result
    }
}

import Pipeline
import Render
import Testing

/// The entity network of the seeds and its filters.
@Suite struct EntityNetworkTests {
    static let entity = "https://w3id.org/textgraph/entity/"

    @Test func theNeighbourhoodOfNuctechOnTheSeeds() async throws {
        let site = try await Seeds.gathered()
        var filter = EntityNetwork.Filter()
        filter.around = EntityNetwork.resolve("entity/org/nuctech")
        #expect(filter.around == SeedEntities.nuctech)

        filter.depth = 1
        let near = try site.network.filtered(filter, catalog: site.catalog).nodes
        let expected = [
            "org/nuctech", "agency/aivd", "agency/douane", "agency/nctv", "country/au", "country/be", "country/ca",
            "country/cn",
            "country/nl", "country/us", "law/cn-cyberveiligheidswet", "party/vvd",
        ]
        #expect(near == Set(expected.map { IRI(Self.entity + $0) }))

        filter.depth = 2
        let wider = try site.network.filtered(filter, catalog: site.catalog).nodes
        #expect(wider.isSuperset(of: near))
        // China is mentioned in both seeds: two steps reach the 2019 document's entities through it.
        #expect(wider.contains(IRI(Self.entity + "gov/cn-ministerie-van-openbare-veiligheid")))
        #expect(wider.contains(IRI(Self.entity + "person/ingrid-michon-derkzen")))
        #expect(!wider.contains(SeedEntities.kaag))

        filter.depth = 0
        #expect(try site.network.filtered(filter, catalog: site.catalog).nodes.isEmpty)
    }

    @Test func theTypeFilterKeepsTheKindsAsked() async throws {
        let site = try await Seeds.gathered()
        var filter = EntityNetwork.Filter()
        filter.types = ["place", "Corporation"]
        let network = try site.network.filtered(filter, catalog: site.catalog)
        #expect(network.nodes.contains(SeedEntities.nuctech))
        #expect(network.nodes.contains(SeedEntities.china))
        for node in network.nodes {
            let record = try #require(site.catalog.records[node])
            #expect(
                record.category == .place || record.mainClassName == "Corporation",
                "\(node) is a \(record.mainClassName)")
        }
        filter.types = []
        filter.minimumWeight = 3
        let heavy = try site.network.filtered(filter, catalog: site.catalog)
        #expect(heavy.edges.values.allSatisfy { $0 >= 3 })
        #expect(
            heavy.edges[
                EntityNetwork.Edge(
                    from: SeedEntities.china, to: IRI(Self.entity + "country/nl"), predicate: EntityNetwork.coOccursWith
                )] == 6)
    }

    @Test func anUnknownCentreIsAnError() async throws {
        let site = try await Seeds.gathered()
        var filter = EntityNetwork.Filter()
        filter.around = EntityNetwork.resolve("org/no-such-company")
        #expect(throws: RenderError.self) { try site.network.filtered(filter, catalog: site.catalog) }
    }

    @Test func theDOTIsDeterministicAndEscaped() async throws {
        let site = try await Seeds.gathered()
        var filter = EntityNetwork.Filter()
        filter.around = SeedEntities.nuctech
        let network = try site.network.filtered(filter, catalog: site.catalog)
        let dot = network.dot(
            catalog: site.catalog, title: "a \"quoted\" \\ title\u{202E}", link: { "entities/\($0.value.count).html" },
            highlight: [SeedEntities.nuctech])
        #expect(
            dot
                == network.dot(
                    catalog: site.catalog, title: "a \"quoted\" \\ title\u{202E}",
                    link: { "entities/\($0.value.count).html" }, highlight: [SeedEntities.nuctech]))
        #expect(dot.hasPrefix("digraph \"entities\" {"))
        #expect(dot.contains("label=\"a \\\"quoted\\\" \\\\ title\""))
        #expect(dot.contains("\"https://w3id.org/textgraph/entity/org/nuctech\" [label=\"Nuctech\""))
        #expect(dot.contains("penwidth=3.5"))
        #expect(
            dot.contains(
                "\"https://w3id.org/textgraph/entity/country/be\" -> \"https://w3id.org/textgraph/entity/org/nuctech\" [dir=none, penwidth=2.00, weight=2"
            ))
    }
}

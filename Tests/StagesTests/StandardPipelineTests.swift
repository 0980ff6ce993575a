import Foundation
import Pipeline
import PipelineTesting
import Stages
import Testing

/// The whole standard pipeline over the seed documents in `corpus/`.
@Suite struct StandardPipelineTests {
    /// The names the foundation issue lists, as they stand in the seeds, with the class expected.
    static let expectedNames: [(String, String)] = [
        ("Nuctech", "Corporation"), ("China", "Country"), ("België", "Country"), ("Verenigde Staten", "Country"),
        ("Australië", "Country"), ("Canada", "Country"), ("AIVD", "GovernmentOrganization"),
        ("NCTV", "GovernmentOrganization"), ("TNO", "GovernmentOrganization"), ("Douane", "GovernmentOrganization"),
        ("VVD", "PoliticalParty"), ("Michon-Derkzen", "Person"), ("Brekelmans", "Person"), ("Van Eijk-Nagel", "Person"),
        ("Ministerie van Buitenlandse Zaken", "GovernmentOrganization"), ("Tweede Kamer", "GovernmentOrganization"),
        ("Van Ojik", "Person"), ("Diks", "Person"), ("GroenLinks", "PoliticalParty"), ("Kaag", "Person"),
        ("Xinjiang", "AdministrativeArea"), ("Wassenaar Arrangement", "Organization"),
        ("dual-useverordening", "Legislation"), ("Europese Raad", "GovernmentOrganization"),
        ("Europese Commissie", "GovernmentOrganization"),
    ]

    func annotate(_ name: String) async throws -> Document {
        let matcher = Fixtures.matcher
        let pipeline = try Pipeline<SourceDocument, Document> {
            TextReader()
            Tokenizer()
            SentenceSplitter()
            GazetteerTagger(matcher: matcher)
            EntityLinker(gazetteer: Fixtures.gazetteer)
        }
        var harness = StageHarness(pipeline)
        let path = Fixtures.packageRoot.appendingPathComponent("corpus").appendingPathComponent(name).path
        let out = try await harness.feed(SourceDocument(id: "corpus/" + name, content: .file(path)))
        #expect(try await harness.finish().isClean)
        #expect(out.count == 1)
        #expect(out[0]._checkInvariants().isEmpty)
        return out[0]
    }

    @Test func everyListedNameIsALinkedMentionOfATypedEntity() async throws {
        var mentionsByName: [String: [(Mention, Document)]] = [:]
        for name in [Fixtures.answers2019, Fixtures.questions2024] {
            let document = try await annotate(name)
            for mention in document[Mentions.self] ?? [] {
                let surface = document.text(of: mention.span)
                for (expected, _) in Self.expectedNames
                where surface == expected || surface.hasSuffix(" " + expected) || surface.hasPrefix(expected + " ") {
                    mentionsByName[expected, default: []].append((mention, document))
                }
            }
        }
        for (name, type) in Self.expectedNames {
            let found = mentionsByName[name] ?? []
            #expect(!found.isEmpty, "\(name) is not a mention")
            let entities = Set(found.compactMap(\.0.entity))
            #expect(found.allSatisfy { $0.0.entity != nil }, "a mention of \(name) is not linked")
            #expect(entities.count == 1, "\(name) links to \(entities.count) entities")
            if let entity = entities.first,
                let description = found[0].1[Entities.self]?.first(where: { $0.iri == entity })
            {
                #expect(description.types.contains(.schema(type)), "\(name) is not a \(type): \(description.types)")
                #expect(!description.labels.isEmpty)
            } else {
                Issue.record("\(name): the linked entity is not described")
            }
        }
    }

    @Test func kaagLinksToTheEntityLabelledWithHerFullName() async throws {
        let document = try await annotate(Fixtures.answers2019)
        let kaag = try #require(document[Mentions.self]?.first { document.text(of: $0.span).hasSuffix("Kaag") })
        let entity = try #require(document[Entities.self]?.first { $0.iri == kaag.entity })
        #expect(entity.labels.contains { $0.lexicalForm == "Sigrid Kaag" })
    }

    @Test func standardPipelineIsWellOrderedAndBuildsFragments() async throws {
        let pipeline = try TextGraphPipeline.make(gazetteer: Fixtures.gazetteer)
        #expect(
            pipeline.descriptors.map(\.name) == [
                "DocumentReader", "Tokenizer", "SentenceSplitter", "DocumentNumberTagger", "DateTagger",
                "GazetteerTagger",
                "AbbreviationDefinitionTagger", "EntityLinker", "ArticleReferenceTagger", "EntityRecognizer",
                "ParliamentaryStructureTagger",
                "CoOccurrenceExtractor", "GraphBuilder",
            ])
        let sources = try CorpusSource(inputs: [Fixtures.packageRoot.appendingPathComponent("corpus").path])
        var fragments: [GraphFragment] = []
        let summary = try await PipelineRunner(configuration: .init(jobs: 2)).run(sources, through: pipeline) {
            fragments.append($0)
        }
        #expect(summary.isClean)
        #expect(fragments.count == summary.documents)
        #expect(fragments.map(\.graph.value).contains(Document.defaultBase + "corpus/" + Fixtures.questions2024))
    }
}

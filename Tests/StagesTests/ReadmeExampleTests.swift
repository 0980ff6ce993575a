import Foundation
import Pipeline
import PipelineTesting
import Stages
import Testing

// The code of README.md's "Write your own stage" section. `readmeShowsThisFileVerbatim` checks
// that the README shows exactly these regions, so neither can drift from the other.

// README: begin stage
/// Tags case numbers of the Tweede Kamer such as "2024Z01911" as mentions.
struct CaseNumberTagger: Stage {
    var requires: Set<AnnotationKey> { [.tokens] }
    var assigns: Set<AnnotationKey> { [.mentions] }

    func process(
        _ document: Document, context: StageContext,
        emit: (Document) async throws -> Void
    ) async throws {
        var document = document
        var mentions = document[Mentions.self] ?? []
        for token in try document.require(Tokens.self, by: self)
        where document.text(of: token.span).wholeMatch(of: /20\d\dZ\d{5}/) != nil {
            mentions.append(
                Mention(
                    span: token.span, entityClass: .schema("Report"), form: .value,
                    value: Literal(document.text(of: token.span)), source: name))
        }
        document[Mentions.self] = mentions.sorted { $0.span < $1.span }
        try await emit(document)
    }
}
// README: end stage

// README: begin library-stage
/// The entities a document mentions most, as a layer of its own.
enum TopEntities: AnnotationLayer {
    typealias Value = [IRI]
    static let key = AnnotationKey("top-entities", for: TopEntities.self)
}

/// Finds the three entities a document mentions most; it needs the linker's links.
struct TopEntityFinder: Stage {
    var requires: Set<AnnotationKey> { [.links] }
    var assigns: Set<AnnotationKey> { [TopEntities.key] }

    func process(
        _ document: Document, context: StageContext,
        emit: (Document) async throws -> Void
    ) async throws {
        var document = document
        let linked = (document[Mentions.self] ?? []).compactMap(\.entity)
        let counts = Dictionary(linked.map { ($0, 1) }, uniquingKeysWith: +)
        document[TopEntities.self] = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(3).map(\.key)
        try await emit(document)
    }
}
// README: end library-stage

// README: begin library-contributor
/// Says in the graph which entities a document mentions most, in order (`ex:topEntity`).
struct TopEntityStatements: GraphContributor {
    static let topEntity = IRI("https://example.org/topEntity")
    static let rank = IRI("https://example.org/rank")

    func contribute(_ document: Document, to graph: inout GraphStatements) {
        for (rank, entity) in (document[TopEntities.self] ?? []).enumerated() {
            graph.add(.document, Self.topEntity, .iri(entity))
            graph.addShared(entity, Self.rank, .literal(.integer(rank + 1)))
        }
    }
}
// README: end library-contributor

@Suite struct ReadmeExampleTests {
    // README: begin test
    @Test func tagsCaseNumbers() async throws {
        var harness = StageHarness(CaseNumberTagger())
        var document = Document(id: "d", text: "Vragen 2024Z01911 over Nuctech")
        document[Tokens.self] = Tokenizer().tokenize(document.text)

        let out = try await harness.feed(document)
        #expect(out[0][Mentions.self]?.map { out[0].text(of: $0.span) } == ["2024Z01911"])
        #expect(try await harness.finish().isClean)
    }

    @Test func tagsCaseNumbersInAPipeline() async throws {
        let pipeline = try Pipeline<Document, Document> {
            Tokenizer()
            CaseNumberTagger()
        }
        var harness = StageHarness(pipeline)
        let out = try await harness.feed(Document(id: "d", text: "Kenmerk 2019Z15231."))
        #expect(out[0][Mentions.self]?.count == 1)
    }
    // README: end test

    // README: begin library-insert
    @Test func findsTheTopEntitiesInTheStandardPipeline() async throws {
        let stages = try TextGraphPipeline.standardStages(gazetteer: try Gazetteer.bundled())
            .inserting(TopEntityFinder(), after: EntityLinker.self)
        let pipeline = try TextGraphPipeline.makeAnalysis(stages: stages)  // or make(stages:encodingAs:)

        var harness = StageHarness(pipeline)
        let text = "Nuctech levert scanners aan de Douane. Nuctech is een Chinees bedrijf."
        let out = try await harness.feed(SourceDocument(id: "kv.txt", content: .text(text)))
        #expect(out[0][TopEntities.self]?.first == IRI("https://w3id.org/textgraph/entity/org/nuctech"))
    }
    // README: end library-insert

    // README: begin library-graph
    @Test func theTopEntitiesReachTheGraph() async throws {
        var options = TextGraphPipeline.Options()
        options.graphContributors = [TopEntityStatements()]
        let stages = try TextGraphPipeline.standardStages(gazetteer: try Gazetteer.bundled(), options: options)
            .inserting(TopEntityFinder(), after: EntityLinker.self)
        let pipeline = try TextGraphPipeline.make(options: options, stages: stages, encodingAs: [.nQuads])

        var harness = StageHarness(pipeline)
        let text = "Nuctech levert scanners aan de Douane. Nuctech is een Chinees bedrijf."
        let out = try await harness.feed(SourceDocument(id: "kv.txt", content: .text(text)))
        let nQuads = String(decoding: out[0].bodies[.nQuads]!, as: UTF8.self)
        #expect(nQuads.contains("<https://example.org/topEntity> <https://w3id.org/textgraph/entity/org/nuctech>"))
    }
    // README: end library-graph

    @Test func theTopEntityFinderCountsLinkedMentionsThroughTheHarness() async throws {
        let china = IRI("https://w3id.org/textgraph/entity/country/cn")
        let vs = IRI("https://w3id.org/textgraph/entity/country/us")
        var document = Document(id: "d", text: "China, VS en China.")
        document[Mentions.self] = [
            Mention(
                span: Span(start: 0, end: 5), entityClass: .schema("Country"), entity: china, confidence: 1, source: "t"
            ),
            Mention(
                span: Span(start: 7, end: 9), entityClass: .schema("Country"), entity: vs, confidence: 1, source: "t"),
            Mention(
                span: Span(start: 13, end: 18), entityClass: .schema("Country"), entity: china, confidence: 1,
                source: "t"),
        ]
        var harness = StageHarness(TopEntityFinder())
        #expect(try await harness.feed(document)[0][TopEntities.self] == [china, vs])
        #expect(try await harness.finish().isClean)
    }

    @Test func readmeShowsThisFileVerbatim() throws {
        let root = Fixtures.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        for region in ["stage", "test", "library-stage", "library-insert"] {
            let code = try #require(Self.region(region, in: source), "no README region \(region) in this file")
            #expect(
                readme.contains(code),
                "README.md does not show the '\(region)' region of ReadmeExampleTests.swift verbatim")
        }
        // Top-level programs: the first is built and run by LibraryExampleTests, the second
        // compiled by scripts/check_compile_errors.sh.
        for (path, region) in [
            ("Examples/LibraryExample/main.swift", "library-turtle"),
            ("Tests/CompileChecks/StorePush/main.swift", "library-push"),
        ] {
            let program = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let code = try #require(Self.region(region, in: program), "no README region \(region) in \(path)")
            #expect(readme.contains(code), "README.md does not show the '\(region)' region of \(path) verbatim")
        }
    }

    @Test func everySwiftSnippetOfTheReadmeIsARegionTheTestsCompile() throws {
        let root = Fixtures.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        var regions: [String] = []
        for path in [
            "Tests/StagesTests/ReadmeExampleTests.swift", "Examples/LibraryExample/main.swift",
            "Tests/CompileChecks/StorePush/main.swift",
        ] {
            let source = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            for name in [
                "stage", "test", "library-stage", "library-insert", "library-contributor", "library-graph",
                "library-turtle", "library-push",
            ] {
                if let code = Self.region(name, in: source) { regions.append(code) }
            }
        }
        let snippets = readme.components(separatedBy: "```swift\n").dropFirst().map {
            $0.components(separatedBy: "\n```")[0]
        }
        #expect(snippets.count >= 6)
        for snippet in snippets {
            #expect(
                regions.contains(snippet), "a Swift snippet of README.md is no compiled region: \(snippet.prefix(80))")
        }
        // The DocC articles show the same compiled code.
        for article in [
            "Sources/Pipeline/Pipeline.docc/WritingAStage.md", "Sources/Stages/Stages.docc/AddingALayerAndItsGraph.md",
        ] {
            let text = try String(contentsOf: root.appendingPathComponent(article), encoding: .utf8)
            let snippets = text.components(separatedBy: "```swift\n").dropFirst().map {
                $0.components(separatedBy: "\n```")[0]
            }
            #expect(snippets.count >= 2, "\(article) shows fewer than two compiled snippets")
            for snippet in snippets {
                #expect(
                    regions.contains(snippet),
                    "a Swift snippet of \(article) is no compiled region: \(snippet.prefix(80))")
            }
        }
    }

    /// The lines between `// README: begin NAME` and `// README: end NAME`, without their common indentation.
    static func region(_ name: String, in source: String) -> String? {
        let lines = source.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(where: { $0.hasSuffix("// README: begin \(name)") }),
            let end = lines.firstIndex(where: { $0.hasSuffix("// README: end \(name)") }), begin < end
        else { return nil }
        let body = lines[(begin + 1)..<end]
        let indent =
            body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return body.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
    }
}

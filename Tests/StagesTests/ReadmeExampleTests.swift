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

    func process(_ document: Document, context: StageContext,
                 emit: (Document) async throws -> Void) async throws {
        var document = document
        var mentions = document[Mentions.self] ?? []
        for token in try document.require(Tokens.self, by: self)
        where document.text(of: token.span).wholeMatch(of: /20\d\dZ\d{5}/) != nil {
            mentions.append(Mention(span: token.span, entityClass: .schema("Report"), form: .value,
                                    value: Literal(document.text(of: token.span)), source: name))
        }
        document[Mentions.self] = mentions.sorted { $0.span < $1.span }
        try await emit(document)
    }
}
// README: end stage

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

    @Test func readmeShowsThisFileVerbatim() throws {
        let root = Fixtures.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        for region in ["stage", "test"] {
            let code = try #require(Self.region(region, in: source), "no README region \(region) in this file")
            #expect(readme.contains(code), "README.md does not show the '\(region)' region of ReadmeExampleTests.swift verbatim")
        }
    }

    /// The lines between `// README: begin NAME` and `// README: end NAME`, without their common indentation.
    static func region(_ name: String, in source: String) -> String? {
        let lines = source.components(separatedBy: "\n")
        guard let begin = lines.firstIndex(where: { $0.hasSuffix("// README: begin \(name)") }),
            let end = lines.firstIndex(where: { $0.hasSuffix("// README: end \(name)") }), begin < end
        else { return nil }
        let body = lines[(begin + 1)..<end]
        let indent = body.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { $0.prefix { $0 == " " }.count }.min() ?? 0
        return body.map { String($0.dropFirst(min(indent, $0.count))) }.joined(separator: "\n")
    }
}

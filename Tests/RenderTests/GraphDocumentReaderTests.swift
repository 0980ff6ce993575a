import Foundation
import Pipeline
import Render
import Stages
import Testing
import TextGraphCommands

/// The N-Quads reader, and documents read back from the graph `textgraph run` writes.
@Suite struct GraphDocumentReaderTests {
    @Test func quadsCarryTheirGraph() throws {
        let line = #"<http://a/s> <http://a/p> "x\"y\u00E9\n"@nl-BE <http://a/g> ."#
        let statement = try #require(try NTriplesReader.statement(in: line, location: "t:1", allowsGraph: true))
        #expect(statement.graph == .iri(IRI("http://a/g")))
        #expect(statement.triple.object == .literal(Literal("x\"yé\n", language: "nl-be")))
        let blank = try NTriplesReader.statement(
            in: "_:b1 <http://a/p> <http://a/o> _:g2 .", location: "t:2", allowsGraph: true)
        #expect(blank?.graph == .blank("g2"))
        #expect(blank?.triple.subject == .blank("b1"))
        #expect(
            try NTriplesReader.statement(
                in: "<http://a/s> <http://a/p> <http://a/o> . # note", location: "t:3", allowsGraph: true)?.graph == nil
        )
        #expect(try NTriplesReader.statement(in: "  # a comment", location: "t:4", allowsGraph: true) == nil)
    }

    @Test func malformedLinesAreRefusedWithTheirPlace() {
        let cases = [
            ("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .", false),  // a graph in N-Triples
            ("<http://a/s> <http://a/p> <http://a/o> <http://a/g>", true),  // no dot
            ("<http://a/s> <http://a/p> \"x\" \"g\" .", true),  // a literal as graph
            ("<http://a/s> <http://a/p> <http://a/o> <http://a/g> <http://a/h> .", true),  // two graphs
            ("<http://a/s b> <http://a/p> <http://a/o> .", true),  // a space in an IRI
            ("<http://a/s> <http://a/p> \"x\\q\" .", true),  // an unknown escape
        ]
        for (line, quads) in cases {
            #expect(throws: StageError.self, "\(line)") {
                try NTriplesReader.statement(in: line, location: "f.nq:7", allowsGraph: quads)
            }
        }
        do {
            _ = try NTriplesReader.statement(
                in: "<http://a/s> <http://a/p> <http://a/o> <http://a/g>", location: "f.nq:7", allowsGraph: true)
        } catch let error as StageError {
            #expect(error.message.hasPrefix("f.nq:7:"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Writes the seeds' graph with `textgraph run`, in-process.
    static func seedGraph(_ name: String) async throws -> String {
        let directory = try Seeds.temporaryDirectory()
        let path = directory + "/" + name
        let status = await TextGraphCommand.execute(["run", Seeds.corpus, "--output", path, "--quiet"])
        #expect(status == 0)
        return path
    }

    @Test(arguments: ["graph.nq", "graph.nt"])
    func theGraphGivesBackTheSamePages(name: String) async throws {
        let path = try await Self.seedGraph(name)
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        var read: [Document] = []
        let entities = try GraphDocumentReader(path: path).read { read.append($0) }
        let annotated = try await Seeds.documents()
        #expect(read.map(\.id) == annotated.map(\.id))
        #expect(
            entities.contains { $0.iri == SeedEntities.china && $0.labels.contains(Literal("China", language: "nl")) })
        for (back, original) in zip(read, annotated) {
            let a = DocumentView(back)
            let b = DocumentView(original)
            #expect(a.text == b.text)
            #expect(a.sentences == b.sentences)
            #expect(a.mentions.map(\.mention.span) == b.mentions.map(\.mention.span))
            #expect(a.mentions.map(\.mention.entity) == b.mentions.map(\.mention.entity))
            #expect(a.mentions.map(\.mention.entityClass) == b.mentions.map(\.mention.entityClass))
            #expect(a.mentions.map(\.origin) == b.mentions.map(\.origin))
            #expect(a.questions == b.questions.map(Self.withoutHeadings))
            #expect(
                a.relations.map { [$0.subject, $0.predicate, $0.object] }
                    == b.relations.map { [$0.subject, $0.predicate, $0.object] })
            #expect(a.relations.map(\.count) == b.relations.map(\.count))
            #expect(DocumentPage(view: a, siteTitle: "t").html() == DocumentPage(view: b, siteTitle: "t").html())
        }
    }

    @Test func documentsMustComeTogether() throws {
        let directory = try Seeds.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/split.nq"
        let lines = [
            "<https://w3id.org/textgraph/doc/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/DigitalDocument> <https://w3id.org/textgraph/doc/a> .",
            "<https://w3id.org/textgraph/doc/b> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/DigitalDocument> <https://w3id.org/textgraph/doc/b> .",
            "<https://w3id.org/textgraph/doc/a> <http://purl.org/dc/terms/title> \"A\" <https://w3id.org/textgraph/doc/a> .",
        ]
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: RenderError.self) { _ = try GraphDocumentReader(path: path).read { _ in } }
    }

    @Test func lineEndsAndTheLastLineDoNotMatter() async throws {
        let path = try await Self.seedGraph("graph.nq")
        defer {
            try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasSuffix("\n"))
        text.removeLast()
        let crlf = path + ".crlf.nq"
        try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: crlf, atomically: true, encoding: .utf8)
        var plain: [String] = []
        var windows: [String] = []
        let entities = try GraphDocumentReader(path: path).read { plain.append($0.text) }
        #expect(try GraphDocumentReader(path: crlf).read { windows.append($0.text) } == entities)
        #expect(plain == windows && plain.count == 2)
    }

    @Test func invalidUTF8IsRefusedWithItsLine() throws {
        let directory = try Seeds.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/bad.nq"
        var bytes = Array("<http://a/s> <http://a/p> \"ok\" <http://a/g> .\n<http://a/s> <http://a/p> \"".utf8)
        bytes += [0xC3, 0x28]
        bytes += Array("\" <http://a/g> .\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        do {
            _ = try GraphDocumentReader(path: path).read { _ in }
            Issue.record("invalid UTF-8 was read")
        } catch let error as RenderError {
            #expect(error.message.hasSuffix("bad.nq:2: the line is not valid UTF-8"))
        }
    }

    /// A question set as the graph keeps it: without the headings' spans.
    static func withoutHeadings(_ set: QuestionSet) -> QuestionSet {
        var set = set
        set.questions = set.questions.map { Question(number: $0.number, span: $0.span) }
        set.answers = set.answers.map { Answer(questionNumbers: $0.questionNumbers, span: $0.span) }
        return set
    }
}

import Foundation
import Pipeline
import Stages
import Testing

@Suite struct RDFWriterTests {
    func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("textgraph-\(UUID().uuidString)-\(name)").path
    }

    func encode(_ term: Term) -> String {
        var out: [UInt8] = []
        RDFEncoder().append(term, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func literalsAreEscapedExactly() {
        #expect(encode(.literal(Literal("a\"b\\c\nd\re\tf\u{01}g\u{7F}ë"))) == #""a\"b\\c\nd\re\tf\u0001g\u007Fë""#)
        #expect(encode(.literal(Literal("Chine", language: "FR"))) == #""Chine"@fr"#)
        #expect(
            encode(.literal(.nonNegativeInteger(5))) == #""5"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>"#)
    }

    @Test func irisEscapeForbiddenCharacters() {
        #expect(
            encode(.iri(IRI("http://x/a b<c>\"{|}^`\\")))
                == #"<http://x/a\u0020b\u003Cc\u003E\u0022\u007B\u007C\u007D\u005E\u0060\u005C>"#)
        #expect(encode(.iri(IRI("http://x/België"))) == "<http://x/België>")
    }

    func fragment(_ n: Int) -> GraphFragment {
        let doc = IRI("http://ex.org/doc\(n)")
        let entity = IRI("http://ex.org/e")
        return GraphFragment(
            graph: doc,
            triples: [
                Triple(doc, Vocabulary.rdfType.iri, Vocabulary.schemaDigitalDocument.iri),
                Triple(doc, Vocabulary.schemaMentions.iri, entity),
                Triple(doc, IRI("http://ex.org/p"), Literal("x\ny")),
            ],
            sharedTriples: [Triple(entity, Vocabulary.rdfsLabel.iri, Literal("E", language: "nl"))]
        )
    }

    func write(_ format: RDFFormat) throws -> String {
        let path = temporaryPath("out.\(format.rawValue)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try RDFWriter(path: path, format: format)
        try writer.write(fragment(1))
        try writer.write(fragment(2))
        #expect(!FileManager.default.fileExists(atPath: path), "the file must not exist under its name before finish")
        #expect(FileManager.default.fileExists(atPath: path + ".partial"))
        try writer.finish()
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    @Test func nTriplesWriteSharedTriplesOnce() throws {
        let lines = try write(.nTriples).split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines.filter { $0.contains("rdf-schema#label") }.count == 1)
        #expect(
            lines[0]
                == "<http://ex.org/doc1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/DigitalDocument> ."
        )
    }

    @Test func nQuadsPutEachDocumentInItsOwnGraph() throws {
        let lines = try write(.nQuads).split(separator: "\n")
        #expect(lines.count == 7)
        #expect(lines.filter { $0.hasSuffix("<http://ex.org/doc2> .") }.count == 3)
        #expect(lines.filter { $0.hasSuffix("<https://w3id.org/textgraph/graph/entities> .") }.count == 1)
        #expect(lines.last?.hasSuffix("<https://w3id.org/textgraph/graph/entities> .") == true)
    }

    @Test func turtleGroupsBySubjectWithPrefixes() throws {
        let text = try write(.turtle)
        #expect(text.hasPrefix("@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"))
        #expect(
            text.contains(
                "\n<http://ex.org/doc1> a schema:DigitalDocument ;\n    schema:mentions <http://ex.org/e> ;\n    <http://ex.org/p> \"x\\ny\" .\n"
            ))
        // Entity descriptions come once, after the documents, as N-Triples lines (valid Turtle).
        #expect(text.components(separatedBy: "<http://www.w3.org/2000/01/rdf-schema#label>").count == 2)
        #expect(text.hasSuffix("<http://ex.org/e> <http://www.w3.org/2000/01/rdf-schema#label> \"E\"@nl .\n"))
    }

    @Test func abandonedOutputLeavesNoFile() throws {
        let path = temporaryPath("abandoned.nt")
        do {
            let writer = try RDFWriter(path: path, format: .nTriples)
            try writer.write(fragment(1))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
    }

    @Test func anAbandonedResumableOutputKeepsItsProgress() throws {
        let path = temporaryPath("resumable.nt")
        do {
            let writer = try RDFWriter(path: path, format: .nTriples)
            writer.keepsPartialOnFailure = true
            try writer.write(fragment(1))
            _ = try writer.checkpoint()
        }
        // The next --resume goes on from here: nothing of a failed resumable run is deleted.
        #expect(FileManager.default.fileExists(atPath: path + ".partial"))
        #expect(FileManager.default.fileExists(atPath: path + ".partial.shared"))
        #expect(try String(contentsOfFile: path + ".partial", encoding: .utf8).contains("http://ex.org/doc1"))
        try? FileManager.default.removeItem(atPath: path + ".partial")
        try? FileManager.default.removeItem(atPath: path + ".partial.shared")
    }

    @Test func unwritableOutputIsAClearError() {
        let error = #expect(throws: StageError.self) {
            _ = try RDFWriter(path: "/nonexistent/dir/out.nt", format: .nTriples)
        }
        #expect(error?.message.hasPrefix("cannot write /nonexistent/dir/out.nt.partial") == true)
    }

    @Test func aLinkPlantedAtTheTemporaryNamesIsNeverWrittenThrough() throws {
        let path = temporaryPath("planted.nq")
        let victim = temporaryPath("victim.txt")
        try "do not touch\n".write(toFile: victim, atomically: false, encoding: .utf8)
        defer {
            for file in [path, victim, path + ".partial", path + ".partial.shared"] {
                try? FileManager.default.removeItem(atPath: file)
            }
        }
        // A fresh run replaces the links (their target stays as it was).
        try FileManager.default.createSymbolicLink(atPath: path + ".partial", withDestinationPath: victim)
        try FileManager.default.createSymbolicLink(atPath: path + ".partial.shared", withDestinationPath: victim)
        let writer = try RDFWriter(path: path, format: .nQuads)
        try writer.write(
            GraphFragment(
                graph: IRI("http://ex.org/doc1"),
                triples: [Triple(.iri(IRI("http://ex.org/s")), IRI("http://ex.org/p"), .literal(Literal("o")))]))
        try writer.finish()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "do not touch\n")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("http://ex.org/doc1"))
        // A resumed run refuses to write through a link planted at its progress file.
        try FileManager.default.createSymbolicLink(atPath: path + ".partial", withDestinationPath: victim)
        let error = #expect(throws: StageError.self) { _ = try RDFWriter(path: path, format: .nQuads, resuming: true) }
        #expect(
            error?.message == "cannot write \(path).partial: it is a symbolic link, which a run never writes through")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "do not touch\n")
    }

    @Test func formatFollowsTheExtension() {
        #expect(RDFFormat(path: "a/graph.NT") == .nTriples)
        #expect(RDFFormat(path: "graph.nq") == .nQuads)
        #expect(RDFFormat(path: "graph.ttl") == .turtle)
        #expect(RDFFormat(path: "graph.rdf") == nil)
    }
}

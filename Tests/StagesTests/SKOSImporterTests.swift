import Foundation
import Pipeline
import Stages
import Testing

@Suite struct NTriplesReaderTests {
    @Test func readsEveryTermKindAndEscape() throws {
        let text = """
            # a comment
            <http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .
            _:b1 <http://ex.org/p> "caf\\u00E9 \\"x\\"\\n\\t\\\\"@nl-BE . # trailing comment

            <http://ex.org/a\\u00E9> <http://ex.org/p> "5"^^<http://www.w3.org/2001/XMLSchema#integer> .\r
            <http://ex.org/a> <http://ex.org/p> _:b1.
            <http://ex.org/a> <http://ex.org/p> "\\U0001F600 plain" .
            """
        let triples = try NTriplesReader.triples(in: text, source: "t.nt")
        #expect(triples.count == 5)
        #expect(triples[0] == Triple(IRI("http://ex.org/a"), IRI("http://ex.org/p"), IRI("http://ex.org/b")))
        #expect(triples[1].subject == .blank("b1"))
        #expect(triples[1].object == .literal(Literal("café \"x\"\n\t\\", language: "nl-be")))
        #expect(triples[2].subject == .iri(IRI("http://ex.org/aé")))
        #expect(triples[2].object == .literal(Literal("5", datatype: IRI("http://www.w3.org/2001/XMLSchema#integer"))))
        #expect(triples[3].object == .blank("b1"))
        #expect(triples[4].object == .literal(Literal("😀 plain")))
    }

    @Test func syntaxErrorsNameFileLineAndColumn() {
        let cases: [(String, String)] = [
            ("<http://a> <http://p> \"x\"", "t.nt:1:26: expected '.' at the end of the triple"),
            ("<http://a> \"p\" <http://b> .", "t.nt:1:12: expected a predicate <IRI>"),
            ("\n<http://a b> <http://p> <http://b> .", "t.nt:2:11: ' ' may not appear in an IRI"),
            ("<http://a> <http://p> \"x\\q\" .", "t.nt:1:26: unknown escape '\\q'"),
            ("<http://a> <http://p> \"x\" . <http://b>", "t.nt:1:29: unexpected '<' after the triple"),
            ("@prefix ex: <http://ex.org/> .", "t.nt:1:1: expected a subject (<IRI> or _:blank), found '@'"),
        ]
        for (text, message) in cases {
            let error = #expect(throws: StageError.self) { _ = try NTriplesReader.triples(in: text, source: "t.nt") }
            #expect(error?.message == message)
        }
    }
}

@Suite struct SKOSImporterTests {
    static let turtle = """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix schema: <https://schema.org/> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix ex: <http://example.org/vocab/> .

        ex:asml a skos:Concept, schema:Corporation ;
            skos:prefLabel "ASML"@nl, "ASML Holding"@en ;
            skos:altLabel "ASML Holding N.V."@nl, "Advanced Semiconductor Materials Lithography" ;
            skos:hiddenLabel "A.S.M.L."@nl ;
            owl:sameAs <http://www.wikidata.org/entity/Q297879> ;
            skos:exactMatch <http://dbpedia.org/resource/ASML_Holding> .

        ex:chips a skos:Concept ;
            skos:prefLabel \"\"\"chip-
        industrie\"\"\"@nl, "Halfgeleiderindustrie in België"@nl ;
            skos:altLabel "semiconductor industry"@en, "Halbleiterindustrie"@de .

        ex:nolabel a skos:Concept .
        [] skos:prefLabel "anonymous"@nl .
        """

    func convertWithRapper(_ turtle: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("skos-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("vocab.ttl")
        try Data(turtle.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.rapper)
        process.arguments = ["-q", "-i", "turtle", "-o", "ntriples", input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    static let rapper = "/usr/bin/rapper"
    static var hasRapper: Bool { FileManager.default.isExecutableFile(atPath: rapper) }

    @Test(.enabled(if: hasRapper, "needs rapper (Debian raptor2-utils; absent: test skipped)"))
    func conceptsFromRappersOutputBecomeEntries() throws {
        let nTriples = try convertWithRapper(Self.turtle)
        #expect(nTriples.contains("\\u"))  // rapper escapes non-ASCII: the reader must unescape it
        let triples = try NTriplesReader.triples(in: nTriples, source: "vocab.nt")
        let gazetteer = SKOSImporter(languages: ["nl", "en"]).gazetteer(from: triples)
        #expect(
            gazetteer.entries.map(\.iri.value) == ["http://example.org/vocab/asml", "http://example.org/vocab/chips"])

        let asml = gazetteer.entries[0]
        #expect(asml.types == [.schema("Corporation")])
        #expect(asml.labels == [Literal("ASML", language: "nl"), Literal("ASML Holding", language: "en")])
        #expect(Set(asml.aliases) == ["ASML Holding N.V.", "Advanced Semiconductor Materials Lithography", "A.S.M.L."])
        #expect(asml.sameAs == [IRI("http://www.wikidata.org/entity/Q297879")])  // DBpedia is not Wikidata

        let chips = gazetteer.entries[1]
        #expect(chips.types == [.schema("Thing")])
        #expect(chips.labels.count == 1 && chips.labels[0].language == "nl")
        #expect(Set(chips.aliases).count == 2)  // the second Dutch prefLabel and the English altLabel, not German
        #expect(
            Set([chips.labels[0].lexicalForm] + chips.aliases) == [
                "chip- industrie", "Halfgeleiderindustrie in België", "semiconductor industry",
            ])

        // The result writes and reads back as a gazetteer.
        let read = try Gazetteer.parse(tsv: try gazetteer.tsv(), source: "skos.tsv")
        #expect(read.entries.map(\.iri) == gazetteer.entries.map(\.iri))
    }

    @Test func theDefaultTypeAndLanguageCanBeChosen() throws {
        let triples = try NTriplesReader.triples(
            in: "<http://ex.org/x> <http://www.w3.org/2004/02/skos/core#prefLabel> \"Iks\" .\n"
                + "<http://ex.org/x> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://ex.org/Other> .\n",
            source: "x.nt"
        )
        let entry = SKOSImporter(defaultType: .schema("Organization"), defaultLanguage: "en").gazetteer(from: triples)
            .entries[0]
        #expect(entry.types == [.schema("Organization")])
        #expect(entry.labels == [Literal("Iks", language: "en")])
    }
}

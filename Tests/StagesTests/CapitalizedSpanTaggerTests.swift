import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct CapitalizedSpanTaggerTests {
    func names(_ text: String, preset: [Mention] = []) async throws -> [String] {
        var document = try Fixtures.segmented(text)
        document[Mentions.self] = preset
        var harness = StageHarness(CapitalizedSpanTagger())
        let out = try await harness.feed(document)[0]
        #expect(try await harness.finish().isClean)
        #expect(out._checkInvariants().isEmpty)
        return (out[Mentions.self] ?? []).filter { $0.source == "CapitalizedSpanTagger" }.map { out.text(of: $0.span) }
    }

    @Test func capitalizedRunsWithDutchJoinersAreNames() async throws {
        #expect(
            try await names("Het advies van de Raad voor Volksgezondheid en Samenleving is er.") == [
                "Raad voor Volksgezondheid en Samenleving"
            ])
    }

    @Test func sentenceInitialWordsAndLoneAdjectivesAreNot() async throws {
        #expect(try await names("Hierbij bied ik de Europese stukken aan. Den Haag is stad.") == ["Den Haag"])
    }

    @Test func namesDoNotCrossLinesOrSentences() async throws {
        #expect(try await names("zie Nota Alfa\nRapport Jansen, dat") == ["Nota Alfa", "Rapport Jansen"])
    }

    @Test func mentionsFoundEarlierWin() async throws {
        let preset = [Mention(span: Span(start: 4, end: 11), entityClass: .schema("Corporation"), source: "gazetteer")]
        #expect(try await names("Met Nuctech Scanners werken.", preset: preset) == [])
    }

    @Test func unlinkedNamesAreAnOptionOfTheStandardPipeline() throws {
        var options = TextGraphPipeline.Options()
        #expect(
            !(try TextGraphPipeline.make(gazetteer: Fixtures.gazetteer, options: options)).descriptors.map(\.name)
                .contains("CapitalizedSpanTagger"))
        options.unlinkedNames = true
        #expect(
            try TextGraphPipeline.make(gazetteer: Fixtures.gazetteer, options: options).descriptors.map(\.name)
                .contains("CapitalizedSpanTagger"))
    }
}

@Suite struct MembershipGraphTests {
    @Test func gazetteerMembershipsAreWrittenWithThePartyDescribed() async throws {
        let rows = [
            "person/a\tPerson\tAnna Appel\t\tAppel\t\t\tparty/x",
            "party/x\tPoliticalParty|Organization\tPartij X\t\tPX\t\t\t",
        ]
        let header = "id\ttype\tlabel@nl\tlabel@en\taliases\tadjectives\tsame_as\tmember_of\n"
        let gazetteer = try Gazetteer.parse(tsv: header + rows.joined(separator: "\n"), source: "test")
        var document = Document(id: "d", text: "Appel sprak.")
        document[Tokens.self] = Tokenizer().tokenize(document.text)
        var tagger = StageHarness(GazetteerTagger(gazetteer: gazetteer))
        var linker = StageHarness(EntityLinker(gazetteer: gazetteer))
        let linked = try await linker.feed(try await tagger.feed(document)[0])[0]
        #expect(
            linked[Entities.self]?.map(\.iri.value) == [
                Gazetteer.entityBase + "party/x", Gazetteer.entityBase + "person/a",
            ])
        let fragment = GraphBuilder().build(linked)
        #expect(
            fragment.sharedTriples.contains(
                Triple(
                    IRI(Gazetteer.entityBase + "person/a"), .schema("memberOf"), IRI(Gazetteer.entityBase + "party/x")))
        )
        #expect(
            fragment.sharedTriples.contains {
                $0.subject == .iri(IRI(Gazetteer.entityBase + "party/x")) && $0.predicate == Vocabulary.rdfsLabel.iri
            })
    }
}

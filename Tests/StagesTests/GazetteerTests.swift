import Foundation
import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct GazetteerTests {
    static let header = "id\ttype\tlabel@nl\tlabel@en\taliases\tadjectives\tsame_as\n"

    @Test func parsesTheTabSeparatedFormat() throws {
        let text = """
            # source: test
            \(Self.header)country/cn\tCountry\tChina\tChina\tVolksrepubliek China\tChinees|Chinese\thttp://www.wikidata.org/entity/Q148
            https://example.org/x\tschema:Organization|Corporation\tX\t\t\t\t

            """
        let gazetteer = try Gazetteer.parse(tsv: text, source: "test.tsv")
        #expect(gazetteer.count == 2)
        let china = try #require(gazetteer[IRI(Gazetteer.entityBase + "country/cn")])
        #expect(china.types == [.schema("Country")])
        #expect(china.labels == [Literal("China", language: "nl"), Literal("China", language: "en")])
        #expect(china.aliases == ["Volksrepubliek China"])
        #expect(china.adjectives == ["Chinees", "Chinese"])
        #expect(china.sameAs == [IRI("http://www.wikidata.org/entity/Q148")])
        #expect(gazetteer[IRI("https://example.org/x")]?.types == [.schema("Organization"), .schema("Corporation")])
    }

    @Test func malformedLinesAreReportedWithTheirLineNumber() {
        let error = #expect(throws: StageError.self) {
            _ = try Gazetteer.parse(tsv: Self.header + "a\tCountry\tA\n", source: "bad.tsv")
        }
        #expect(error?.message == "bad.tsv:2: expected 7 tab-separated fields, found 3")
        let untyped = #expect(throws: StageError.self) {
            _ = try Gazetteer.parse(tsv: Self.header + "a\t\tA\t\t\t\t\n", source: "bad.tsv")
        }
        #expect(untyped?.message.contains("has no type") == true)
        #expect(throws: StageError.self) { _ = try Gazetteer.parse(tsv: "name\tx\n", source: "h.tsv") }
    }

    @Test func bundledGazetteerLoadsAndHasEveryDomainGroup() throws {
        let gazetteer = Fixtures.gazetteer
        #expect(gazetteer.count > 300)
        let types = Set(gazetteer.entries.flatMap(\.types))
        for name in ["Country", "Person", "GovernmentOrganization", "Corporation", "Legislation", "PoliticalParty"] {
            #expect(types.contains(.schema(name)), "no entity of type \(name)")
        }
    }

    @Test func laterEntriesReplaceEarlierOnesWithTheSameIRI() throws {
        let a = try Gazetteer.parse(tsv: Self.header + "x\tCountry\tOud\t\t\t\t\n", source: "a")
        let b = try Gazetteer.parse(tsv: Self.header + "x\tCountry\tNieuw\t\t\t\t\n", source: "b")
        let merged = a.merging(b)
        #expect(merged.count == 1)
        #expect(merged.entries[0].labels == [Literal("Nieuw", language: "nl")])
    }
}

@Suite struct GazetteerMatcherTests {
    static let gazetteer: Gazetteer = {
        let rows = [
            "country/be\tCountry\tBelgië\t\t\tBelgisch|Belgische\t",
            "agency/aivd\tGovernmentOrganization\tAlgemene Inlichtingen- en Veiligheidsdienst\t\tAIVD\t\t",
            "law/dual-use\tLegislation\tdual-useverordening\t\t\t\t",
            "org/nuctech\tCorporation\tNuctech\t\t\t\t",
            "gov/tk\tGovernmentOrganization\tTweede Kamer\t\tTweede Kamer der Staten-Generaal\t\t",
            "person/a\tPerson\tJan Jansen\t\tJansen\t\t",
            "person/b\tPerson\tPiet Jansen\t\tJansen\t\t",
        ]
        return try! Gazetteer.parse(tsv: GazetteerTests.header + rows.joined(separator: "\n"), source: "test")
    }()

    func found(_ text: String) -> [String] {
        let matcher = GazetteerMatcher(gazetteer: Self.gazetteer)
        let tokens = Tokenizer().tokenize(text)
        return matcher.matches(in: text, tokens: tokens).map { match in
            let surface = String(decoding: Array(text.utf8)[match.span.start..<match.span.end], as: UTF8.self)
            let ids = match.entries.map {
                Self.gazetteer.entries[$0].iri.value.replacingOccurrences(of: Gazetteer.entityBase, with: "")
            }
            return "\(surface)=\(ids.joined(separator: ","))\(match.form == .adjectival ? "(adj)" : "")"
        }
    }

    @Test func longestMatchWins() {
        #expect(
            found("de Tweede Kamer der Staten-Generaal en de Tweede Kamer") == [
                "Tweede Kamer der Staten-Generaal=gov/tk", "Tweede Kamer=gov/tk",
            ])
    }

    @Test func acronymsMatchOnlyInCapitals() {
        #expect(found("de AIVD en de aivd") == ["AIVD=agency/aivd"])
    }

    @Test func capitalizedNamesNeedTheirCapital() {
        #expect(found("Nuctech, NUCTECH en nuctech") == ["Nuctech=org/nuctech", "NUCTECH=org/nuctech"])
    }

    @Test func lowercaseNamesMatchEitherCase() {
        #expect(
            found("De dual-useverordening. Dual-useverordening") == [
                "dual-useverordening=law/dual-use", "Dual-useverordening=law/dual-use",
            ])
    }

    @Test func diacriticsAreFolded() {
        #expect(found("Belgie en België") == ["Belgie=country/be", "België=country/be"])
    }

    @Test func adjectivesAreMarked() {
        #expect(found("de Belgische douane") == ["Belgische=country/be(adj)"])
    }

    @Test func firstPartOfAHyphenatedTokenMatches() {
        #expect(found("de Nuctech-scanners") == ["Nuctech=org/nuctech"])
    }

    @Test func ambiguousNamesKeepEveryCandidate() {
        #expect(found("Jansen zei") == ["Jansen=person/a,person/b"])
    }

    @Test func namesMustAlignWithTokens() {
        #expect(found("Nuctechs en deNuctech") == [])
    }
}

@Suite struct EntityTaggingAndLinkingTests {
    func tagged(_ text: String) async throws -> Document {
        var tagger = StageHarness(GazetteerTagger(gazetteer: GazetteerMatcherTests.gazetteer))
        var linker = StageHarness(EntityLinker(gazetteer: GazetteerMatcherTests.gazetteer))
        var document = Document(id: "d", text: text)
        document[Tokens.self] = Tokenizer().tokenize(text)
        let mentions = try await tagger.feed(document)
        #expect(try await tagger.finish().isClean)
        let linked = try await linker.feed(mentions[0])
        #expect(try await linker.finish().isClean)
        #expect(linked[0]._checkInvariants().isEmpty)
        return linked[0]
    }

    @Test func unambiguousMentionsLinkWithFullConfidence() async throws {
        let document = try await tagged("De AIVD over Nuctech.")
        let mentions = try #require(document[Mentions.self])
        #expect(mentions.map { document.text(of: $0.span) } == ["AIVD", "Nuctech"])
        #expect(
            mentions.map(\.entity) == [
                IRI(Gazetteer.entityBase + "agency/aivd"), IRI(Gazetteer.entityBase + "org/nuctech"),
            ])
        #expect(mentions.allSatisfy { $0.confidence == 1 })
        #expect(mentions.map(\.entityClass) == [.schema("GovernmentOrganization"), .schema("Corporation")])
        #expect(document[Entities.self]?.map(\.iri) == mentions.compactMap(\.entity).sorted())
    }

    @Test func ambiguousMentionIsLeftUnlinkedWithCandidates() async throws {
        let document = try await tagged("Jansen zei niets.")
        let mention = try #require(document[Mentions.self]?.first)
        #expect(mention.entity == nil)
        #expect(mention.candidates.count == 2)
        #expect(mention.confidence == 0.5)
        #expect(document[Entities.self] == [])
    }

    @Test func ambiguousMentionFollowsTheDocumentsOwnFullName() async throws {
        let document = try await tagged("Piet Jansen sprak. Daarna zei Jansen niets.")
        let mentions = try #require(document[Mentions.self])
        #expect(mentions.count == 2)
        #expect(mentions.allSatisfy { $0.entity == IRI(Gazetteer.entityBase + "person/b") })
    }

    @Test func earlierMentionsWinOverlaps() async throws {
        var document = Document(id: "d", text: "Nuctech scanners")
        document[Tokens.self] = Tokenizer().tokenize(document.text)
        document[Mentions.self] = [
            Mention(span: Span(start: 0, end: 16), entityClass: .schema("Product"), source: "preset")
        ]
        var tagger = StageHarness(GazetteerTagger(gazetteer: GazetteerMatcherTests.gazetteer))
        let out = try await tagger.feed(document)
        #expect(out[0][Mentions.self]?.map(\.source) == ["preset"])
    }

    @Test func taggerWithoutTokensFailsClearly() async throws {
        var tagger = StageHarness(GazetteerTagger(gazetteer: GazetteerMatcherTests.gazetteer))
        let error = await #expect(throws: PipelineError.self) {
            _ = try await tagger.feed(Document(id: "d", text: "x"))
        }
        #expect(error?.message.contains("'GazetteerTagger' requires tokens") == true)
    }
}

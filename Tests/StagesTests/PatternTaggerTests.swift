import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct DateTaggerTests {
    func dates(_ text: String) async throws -> [String] {
        var harness = StageHarness(DateTagger())
        var document = Document(id: "d", text: text)
        document[Tokens.self] = Tokenizer().tokenize(text)
        let out = try await harness.feed(document)
        #expect(try await harness.finish().isClean)
        return (out[0][Mentions.self] ?? []).map { "\(out[0].text(of: $0.span))=\($0.value?.lexicalForm ?? "")" }
    }

    @Test func dutchDatesWithMonthNames() async throws {
        #expect(
            try await dates("(ingezonden 7 februari 2024) en op 18 juli 2019") == [
                "7 februari 2024=2024-02-07", "18 juli 2019=2019-07-18",
            ])
        #expect(
            try await dates("Op 5 sept. 2019 en 1 Mei 2020.") == ["5 sept. 2019=2019-09-05", "1 Mei 2020=2020-05-01"])
    }

    @Test func numericDates() async throws {
        #expect(try await dates("op 07-02-2024 of 2024-02-29") == ["07-02-2024=2024-02-07", "2024-02-29=2024-02-29"])
    }

    @Test func impossibleOrIncompleteDatesAreLeftAlone() async throws {
        #expect(try await dates("31 juni 2024, 29 februari 2023, 7 februari, 2023-13-01") == [])
    }

    @Test func datesAreValuesOfClassDate() async throws {
        var document = Document(id: "d", text: "7 februari 2024")
        document[Tokens.self] = Tokenizer().tokenize(document.text)
        var harness = StageHarness(DateTagger())
        let mention = try #require(try await harness.feed(document)[0][Mentions.self]?.first)
        #expect(mention.form == .value)
        #expect(mention.entityClass == .schema("Date"))
        #expect(mention.value == .date(year: 2024, month: 2, day: 7))
        #expect(mention.entity == nil)
    }
}

@Suite struct DocumentNumberTaggerTests {
    @Test func classifiesCaseNumbersPublicationsAndReferences() {
        #expect(DocumentNumberTagger.classify("2024Z01911")?.0 == .caseNumber)
        #expect(DocumentNumberTagger.classify("kv-tk-2024Z01911")?.1 == "2024Z01911")
        #expect(DocumentNumberTagger.classify("ah-tk-20232024-99")?.0 == .publication)
        #expect(DocumentNumberTagger.classify("h-tk-20172018-70-2")?.0 == .publication)
        #expect(DocumentNumberTagger.classify("BZDOC-1605772107-85")?.0 == .reference)
        #expect(DocumentNumberTagger.classify("1024Z01911") == nil)
        #expect(DocumentNumberTagger.classify("dual-useverordening") == nil)
        #expect(DocumentNumberTagger.classify("kv-tk-abc") == nil)
    }

    @Test func mentionsOfOneCaseLinkToOneEntity() async throws {
        var document = Document(id: "d", text: "Zaak 2024Z01911 (kv-tk-2024Z01911), antwoord ah-tk-20232024-99.")
        document[Tokens.self] = Tokenizer().tokenize(document.text)
        var harness = StageHarness(DocumentNumberTagger())
        let out = try await harness.feed(document)[0]
        let mentions = try #require(out[Mentions.self])
        #expect(mentions.map { out.text(of: $0.span) } == ["2024Z01911", "kv-tk-2024Z01911", "ah-tk-20232024-99"])
        #expect(mentions[0].entity == mentions[1].entity)
        #expect(mentions[0].entity == IRI(Gazetteer.entityBase + "document/2024Z01911"))
        #expect(out[Entities.self]?.count == 2)
        #expect(out._checkInvariants().isEmpty)
    }
}

@Suite struct ArticleReferenceTaggerTests {
    func references(_ text: String) async throws -> Document {
        let pipeline = try Pipeline<Document, Document>(provided: [.text]) {
            Tokenizer()
            SentenceSplitter()
            GazetteerTagger(matcher: Fixtures.matcher)
            EntityLinker(gazetteer: Fixtures.gazetteer)
            ArticleReferenceTagger()
        }
        var harness = StageHarness(pipeline)
        let out = try await harness.feed(Document(id: "d", text: text))[0]
        #expect(try await harness.finish().isClean)
        #expect(out._checkInvariants().isEmpty)
        return out
    }

    @Test func articlesLinkToTheirLawWhenTheSentenceNamesIt() async throws {
        let document = try await references(
            "Op grond van de dual-useverordening (artikel 8) kan dat. Zie ook artikel 4, eerste lid van de dual-useverordening."
        )
        let articles = (document[Mentions.self] ?? []).filter { $0.source == "ArticleReferenceTagger" }
        #expect(articles.map { document.text(of: $0.span) } == ["artikel 8", "artikel 4, eerste lid"])
        let law = Gazetteer.entityBase + "law/dual-useverordening"
        #expect(articles.map { $0.entity?.value } == [law + "/artikel/8", law + "/artikel/4"])
        let article = try #require(document[Entities.self]?.first { $0.iri.value == law + "/artikel/8" })
        #expect(article.partOf == [IRI(law)])
        #expect(article.types == [.schema("Legislation")])
    }

    @Test func articlesOfAnUnnamedLawStayUnlinkedValues() async throws {
        let document = try await references("Volgens art. 12 mag dat niet.")
        let article = try #require(document[Mentions.self]?.first { $0.source == "ArticleReferenceTagger" })
        #expect(document.text(of: article.span) == "art. 12")
        #expect(article.entity == nil)
        #expect(article.value == Literal("12"))
        #expect(article.entityClass == ArticleReferenceTagger.articleReference)
    }
}

@Suite struct LinkingByContextTests {
    @Test func theWordBeforeANameChoosesAmongCandidatesOfDifferentKinds() async throws {
        let header = "id\ttype\tlabel@nl\tlabel@en\taliases\tadjectives\tsame_as\n"
        let rows = [
            "person/jan-apple\tPerson\tJan Apple\t\tApple\t\t", "org/apple\tCorporation\tApple Inc.\t\tApple\t\t",
        ]
        let gazetteer = try Gazetteer.parse(tsv: header + rows.joined(separator: "\n"), source: "test")
        func link(_ text: String) async throws -> Mention? {
            var document = Document(id: "d", text: text)
            document[Tokens.self] = Tokenizer().tokenize(text)
            var tagger = StageHarness(GazetteerTagger(gazetteer: gazetteer))
            var linker = StageHarness(EntityLinker(gazetteer: gazetteer))
            return try await linker.feed(try await tagger.feed(document)[0])[0][Mentions.self]?.first
        }
        #expect(try await link("Het bedrijf Apple levert.")?.entity?.value == Gazetteer.entityBase + "org/apple")
        #expect(try await link("De heer Apple zei niets.")?.entity?.value == Gazetteer.entityBase + "person/jan-apple")
        #expect(try await link("De heer Apple zei niets.")?.confidence == 0.9)
        let unsure = try await link("Apple zei niets.")
        #expect(unsure?.entity == nil)
        #expect(unsure?.confidence == 0.5)
    }
}

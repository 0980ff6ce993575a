import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct ParliamentaryStructureTests {
    @Test func headingsAreRecognized() {
        #expect(ParliamentaryStructureTagger.questionNumber("Vraag 3") == 3)
        #expect(ParliamentaryStructureTagger.questionNumber("Vraag 12:") == 12)
        #expect(ParliamentaryStructureTagger.questionNumber("Vraag drie") == nil)
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord") == [])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord:") == [])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord 4") == [4])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord vragen 2 en 3") == [2, 3])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord op vragen 8, 9 en 10") == [8, 9, 10])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord op vraag 1") == [1])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord van minister Van Weel") == nil)
    }

    @Test func combinedAndRangedHeadingsNameEveryQuestion() {
        #expect(ParliamentaryStructureTagger.questionNumbers("Vraag 4 en 5") == [4, 5])
        #expect(ParliamentaryStructureTagger.questionNumbers("Vragen 2, 3 en 4") == [2, 3, 4])
        #expect(ParliamentaryStructureTagger.questionNumbers("Vraag 4, 5, 7 en 8") == [4, 5, 7, 8])
        #expect(ParliamentaryStructureTagger.questionNumbers("Vragen 1 t/m 3") == [1, 2, 3])
        #expect(ParliamentaryStructureTagger.questionNumbers("Vragen 1 tot en met 3") == [1, 2, 3])
        #expect(ParliamentaryStructureTagger.questionNumbers("**Vraag 6**") == [6])
        #expect(ParliamentaryStructureTagger.questionNumbers("Vraag\u{A0}7:") == [7])
        #expect(ParliamentaryStructureTagger.questionNumber("Vraag 4 en 5") == nil)
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord 4 en 5") == [4, 5])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoorden 5 en 6") == [5, 6])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord 2 t/m 6") == [2, 3, 4, 5, 6])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord vraag 4-5:") == [4, 5])
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord vraag 4\u{2013}6:") == [4, 5, 6])
    }

    @Test func linesThatAreNoHeadingsAreRejected() {
        for line in [
            "Vraag", "Vraag drie", "Vraag 1x", "Vragen van het lid Tseggai", "Vraag 3 t/m", "Vraag 5 t/m 2",
            "Vraag 1 t/m 900",
            "Antwoord van minister Van Weel", "Antwoord op de vraag of", "Vraagt u", "", "Vraag 1234",
        ] {
            #expect(ParliamentaryStructureTagger.questionNumbers(line) == nil, "\(line)")
        }
        #expect(QuestionHeading("3.") == .bareNumber(3))
        #expect(QuestionHeading("12") == .bareNumber(12))
        #expect(ParliamentaryStructureTagger.answerNumbers("Antwoord van minister Van Weel") == nil)
    }

    /// Runs the standard stages up to structure tagging on a text.
    func structure(_ text: String) async throws -> Document { try await StructureFixtures.structure(text) }

    static let sample = """
        2024Z09999

        Vragen van de leden Michon-Derkzen (VVD) en Van Ojik (GroenLinks) aan de Minister van Buitenlandse Zaken over Nuctech (ingezonden 3 maart 2024).

        Vraag 1
        Kent u Nuctech uit China?

        Vraag 2
        Wat doet België?

        Antwoord
        Ja, Nuctech komt uit China.

        Vraag 3
        En de Verenigde Staten?
        """

    @Test func questionsAnswersAskersPartiesAndAddressees() async throws {
        let document = try await structure(Self.sample)
        let set = try #require(document[ParliamentaryQuestions.self])
        #expect(set.questions.map(\.number) == [1, 2, 3])
        #expect(
            set.questions.map { document.text(of: $0.span) } == [
                "Kent u Nuctech uit China?", "Wat doet België?", "En de Verenigde Staten?",
            ])
        #expect(set.answers.map(\.questionNumbers) == [[1, 2]])
        #expect(
            set.askedBy.map(\.value) == [
                Gazetteer.entityBase + "person/ingrid-michon-derkzen", Gazetteer.entityBase + "person/bram-van-ojik",
            ])
        #expect(set.addressedTo.map(\.value) == [Gazetteer.entityBase + "office/minister-van-buitenlandse-zaken"])
        #expect(set.submitted == .date(year: 2024, month: 3, day: 3))
        let memberships = (document[Relations.self] ?? []).filter { $0.predicate == .schema("memberOf") }
        #expect(
            memberships.map {
                "\($0.subject.value.split(separator: "/").last!)→\($0.object.value.split(separator: "/").last!)"
            } == [
                "bram-van-ojik→groenlinks", "ingrid-michon-derkzen→vvd",
            ])
        #expect(document.metadata.identifier == "2024Z09999")
        #expect(document.metadata.date == "2024-03-03")
    }

    @Test func theSeedsKeepTheirExactStructure() async throws {
        let questions = try await structure(try Fixtures.corpusText(Fixtures.questions2024))
        let asked = try #require(questions[ParliamentaryQuestions.self])
        #expect(asked.questions.map(\.number) == Array(1...9))
        #expect(asked.answers.isEmpty)
        #expect(
            asked.askedBy.map { $0.value.split(separator: "/").last! } == [
                "ingrid-michon-derkzen", "ruben-brekelmans", "wendy-van-eijk-nagel",
            ])
        let parties = Set(
            (questions[Relations.self] ?? []).filter { $0.predicate == .schema("memberOf") }.map(\.object.value))
        #expect(parties == [Gazetteer.entityBase + "party/vvd"])
        #expect(asked.caseNumber == "2024Z01911")

        let answers = try await structure(try Fixtures.corpusText(Fixtures.answers2019))
        let answered = try #require(answers[ParliamentaryQuestions.self])
        #expect(answered.questions.map(\.number) == Array(1...10))
        #expect(answered.answers.map(\.questionNumbers) == [[1], [2, 3], [4], [5], [6], [7], [8, 9, 10]])
        #expect(answered.answeredBy.map(\.value) == [Gazetteer.entityBase + "person/sigrid-kaag"])
        #expect(answered.askedBy.count == 2)
    }

    @Test func coOccurrenceCountsSentencesWithEvidence() async throws {
        let document = try await structure(Self.sample)
        let relation = try #require(
            document[Relations.self]?.first {
                $0.predicate == CoOccurrenceExtractor.coOccursWith && $0.subject.value.hasSuffix("country/cn")
                    && $0.object.value.hasSuffix("org/nuctech")
            })
        #expect(relation.count == 2)
        #expect(
            relation.evidence.map { document.text(of: $0) } == [
                "Kent u Nuctech uit China?", "Ja, Nuctech komt uit China.",
            ])
    }

    @Test func askersNoGazetteerKnowsBecomeNewPeopleWithTheirParty() async throws {
        // Brouwersma is a made-up member: no gazetteer knows the name.
        let text = """
            Vragen van de leden Brouwersma (GroenLinks-PvdA) en Michon-Derkzen (VVD) aan de Minister van Justitie en Veiligheid over escortbureaus

            1. Kent u het bericht?

            2. Wat vindt u ervan?
            """
        let document = try await structure(text)
        let set = try #require(document[ParliamentaryQuestions.self])
        #expect(
            set.askedBy.map(\.value) == [
                Gazetteer.entityBase + "person/brouwersma", Gazetteer.entityBase + "person/ingrid-michon-derkzen",
            ])
        #expect(set.questions.map { document.text(of: $0.span) } == ["Kent u het bericht?", "Wat vindt u ervan?"])
        let brouwersma = try #require(document[Mentions.self]?.first { document.text(of: $0.span) == "Brouwersma" })
        #expect(brouwersma.entity?.value == Gazetteer.entityBase + "person/brouwersma")
        #expect(
            document[Entities.self]?.first { $0.iri == brouwersma.entity }?.labels == [
                Literal("Brouwersma", language: "nl")
            ])
        let fragment = GraphBuilder().build(document)
        #expect(
            fragment.triples.contains(
                Triple(
                    IRI(Document.defaultBase + "d"), Vocabulary.tgAskedBy.iri,
                    IRI(Gazetteer.entityBase + "person/brouwersma"))))
        #expect(document._checkInvariants().isEmpty)
    }

    @Test func askerMarkersAreFoundInCapitals() async throws {
        for heading in ["VRAGEN VAN DE LEDEN", "Gesteld door de leden", "GESTELD DOOR DE LEDEN"] {
            let text =
                "\(heading) Michon-Derkzen (VVD) aan de Minister van Buitenlandse Zaken\n\nVraag 1\nKent u Nuctech?\n\nVraag 2\nEn China?"
            let set = try #require(try await structure(text)[ParliamentaryQuestions.self])
            #expect(set.askedBy.map(\.value) == [Gazetteer.entityBase + "person/ingrid-michon-derkzen"], "\(heading)")
        }
    }

    @Test func oneNumberedParagraphIsNoQuestionSet() async throws {
        let document = try await structure("Vragen van het lid Michon-Derkzen (VVD) over iets\n\n1. Alleen dit.")
        #expect(document[ParliamentaryQuestions.self]?.questions.isEmpty == true)
    }

    @Test func documentsWithoutQuestionsGetNoQuestionLayer() async throws {
        let document = try await structure("Een gewone tekst over China.")
        #expect(document[ParliamentaryQuestions.self] == nil)
    }

    @Test func graphHasQuestionsAnswersAndRelations() async throws {
        let fragment = GraphBuilder().build(try await structure(Self.sample))
        let doc = IRI(Document.defaultBase + "d")
        func objects(_ subject: IRI, _ predicate: IRI) -> [Term] {
            fragment.triples.filter { $0.subject == .iri(subject) && $0.predicate == predicate }.map(\.object)
        }
        // The sample names its case (2024Z09999): its questions are named by the case.
        let question = { (n: Int) in GraphBuilder.questionIRI(caseNumber: "2024Z09999", number: n) }
        #expect(question(2).value == Gazetteer.entityBase + "document/2024Z09999/question-2")
        #expect(objects(question(2), Vocabulary.schemaAcceptedAnswer.iri) == [.iri(doc.appending("#answer-1-2"))])
        #expect(
            objects(doc.appending("#answer-1-2"), Vocabulary.schemaParentItem.iri) == [
                .iri(question(1)), .iri(question(2)),
            ])
        #expect(objects(question(1), Vocabulary.schemaAuthor.iri).count == 2)
        #expect(objects(doc, Vocabulary.tgCase.iri) == [.iri(IRI(Gazetteer.entityBase + "document/2024Z09999"))])
        #expect(
            objects(IRI(Gazetteer.entityBase + "person/ingrid-michon-derkzen"), Vocabulary.schemaMemberOf.iri) == [
                .iri(IRI(Gazetteer.entityBase + "party/vvd"))
            ])
        #expect(objects(doc, Vocabulary.dctermsIdentifier.iri) == [.literal(Literal("2024Z09999"))])
        #expect(fragment.triples.contains { $0.predicate == Vocabulary.tgEvidence.iri })
    }
}

@Suite struct GraphStoreSinkTests {
    @Test func onlyHTTPEndpointsAreAccepted() {
        #expect(throws: StageError.self) { _ = try GraphStoreSink(endpoint: "ftp://example.org/store") }
        #expect(throws: StageError.self) { _ = try GraphStoreSink(endpoint: "not a url") }
        #expect(throws: Never.self) { _ = try GraphStoreSink(endpoint: "http://127.0.0.1:7878/store") }
    }

    @Test func unreachableStoreIsAClearError() async throws {
        let sink = try GraphStoreSink(endpoint: "http://127.0.0.1:9/store", attempts: 2)
        let error = await #expect(throws: StageError.self) {
            try await sink.write(
                GraphFragment(graph: IRI("urn:g"), triples: [Triple(IRI("urn:a"), IRI("urn:p"), IRI("urn:b"))]))
        }
        #expect(
            error?.message.hasPrefix(
                "the graph store at http://127.0.0.1:9/store did not accept PUT of graph <urn:g> after 2 tries") == true
        )
    }
}

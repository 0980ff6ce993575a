import Pipeline
import PipelineTesting
import Stages
import Testing

/// The same questions and answers, written in every layout the structure reader knows, give a
/// graph with the same structure: the same questions, answers covering the same questions, the
/// same askers (with their parties), addressees and answering minister.
@Suite struct QuestionLayoutPropertyTests {
    /// What a document's graph says about its questions, leaving out where the texts are.
    struct GraphStructure: Equatable, CustomStringConvertible {
        var questions: [Int] = []
        var answerGroups: [[Int]] = []
        var askers: [String] = []
        var parties: [String] = []
        var addressees: [String] = []
        var answerAuthors: [String] = []
        var questionTexts: [String] = []
        var answerTexts: [String] = []

        var description: String {
            "questions \(questions), answers \(answerGroups), askers \(askers) \(parties), to \(addressees), by \(answerAuthors)"
        }

        /// Read from the graph of a document, as a SPARQL user would.
        init(_ fragment: GraphFragment, document: Document, caseNumber: String) {
            let doc = Term.iri(document.iri)
            let triples = fragment.triples + fragment.sharedTriples
            func objects(_ subject: Term, _ predicate: IRI) -> [Term] {
                triples.filter { $0.subject == subject && $0.predicate == predicate }.map(\.object)
            }
            func subjects(_ predicate: IRI, _ object: Term) -> [Term] {
                triples.filter { $0.predicate == predicate && $0.object == object }.map(\.subject)
            }
            func position(_ node: Term) -> Int? {
                objects(node, Vocabulary.schemaPosition.iri).first.flatMap {
                    if case .literal(let l) = $0 { Int(l.lexicalForm) } else { nil }
                }
            }
            func last(_ term: Term) -> String {
                if case .iri(let iri) = term { String(iri.value.split(separator: "/").last!) } else { "\(term)" }
            }
            func string(_ term: Term) -> String { if case .literal(let l) = term { l.lexicalForm } else { "\(term)" } }
            let parts = subjects(Vocabulary.schemaIsPartOf.iri, doc)
            let questionNodes = parts.filter {
                objects($0, Vocabulary.rdfType.iri).contains(.iri(Vocabulary.schemaQuestion.iri))
            }
            let answerNodes = parts.filter {
                objects($0, Vocabulary.rdfType.iri).contains(.iri(Vocabulary.schemaAnswer.iri))
            }
            questions = questionNodes.compactMap(position).sorted()
            questionTexts = questionNodes.sorted { (position($0) ?? 0) < (position($1) ?? 0) }.flatMap {
                objects($0, Vocabulary.schemaText.iri).map(string)
            }
            answerGroups = answerNodes.map {
                objects($0, Vocabulary.schemaParentItem.iri).compactMap(position).sorted()
            }.sorted { $0.first ?? 0 < $1.first ?? 0 }
            answerTexts = answerNodes.flatMap { objects($0, Vocabulary.schemaText.iri).map(string) }.sorted()
            let askerTerms = objects(doc, Vocabulary.tgAskedBy.iri)
            askers = askerTerms.map(last)
            parties = askerTerms.map { asker in
                objects(asker, Vocabulary.schemaMemberOf.iri).map(last).joined(separator: "+")
            }
            addressees = objects(doc, Vocabulary.tgAddressedTo.iri).map(last)
            answerAuthors = Array(Set(answerNodes.flatMap { objects($0, Vocabulary.schemaAuthor.iri).map(last) }))
                .sorted()
            // Every question is named by the case, in every layout.
            for node in questionNodes {
                guard case .iri(let iri) = node, let number = position(node) else { continue }
                #expect(iri == GraphBuilder.questionIRI(caseNumber: caseNumber, number: number))
            }
        }
    }

    func structure(_ text: String, caseNumber: String) async throws -> (GraphStructure, [String]) {
        let (document, warnings) = try await StructureFixtures.structureWithWarnings(text)
        return (GraphStructure(GraphBuilder().build(document), document: document, caseNumber: caseNumber), warnings)
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func everyLayoutOfAPaperWithAnswersGivesTheSameGraphStructure(seed: UInt64) async throws {
        let paper = QuestionPaper.random(seed: seed)
        var first: GraphStructure? = nil
        for layout in QuestionPaper.Layout.allCases {
            let (found, warnings) = try await structure(paper.text(layout), caseNumber: paper.caseNumber)
            #expect(warnings.isEmpty, "\(layout): \(warnings)")
            #expect(found.questions == Array(1...paper.questions.count), "\(layout)")
            #expect(found.answerGroups == paper.answers.map(\.numbers), "\(layout)")
            #expect(found.answerTexts == paper.answers.map(\.text).sorted(), "\(layout)")
            #expect(found.parties == paper.askers.map(\.partyID), "\(layout)")
            #expect(found.addressees.count == paper.portfolios.count, "\(layout): \(found.addressees)")
            #expect(found.answerAuthors == ["zwartveld"], "\(layout)")
            if !QuestionPaper.sharesText(layout) {
                #expect(found.questionTexts == paper.questions, "\(layout)")
            }
            var comparable = found
            comparable.questionTexts = []
            if let first { #expect(comparable == first, "\(layout)") } else { first = comparable }
        }
    }

    @Test(arguments: 13...24 as ClosedRange<UInt64>)
    func everyLayoutOfQuestionsAloneGivesTheSameGraphStructure(seed: UInt64) async throws {
        let paper = QuestionPaper.random(seed: seed)
        var first: GraphStructure? = nil
        for layout in QuestionPaper.QuestionLayout.allCases {
            let (found, warnings) = try await structure(paper.text(layout), caseNumber: paper.caseNumber)
            #expect(warnings.isEmpty, "\(layout): \(warnings)")
            #expect(found.questions == Array(1...paper.questions.count), "\(layout)")
            #expect(found.questionTexts == paper.questions, "\(layout)")
            #expect(found.answerGroups.isEmpty, "\(layout)")
            #expect(found.askers.count == paper.askers.count, "\(layout)")
            if let first { #expect(found == first, "\(layout)") } else { first = found }
        }
    }

    @Test func aLayoutTheReaderDoesNotKnowGivesAWarningAndNoQuestions() async throws {
        let paper = QuestionPaper.random(seed: 7)
        // Questions introduced by "Q1:" and answered under "A1:", a layout no Dutch paper uses.
        var text = paper.header
        for (k, question) in paper.questions.enumerated() { text += "Q\(k + 1): \(question) A\(k + 1): Ja.\n\n" }
        let (document, warnings) = try await StructureFixtures.structureWithWarnings(text)
        #expect(document[ParliamentaryQuestions.self]?.questions.isEmpty == true)
        #expect(warnings.contains { $0.hasPrefix("written questions in a layout TextGraph does not know") })
    }

    @Test func theTaggerAloneReadsAHandBuiltDocument() async throws {
        var document = Document(
            id: "d", text: "Vraag 1\nKent u dit?\n\nVraag 2 en 3\nEn dat? En zo?\n\nAntwoord 1 t/m 3\nJa.")
        let lines = [(0, 7), (8, 19), (21, 33), (34, 48), (50, 66), (67, 70)]
        document[Sentences.self] = lines.map { Sentence(span: Span(start: $0.0, end: $0.1)) }
        document[Mentions.self] = []
        var harness = StageHarness(ParliamentaryStructureTagger())
        let out = try await harness.feed(document)
        #expect(try await harness.finish().isClean)
        let set = try #require(out.first?[ParliamentaryQuestions.self])
        #expect(set.questions.map(\.number) == [1, 2, 3])
        #expect(
            set.questions.map { document.text(of: $0.span) } == ["Kent u dit?", "En dat? En zo?", "En dat? En zo?"])
        #expect(set.answers.map(\.questionNumbers) == [[1, 2, 3]])
    }
}

/// Written questions in the official publication's XML (Aanhangsel van de Handelingen).
@Suite struct OfficialPublicationQuestionTests {
    static func xml(numbersAlone: Bool) -> String {
        func nr(_ kind: String, _ n: String) -> String { "<nr>\(numbersAlone ? "" : kind + " ")\(n)</nr>" }
        return """
            <?xml version="1.0" encoding="utf-8"?>
            <officiele-publicatie>
             <metadata><meta content="https://zoek.officielebekendmakingen.nl/ah-tk-20232024-999/metadata.xml" name="OVERHEIDop.externMetadataRecord"/></metadata>
             <aanhangsel><nr>999</nr>
              <kamervragen>
               <al>Vragen van het lid Dekkers (SP) aan de Minister van Financiën over een bericht (ingezonden 3 maart 2024).</al>
               <vraag>\(nr("Vraag", "1"))<al>Kent u het bericht?</al></vraag>
               <antwoord>\(nr("Antwoord", "1"))<al>Ja.</al></antwoord>
               <vraag>\(nr("Vraag", "2"))<al>Wat gaat u doen?</al></vraag>
               <vraag>\(nr("Vraag", "3"))<al>En wanneer?</al></vraag>
               <antwoord>\(nr("Antwoord", "2 en 3"))<al>Niets, nooit.</al></antwoord>
              </kamervragen>
             </aanhangsel>
            </officiele-publicatie>
            """
    }

    @Test(arguments: [false, true])
    func questionsAndAnswersAreReadFromVraagAntwoordAndNr(numbersAlone: Bool) async throws {
        let pipeline = try Pipeline<SourceDocument, Document> {
            OfficialPublicationReader()
            Tokenizer()
            SentenceSplitter()
            DocumentNumberTagger()
            DateTagger()
            GazetteerTagger(matcher: Fixtures.matcher)
            EntityLinker(gazetteer: Fixtures.gazetteer)
            ParliamentaryStructureTagger()
        }
        var harness = StageHarness(pipeline)
        let out = try await harness.feed(
            SourceDocument(
                id: "ah.xml", content: .bytes(Array(Self.xml(numbersAlone: numbersAlone).utf8)), format: .xml))
        #expect(try await harness.finish().isClean)
        let document = try #require(out.first)
        #expect(!document.text.contains("999\n"), "the publication's own <nr> stays out")
        let set = try #require(document[ParliamentaryQuestions.self])
        #expect(set.questions.map(\.number) == [1, 2, 3])
        #expect(
            set.questions.map { document.text(of: $0.span) } == [
                "Kent u het bericht?", "Wat gaat u doen?", "En wanneer?",
            ])
        #expect(set.answers.map(\.questionNumbers) == [[1], [2, 3]])
        #expect(set.askedBy.count == 1)
    }
}

import Pipeline
import PipelineTesting
import Stages
import Testing

@testable import TextGraphParliament

/// Who asked, whom, and who answered: read from the document's own phrases, never from names in its text.
@Suite struct ParliamentaryPeopleTests {
    func last(_ iri: IRI) -> String { String(iri.value.split(separator: "/").last!) }

    func parties(of document: Document) throws -> [String] {
        let set = try #require(document[ParliamentaryQuestions.self])
        let relations = document[Relations.self] ?? []
        return set.askedBy.map { asker in
            relations.first { $0.subject == asker && $0.predicate == .schema("memberOf") }.map { last($0.object) }
                ?? "-"
        }
    }

    @Test func everyAskerOfACoordinatedListGetsTheirParty() async throws {
        let text = """
            Vragen van de leden Beckerman (SP), Bushoff , Kröger (beiden
            GroenLinks-PvdA), Bamenga (D66) en Teunissen (PvdD) aan de Staatssecretaris van Binnenlandse Zaken en
            Koninkrijksrelaties en de MinisterKlimaat en Groene Groei over een werkbezoek (ingezonden 11 oktober 2024).

            Vraag 1
            Herkent u dat?

            Vraag 2
            Wat gaat u doen?
            """
        let document = try await StructureFixtures.structure(text)
        let set = try #require(document[ParliamentaryQuestions.self])
        #expect(set.askedBy.count == 5)
        #expect(try parties(of: document) == ["sp", "groenlinks-pvda", "groenlinks-pvda", "d66", "pvdd"])
        #expect(
            set.addressedTo.map(last) == [
                "staatssecretaris-van-binnenlandse-zaken-en-koninkrijksrelaties",
                "minister-van-klimaat-en-groene-groei",
            ])
        #expect(set.submitted == .date(year: 2024, month: 10, day: 11))
    }

    @Test func askersNamedByTheirFullNameAndGluedNamesArePulledApart() async throws {
        let text =
            "Vragen van de leden lid Inge van Dijk (CDA) en DaniëlleJansen (Nieuw Sociaal Contract) aan de minister-president.\n\n1. Kent u dit?\n\n2. En dat?"
        let document = try await StructureFixtures.structure(text)
        let set = try #require(document[ParliamentaryQuestions.self])
        let labels = set.askedBy.map { iri in
            (document[Entities.self] ?? []).first { $0.iri == iri }?.labels.first?.lexicalForm ?? last(iri)
        }
        #expect(labels.contains("Daniëlle Jansen"))
        #expect(set.askedBy.count == 2)
        #expect(try parties(of: document) == ["cda", "nsc"])
        #expect(set.addressedTo.map(last) == ["minister-president"])
    }

    @Test func eachOfficeOfACoordinatedAddresseePhrase() {
        func offices(_ phrase: String) -> [String] { OfficePhrase(Substring(phrase), base: 0).offices().map(\.label) }
        #expect(
            offices("de Ministers van Buitenlandse Zaken en van Justitie en Veiligheid over de aanbesteding") == [
                "Minister van Buitenlandse Zaken", "Minister van Justitie en Veiligheid",
            ])
        #expect(
            offices("de Minister en de Staatssecretaris van Volksgezondheid, Welzijn en Sport overhet verdwijnen") == [
                "Minister van Volksgezondheid, Welzijn en Sport",
                "Staatssecretaris van Volksgezondheid, Welzijn en Sport",
            ])
        #expect(
            offices("de Ministers voor Klimaat en Energie en van Economische Zaken en Klimaat over het artikel") == [
                "Minister voor Klimaat en Energie", "Minister van Economische Zaken en Klimaat",
            ])
        #expect(offices("deStaatssecretaris vanFinanciën over het bericht") == ["Staatssecretaris van Financiën"])
        #expect(
            offices("de Minister van Economische Zaken, bij afwezigheid van de Staatssecretaris van Financiën, over")
                == [
                    "Minister van Economische Zaken"
                ])
        #expect(
            offices("de Ministers van Buitenlandse Zaken, van Justitie en Veiligheid en van Asiel en Migratie over")
                == [
                    "Minister van Buitenlandse Zaken", "Minister van Justitie en Veiligheid",
                    "Minister van Asiel en Migratie",
                ])
        // An office no list knows is read from its capitalized words.
        #expect(
            offices("de minister voor Wonen, Bouwen en Ruimte over de woningnood") == [
                "Minister voor Wonen, Bouwen en Ruimte"
            ])
        #expect(offices("minister Veldkamp over iets").isEmpty)
    }

    static let signed = """
        Vragen van het lid Teunissen (PvdD) aan de minister van Justitie en Veiligheid over politiehonden.

        Antwoorden van de minister van Justitie en Veiligheid op Kamervragen van het lid Teunissen (PvdD) over politiehonden.

        Vraag 1
        Kent u het bericht?

        Antwoord op vraag 1
        Ja. Zoals ik eerder schreef in antwoord op vragen van het lid Mulder (PVV) ken ik het.

        De Minister van Justitie en Veiligheid,


        D.M. van Weel
        """

    @Test func theSignatureNamesTheAnsweringMinisterNotTheAsker() async throws {
        let document = try await StructureFixtures.structure(Self.signed)
        let set = try #require(document[ParliamentaryQuestions.self])
        #expect(set.answeredBy.count == 1)
        #expect(set.answeredBy.allSatisfy { last($0).hasSuffix("van-weel") })
        #expect(set.askedBy.count == 1)
        #expect(set.askedBy.allSatisfy { last($0).contains("teunissen") })
        let office = (document[Relations.self] ?? []).first {
            $0.predicate == Vocabulary.tgHoldsOffice.iri && $0.subject == set.answeredBy.first
        }
        #expect(office.map { last($0.object) } == "minister-van-justitie-en-veiligheid")
    }

    @Test func antwoordVanNamesEveryAnsweringPersonWithTheirOffice() async throws {
        let text = """
            Vragen van het lid Vlottes (PVV) aan de Staatssecretaris van Financiën over toeslagen (ingezonden 1 november 2024).

            Antwoord van Staatssecretaris Van Marum (Binnenlandse Zaken en Koninkrijksrelaties) en van Minister Hermans (Klimaat en Groene Groei) (ontvangen 18 november 2024).

            Vraag 1
            Kent u het bericht?

            Antwoord 1
            Ja.
            """
        let document = try await StructureFixtures.structure(text)
        let set = try #require(document[ParliamentaryQuestions.self])
        // Hermans is a member of parliament the bundled gazetteer knows; Van Marum is new here.
        #expect(set.answeredBy.map(last) == ["van-marum", "sophie-hermans"])
        #expect(set.answered == .date(year: 2024, month: 11, day: 18))
        let offices = (document[Relations.self] ?? []).filter { $0.predicate == Vocabulary.tgHoldsOffice.iri }.map {
            last($0.subject) + "→" + last($0.object)
        }
        #expect(
            offices.sorted() == [
                "sophie-hermans→minister-van-klimaat-en-groene-groei",
                "van-marum→staatssecretaris-van-binnenlandse-zaken-en-koninkrijksrelaties",
            ])
        let marum = try #require((document[Entities.self] ?? []).first { last($0.iri) == "van-marum" })
        #expect(marum.types == [.schema("Person")])
    }

    @Test func aNoticeOfPostponementDatesTheCase() async throws {
        let text = """
            2024Z17538
            Mededeling van staatssecretaris Rummenie (Landbouw, Visserij, Voedselzekerheid en Natuur) (ontvangen 20 november 2024)

            De vragen van de leden Gabriëls en Bromet (beiden GroenLinks-PvdA) kunnen niet binnen de gebruikelijke termijn worden beantwoord.
            """
        let document = try await StructureFixtures.structure(text)
        let set = try #require(document[ParliamentaryQuestions.self])
        #expect(set.caseNumber == "2024Z17538")
        #expect(set.postponed == .date(year: 2024, month: 11, day: 20))
        #expect(set.questions.isEmpty && set.answers.isEmpty)
        let fragment = GraphBuilder().build(document)
        #expect(
            fragment.triples.contains(
                Triple(
                    IRI(Gazetteer.entityBase + "document/2024Z17538"), Vocabulary.tgDatePostponed.iri,
                    .date(year: 2024, month: 11, day: 20))))
    }
}

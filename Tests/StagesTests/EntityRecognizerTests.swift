import Foundation
import Pipeline
import PipelineTesting
import Testing

@testable import Stages
@testable import TextGraphEntities
@testable import TextGraphParliament

@Suite struct EntityRecognizerTests {
    func recognize(_ text: String, preset: [Mention] = [], minimumConfidence: Double = 0.5) async throws -> Document {
        var document = try Fixtures.segmented(text)
        if !preset.isEmpty {
            document[Mentions.self] = preset
            document[Entities.self] = preset.compactMap(\.entity).map {
                Entity(iri: $0, types: [.schema("Person")], labels: [])
            }
        }
        var harness = StageHarness(
            EntityRecognizer(model: ToyNames.model, gazetteer: Gazetteer(), minimumConfidence: minimumConfidence))
        let out = try await harness.feed(document)
        #expect(out.count == 1)
        #expect(try await harness.finish().isClean)
        #expect(out[0]._checkInvariants().isEmpty)
        return out[0]
    }

    func found(_ document: Document) -> [Mention] {
        (document[Mentions.self] ?? []).filter { $0.source == "EntityRecognizer" }
    }

    @Test func namesNoListHoldsAreTypedEntitiesWithConfidence() async throws {
        let document = try await recognize("Ik zag Vermeulen gisteren. Wij wonen in Gouda sinds jaren.")
        let mentions = found(document)
        try #require(mentions.map { document.text(of: $0.span) } == ["Vermeulen", "Gouda"])
        #expect(mentions.map(\.entityClass) == [.schema("Person"), .schema("Place")])
        #expect(mentions[0].entity == IRI(Gazetteer.entityBase + "ner/person/vermeulen"))
        #expect(mentions.allSatisfy { ($0.confidence ?? 0) >= 0.5 && ($0.confidence ?? 2) <= 1 })
        let entity = try #require(document[Entities.self]?.first { $0.iri == mentions[0].entity })
        #expect(entity.types == [.schema("Person"), EntityRecognizer.recognizedEntity])
        #expect(entity.labels == [Literal("Vermeulen", language: "nl")])
    }

    @Test func theSameNameInTwoDocumentsIsOneEntity() async throws {
        let first = try await recognize("Ik zag Jan Hendriks gisteren.")
        let second = try await recognize("Het regent. Ik zag Jan Hendriks gisteren.")
        #expect(found(first).first?.entity != nil)
        #expect(found(first).first?.entity == found(second).first?.entity)
    }

    @Test func titlesAreNotPartOfTheName() async throws {
        let document = try await recognize("Toen sprak Minister Vermeulen over de zaak.")
        #expect(found(document).map { document.text(of: $0.span) } == ["Vermeulen"])
    }

    @Test func aCapitalizedWordAfterAPersonsTitleIsAPerson() async throws {
        let document = try await recognize(
            "Daarna sprak president Alijev met professor Van der Berg en de heer De Vries.")
        let mentions = found(document)
        #expect(mentions.map { document.text(of: $0.span) } == ["Alijev", "Van der Berg", "De Vries"])
        #expect(mentions.allSatisfy { $0.entityClass == .schema("Person") })
        #expect(
            mentions.first?.confidence == EntityRecognizer.titledNameConfidence,
            "the toy model does not know 'president'")
        #expect(mentions.first?.entity == IRI(Gazetteer.entityBase + "ner/person/alijev"))
    }

    @Test func aGivenNameWithTheInitialOfASurnameIsAPerson() async throws {
        let document = try await recognize("Hoe gaat u ervoor zorgen dat Kadir K. wordt bijgestaan?")
        #expect(found(document).map { document.text(of: $0.span) } == ["Kadir K."])
        #expect(found(document).first?.entityClass == .schema("Person"))
        // Not at the start of a sentence, not inside a longer capitalized name, not a digit or lower case.
        let others = try await recognize("Zie Bijlage B. Daarna volgt de Raad B. Jansen en de fase 2 B. van het plan.")
        #expect(!found(others).contains { others.text(of: $0.span).hasSuffix("B.") })
    }

    @Test func aTitleBeforeAnAcronymALowerCaseWordOrAnotherKindOfNameNamesNoPerson() async throws {
        #expect(found(try await recognize("Dat zei de minister VWS en de minister van Financiën gisteren.")).isEmpty)
        let known = Gazetteer([
            GazetteerEntry(
                iri: IRI("https://example.org/fd"), types: [.schema("GovernmentOrganization")],
                labels: [Literal("Fiscaliteit en Douane", language: "nl")])
        ])
        let text = "Dat zei de staatssecretaris Fiscaliteit gisteren."
        var harness = StageHarness(EntityRecognizer(model: ToyNames.model, gazetteer: known))
        let out = try await harness.feed(try Fixtures.segmented(text))
        #expect(found(out[0]).isEmpty)
        // Without the gazetteer the same words name a person.
        #expect(found(try await recognize(text)).map { out[0].text(of: $0.span) } == ["Fiscaliteit"])
    }

    @Test func aWordThatNamesAnInstitutionByItsKindIsNotANameAlone() async throws {
        #expect(found(try await recognize("Ik zag Kamer gisteren.")).isEmpty)
    }

    @Test func aShortFormLinksToTheFullNameInTheDocument() async throws {
        let document = try await recognize("Ik zag Hugo de Jonge gisteren. Ik zag De Jonge gisteren.")
        let mentions = found(document)
        #expect(mentions.map { document.text(of: $0.span) } == ["Hugo de Jonge", "De Jonge"])
        #expect(Set(mentions.map(\.entity)).count == 1)
        #expect(mentions.first?.entity == IRI(Gazetteer.entityBase + "ner/person/hugo-de-jonge"))
    }

    @Test func aShortFormOfAGazetteerNameLinksToItsEntity() async throws {
        let halsema = IRI(Gazetteer.entityBase + "person/femke-halsema")
        let preset = [
            Mention(
                span: Span(start: 0, end: 13), entityClass: .schema("Person"), entity: halsema,
                source: "GazetteerTagger")
        ]
        let document = try await recognize("Femke Halsema sprak. Ik zag Halsema gisteren.", preset: preset)
        #expect(found(document).map(\.entity) == [halsema])
    }

    @Test func mentionsFoundEarlierWin() async throws {
        let preset = [
            Mention(span: Span(start: 7, end: 16), entityClass: .schema("Corporation"), source: "GazetteerTagger")
        ]
        let document = try await recognize("Ik zag Vermeulen gisteren.", preset: preset)
        #expect(found(document).isEmpty)
        #expect(document[Mentions.self] == preset)
    }

    @Test func namesBelowTheConfidenceThresholdAreLeftOut() async throws {
        #expect(found(try await recognize("Ik zag Vermeulen gisteren.", minimumConfidence: 1.01)).isEmpty)
    }

    @Test func emptyDocumentsPassUnchanged() async throws {
        #expect(found(try await recognize("")).isEmpty)
    }

    @Test func inAPipelineTheGraphTypesTheNamesWithConfidence() async throws {
        var options = TextGraphPipeline.Options()
        options.entityModel = ToyNames.model
        let pipeline = try TextGraphPipeline.make(gazetteer: Fixtures.gazetteer, options: options)
        var harness = StageHarness(pipeline)
        let out = try await harness.feed(
            SourceDocument(id: "d.txt", content: .bytes(Array("Ik zag Vermeulen gisteren in China.".utf8))))
        #expect(try await harness.finish().isClean)
        let triples = out[0].triples + out[0].sharedTriples
        let person = IRI(Gazetteer.entityBase + "ner/person/vermeulen")
        #expect(triples.contains(Triple(person, Vocabulary.rdfType.iri, .schema("Person"))))
        #expect(triples.contains(Triple(person, Vocabulary.rdfType.iri, EntityRecognizer.recognizedEntity)))
        #expect(triples.contains { $0.predicate == IRI(Vocabulary.Namespace.itsrdf.iri + "taConfidence") })
        // The gazetteer's China is still China.
        #expect(
            triples.contains {
                $0.predicate == IRI(Vocabulary.Namespace.itsrdf.iri + "taIdentRef")
                    && $0.object == .iri(IRI(Gazetteer.entityBase + "country/cn"))
            })
    }

    @Test func noModelLeavesTheRecognizerOut() throws {
        var options = TextGraphPipeline.Options()
        options.recognizesNames = false
        #expect(
            !(try TextGraphPipeline.make(gazetteer: Fixtures.gazetteer, options: options)).descriptors.map(\.name)
                .contains("EntityRecognizer"))
    }

    /// The bundled model in the standard analysis loses no mention the gazetteers and patterns found.
    @Test func theRecognizerLosesNoGazetteerHit() async throws {
        func mentions(recognizing: Bool) async throws -> [String: [Mention]] {
            var options = TextGraphPipeline.Options()
            options.recognizesNames = recognizing
            let recognizer = try TextGraphPipeline.recognizer(gazetteer: Fixtures.gazetteer, options: options)
            let pipeline = try Pipeline {
                TextGraphPipeline.analysis(gazetteer: Fixtures.gazetteer, options: options, recognizer: recognizer)
            }
            var result: [String: [Mention]] = [:]
            for source in try CorpusSource(inputs: [Fixtures.packageRoot.appendingPathComponent("corpus").path]) {
                var harness = StageHarness(pipeline)
                let out = try await harness.feed(source)
                result[source.id] = out.first?[Mentions.self] ?? []
            }
            return result
        }
        let without = try await mentions(recognizing: false)
        let with = try await mentions(recognizing: true)
        #expect(without.count == 2)
        for (id, before) in without {
            let after = with[id] ?? []
            #expect(!before.isEmpty)
            for mention in before { #expect(after.contains(mention), "\(id): lost \(mention)") }
        }
    }
}

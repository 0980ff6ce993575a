import Foundation
import Pipeline
import Stages
import Testing

/// The importers of open reference data, each on a small excerpt in the source's own columns.
@Suite struct ReferenceImporterTests {
    static func table(_ rows: [String]) throws -> TabularFile {
        try TabularFile(text: rows.joined(separator: "\n") + "\n", source: "excerpt.tsv")
    }

    static func iri(_ id: String) -> IRI { IRI(Gazetteer.entityBase + id) }

    @Test func bwbRegulationsBecomeLawsWithTheirIdentifierPageAndSource() throws {
        let regulations = try Self.table([
            "bwb_id\tregeling_soort\tciteertitel\tciteertitel_uit_tekst\tciteertitel_uit_opschrift\topschrift\tn_aangehaald_als\tnaam_uit_pad\trepo_path",
            "BWBR0005416\twet\tGemeentewet\t\t\t\t0\tgemeentewet\tx",
            "BWBR0007198\tAMvB\tOpenbaarheid archiefbescheiden ‹Archiefwet 1962›\t\t\t\t0\tx\tx",
            "BWBR0001888\twet\t\t\t\t\t0\tziektewet\tx",
            "BWBR0001889\twet\t\t\t\t\t0\twet tot regeling van etc\tx",
            "BWBR0009999\tzbo\tBesluit van een zbo\t\t\t\t0\tx\tx",
            "BWBR0000001\twet\tDienst\t\t\t\t0\tdienst\tx",
        ])
        let abbreviations = try Self.table([
            "bwb_id\tciteertitel\tafkorting_of_verkorte_naam\tvermeldingen\tciterende_regelingen\tlijkt_afkorting",
            "BWBR0005416\tGemeentewet\tGemw\t3\t2\t1",
            "BWBR0005416\tGemeentewet\tde wet\t9\t1\t0",
        ])
        let laws = try BWBImporter().gazetteer(regulations: regulations, abbreviations: abbreviations)
        let gemeentewet = try #require(laws[Self.iri("law/gemeentewet")])
        #expect(gemeentewet.types == [.schema("Legislation")])
        #expect(gemeentewet.identifiers == ["BWBR0005416"])
        #expect(gemeentewet.pages == ["https://wetten.overheid.nl/BWBR0005416"])
        #expect(gemeentewet.sources == [GazetteerSource.bwb])
        #expect(gemeentewet.aliases == ["Gemw"])
        // The title quoted in a heading, its year-less form as an alias.
        let archiefwet = try #require(laws[Self.iri("law/archiefwet-1962")])
        #expect(archiefwet.aliases == ["Archiefwet"])
        // A regulation without a citation title is named from its folder, first letter restored.
        #expect(laws[Self.iri("law/ziektewet")]?.labels == [Literal("Ziektewet", language: "nl")])
        // Cut-short names, other kinds, and one word that names no kind of act are left out.
        #expect(laws.count == 3)
    }

    @Test func tweedeKamerMembersGetTheirPartyAndTheAliasesPapersUse() throws {
        let persons = try Self.table([
            "persoon_id\tnummer\ttitels\tinitialen\troepnaam\tvoornamen\ttussenvoegsel\tachternaam\tgeslacht\tfunctie_okt2025\tfractie",
            "p1\t1\t\tM.H.\tMirjam\tMirjam Hannah\t\tBikker\tvrouw\tTweede Kamerlid\tChristenUnie",
            "p2\t2\t\tS.R.T.\tStephan\tStephan\tvan\tBaarle\tman\tTweede Kamerlid\tDENK",
            "p3\t3\t\tP.H.\tPieter\tPieter\t\tOmtzigt\tman\tOud Kamerlid\tOmtzigt",
            "p4\t4\t\t\t\t\t\t\t\t\tVVD",
        ])
        let groups = try Self.table([
            "fractie_id\tnummer\tafkorting\tnaam_nl\tnaam_en",
            "g1\t1\tChristenUnie\tChristenUnie\tChristian Union",
            "g2\t2\tDENK\tDENK\tDENK",
            "g3\t3\tOmtzigt\tOmtzigt\tOmtzigt",
        ])
        let people = try TweedeKamerImporter().people(persons: persons, groups: groups)
        let bikker = try #require(people[Self.iri("person/mirjam-bikker")])
        #expect(bikker.aliases == ["Bikker", "M.H. Bikker"])
        #expect(bikker.memberOf == [Self.iri("party/christenunie")])
        #expect(bikker.identifiers == ["p1"])
        let vanBaarle = try #require(people[Self.iri("person/stephan-van-baarle")])
        #expect(vanBaarle.aliases == ["Van Baarle", "van Baarle", "S.R.T. van Baarle"])
        // A group named after a member is the member's name, not a party.
        #expect(people[Self.iri("party/omtzigt")] == nil)
        #expect(people[Self.iri("person/pieter-omtzigt")]?.memberOf == [])
        #expect(people.count == 5)  // two parties, three people; the row without a name is skipped
    }

    @Test func tweedeKamerCasesGiveTheLawsTheyName() throws {
        let cases = try Self.table([
            "zaak_nummer\tsoort\tgestart_op\tvergaderjaar\ttitel\tciteertitel\talias\tciteertitel_uit_titel",
            "2016Z16372\tWetgeving\t2016\t\tx\tKlimaatwet\t\t",
            "2019Z00027\tInitiatiefwetgeving\t2019\t\tx\tWijzigingswet Woo\t\t",
            "2020Z00001\tWetgeving\t2020\t\tx\t\t\tTrb. 1999, 174",
            "2020Z00002\tBegroting\t2020\t\tx\tBegrotingswet\t\t",
            "2021Z00003\tVerdrag\t2021\t\tx\t\t\tVerdrag inzake de bescherming van de Rijn",
        ])
        let laws = try TweedeKamerImporter().laws(cases: cases)
        #expect(
            laws.entries.map { Gazetteer.entityID($0.iri) }.sorted() == [
                "law/klimaatwet", "law/verdrag-inzake-de-bescherming-van-de-rijn", "law/wijzigingswet-woo",
            ])
        #expect(laws[Self.iri("law/klimaatwet")]?.identifiers == ["2016Z16372"])
        #expect(laws[Self.iri("law/klimaatwet")]?.sources == [GazetteerSource.tweedeKamer])
    }

    @Test func tooiMunicipalitiesAreAreasWithTheirOfficialNameAndWikidataItem() throws {
        let header =
            "tooi_uri\torganisatiecode\tcode\tofficiele_naam_excl_soort\tofficiele_naam_incl_soort\tvoorkeursnaam_excl_soort\tvoorkeursnaam_incl_soort\tafkorting\tligt_in_provincie\tbegindatum\teinddatum\towms_id\ttypes"
        let municipalities = try Self.table([
            header,
            "u\tgm0518\t0518\t's-Gravenhage\tgemeente 's-Gravenhage\tDen Haag\tgemeente Den Haag\t\tpv28\t\t\tx\tGemeente",
            "u\tgm0893\t0893\tBergen (L)\tgemeente Bergen (L)\tBergen (L)\tgemeente Bergen (L)\t\tpv31\t\t\tx\tGemeente",
            "u\tgm0003\t0003\tAppingedam\tgemeente Appingedam\tAppingedam\tgemeente Appingedam\t\tpv20\t\t2020-12-31\tx\tGemeente",
        ])
        let wikidata = try Self.table([
            "wikidata_qid\twikidata_label\ttooi_organisatiecode", "Q36600\tDen Haag\tgm0518",
        ])
        let importer = TOOIImporter()
        let places = try importer.municipalities(
            municipalities, wikidata: ["gm0518": IRI("http://www.wikidata.org/entity/Q36600")])
        let denHaag = try #require(places[Self.iri("municipality/gm0518")])
        #expect(denHaag.types == [.schema("AdministrativeArea")])
        #expect(denHaag.labels == [Literal("Den Haag", language: "nl")])
        #expect(denHaag.aliases == ["'s-Gravenhage"])
        #expect(denHaag.sameAs == [IRI("http://www.wikidata.org/entity/Q36600")])
        #expect(denHaag.identifiers == ["gm0518"])
        #expect(places[Self.iri("municipality/gm0893")]?.aliases == ["Bergen"])
        #expect(places[Self.iri("municipality/gm0003")] == nil, "a dissolved municipality is left out")
        _ = wikidata
    }

    @Test func tooiWaterBoardsKeepTheirKindWhenTheirNameIsARegion() throws {
        let table = try Self.table([
            "organisatiecode\tofficiele_naam_excl_soort\tvoorkeursnaam_excl_soort\tvoorkeursnaam_incl_soort\teinddatum",
            "ws0001\tLimburg\tLimburg\twaterschap Limburg\t",
            "ws0002\tHoogheemraadschap van Delfland\tHoogheemraadschap van Delfland\twaterschap Hoogheemraadschap van Delfland\t",
        ])
        let boards = try TOOIImporter().waterBoards(table)
        #expect(boards[Self.iri("water-board/ws0001")]?.labels == [Literal("Waterschap Limburg", language: "nl")])
        #expect(boards[Self.iri("water-board/ws0001")]?.aliases == ["waterschap Limburg"])
        #expect(
            boards[Self.iri("water-board/ws0002")]?.labels == [
                Literal("Hoogheemraadschap van Delfland", language: "nl")
            ])
    }

    @Test func geoNamesKeepsOnlyAlternateNamesDutchTextAttests() throws {
        let table = try Self.table([
            "geonameid\tname\tcountry_code\tadmin1_code\tpopulation\tlatitude\tlongitude\talternate_names_latin",
            "2988507\tParis\tFR\t11\t2138551\t0\t0\tPAR|Parigi|Parijs|Lutetia",
            "3577159\tNoord\tAW\t00\t24193\t0\t0\t",
            "2759000\tBestwijk\tNL\t06\t800\t0\t0\t",
            "2759001\tHuizen\tNL\t07\t41000\t0\t0\t",
            "2759002\tBestwijk\tNL\t06\t600\t0\t0\t",
            "2759003\tBestwijk\tBE\t06\t700\t0\t0\t",
        ])
        let importer = GeoNamesImporter(
            attestedNames: [Gazetteer.foldedName("Parijs")], excludedNames: [Gazetteer.foldedName("huizen")],
            minimumPopulation: 500
        )
        let places = try importer.gazetteer(table)
        let paris = try #require(places[Self.iri("place/geonames-2988507")])
        #expect(paris.aliases == ["Parijs"])
        #expect(paris.types == [.schema("City")])
        #expect(paris.sources == [GazetteerSource.geoNames])
        #expect(places[Self.iri("place/geonames-3577159")] == nil, "a compass word is no place name")
        #expect(places[Self.iri("place/geonames-2759001")] == nil, "a common word is left out")
        // Of one country's places of one name, the most populous; another country's stays apart.
        #expect(places[Self.iri("place/geonames-2759000")] != nil)
        #expect(places[Self.iri("place/geonames-2759002")] == nil)
        #expect(places[Self.iri("place/geonames-2759003")] != nil)
        #expect(places.count == 3)
    }

    @Test func minedAbbreviationsJoinKnownEntitiesOrMakeOnlyPlainlyNamedOnes() throws {
        let known = Gazetteer([
            GazetteerEntry(
                iri: Self.iri("agency/acm"), types: [.schema("GovernmentOrganization")],
                labels: [Literal("Autoriteit Consument en Markt", language: "nl")])
        ])
        let pairs = try Self.table([
            "afkorting\tvoluit\tvermeldingen\tvermeldingen_tk_2023_2025\tvermeldingen_bwb_2017\teerste_letter_gelijk",
            "ACM\tAutoriteit Consument en Markt\t5\t3\t2\t1",
            "DUO\tDienst Uitvoering Onderwijs\t23\t0\t23\t1",
            "DUO\tDienst Uitvoering Ontslaguitkeringsregelingen\t2\t0\t2\t1",
            "OM\tOperations Manual\t2\t0\t2\t1",
            "VNG\tNederlandse Gemeenten\t31\t2\t29\t0",
            "XYZ\tXylofoon Yoghurt Zaak\t1\t0\t1\t1",
            "AB\tAlpha Bureau\t4\t0\t4\t1",
            "AB\tAlgemene Bond\t3\t0\t3\t1",
        ])
        let abbreviations = try AbbreviationImporter(known: known).gazetteer(pairs)
        #expect(abbreviations[Self.iri("agency/acm")]?.aliases == ["ACM"])
        let duo = try #require(abbreviations[Self.iri("org/dienst-uitvoering-onderwijs")])
        #expect(duo.types == [.schema("GovernmentOrganization")])
        #expect(duo.aliases == ["DUO"])
        // A long form that names no kind of thing, one seen once, one not dominant: no entity.
        #expect(abbreviations.count == 2)
    }

    @Test func missingColumnsAreNamedInTheError() throws {
        let error = #expect(throws: StageError.self) {
            _ = try BWBImporter().gazetteer(regulations: try Self.table(["bwb_id\tx", "a\tb"]))
        }
        #expect(error?.message.contains("regeling_soort") == true)
        #expect(error?.message.contains("excerpt.tsv") == true)
    }
}

/// Reconciling gazetteer layers: one node per real-world entity, curated lists winning.
@Suite struct GazetteerLayeringTests {
    static func entry(_ id: String, _ type: String, _ label: String, aliases: [String] = [], memberOf: [String] = [])
        -> GazetteerEntry
    {
        GazetteerEntry(
            iri: ReferenceImporterTests.iri(id), types: [.schema(type)], labels: [Literal(label, language: "nl")],
            aliases: aliases,
            memberOf: memberOf.map(ReferenceImporterTests.iri)
        )
    }

    @Test func anEntryNamedLikeOneEntityOfItsKindAboveBecomesThatEntity() {
        let curated = Gazetteer([
            Self.entry("party/groenlinks", "PoliticalParty", "GroenLinks"), Self.entry("person/x", "Person", "Limburg"),
        ])
        let lower = Gazetteer([
            Self.entry("party/gl", "PoliticalParty", "GroenLinks", aliases: ["GL"]),
            Self.entry("person/a", "Person", "An Jansen", memberOf: ["party/gl"]),
            Self.entry("province/pv31", "AdministrativeArea", "Limburg"),
        ])
        let reconciled = curated.reconciling(lower)
        #expect(reconciled[ReferenceImporterTests.iri("party/groenlinks")]?.aliases == ["GL"])
        #expect(reconciled[ReferenceImporterTests.iri("party/gl")] == nil)
        #expect(
            reconciled[ReferenceImporterTests.iri("person/a")]?.memberOf == [
                ReferenceImporterTests.iri("party/groenlinks")
            ])
        // A place and a person of one name are two entities: the name is shared.
        #expect(reconciled[ReferenceImporterTests.iri("province/pv31")]?.labels.first?.lexicalForm == "Limburg")
        // Loaded after the curated list, the two parties are one node with the curated label.
        let loaded = curated.combining(reconciled)
        #expect(
            loaded[ReferenceImporterTests.iri("party/groenlinks")]?.labels == [Literal("GroenLinks", language: "nl")])
        #expect(loaded.count == 4)
    }

    @Test func aNoisyLayerLosesTheNamesAboveItAndEntriesLeftWithoutAName() {
        var country = Self.entry("country/gb", "Country", "Verenigd Koninkrijk")
        country.adjectives = ["Engels"]
        let curated = Gazetteer([country, Self.entry("person/y", "Person", "Mark Rutte", aliases: ["Rutte"])])
        let places = Gazetteer([
            Self.entry("place/geonames-1", "City", "Engels"),
            Self.entry("place/geonames-2", "City", "Rutte", aliases: ["Rutteville"]),
            Self.entry("place/geonames-3", "City", "Parijs"),
        ])
        let reconciled = curated.reconciling(places, collidingNames: .drop)
        #expect(reconciled[ReferenceImporterTests.iri("place/geonames-1")] == nil)
        #expect(
            reconciled[ReferenceImporterTests.iri("place/geonames-2")]?.labels == [
                Literal("Rutteville", language: "nl")
            ])
        #expect(reconciled[ReferenceImporterTests.iri("place/geonames-3")] != nil)
        // With .keep the names are shared instead.
        #expect(curated.reconciling(places).count == 3)
    }
}

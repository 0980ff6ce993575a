import Foundation
import Pipeline
import Stages
import Testing

@Suite struct TEIOrganizationImporterTests {
    /// A small listOrg in ParlaMint's shape: names in several languages, an abbreviation,
    /// terms in a nested listEvent, and CHES data whose orgName is not the party's name.
    static let listOrg = """
        <?xml version="1.0" encoding="UTF-8"?>
        <listOrg xmlns="http://www.tei-c.org/ns/1.0" xml:id="ParlaMint-NL-listOrg" xml:lang="nl">
          <org xml:id="ministry.BZ" role="ministry">
            <orgName full="yes" xml:lang="nl">Ministerie van Buitenlandse Zaken</orgName>
            <orgName full="yes" xml:lang="en">Ministry of Foreign Affairs</orgName>
            <orgName full="abb">BZ</orgName>
            <idno type="URI" subtype="wikimedia">https://nl.wikipedia.org/wiki/Ministerie_van_Buitenlandse_Zaken_(Nederland)</idno>
          </org>
          <org xml:id="TK" role="parliament" ana="#parla.national #parla.lower">
            <orgName xml:lang="en" full="yes">Lower House of the Dutch Parliament</orgName>
            <orgName xml:lang="nl" full="yes">Tweede Kamer der Staten-Generaal</orgName>
            <listEvent>
              <event xml:id="TK.30" from="2022-01-10"><label xml:lang="en">Term 30</label></event>
            </listEvent>
          </org>
          <org role="parliamentaryGroup" xml:id="party.SP">
            <orgName full="yes">Socialistische  Partij</orgName>
            <orgName full="abb">SP</orgName>
            <state type="CHES"><label><orgName full="abb" xml:lang="en">SP-NL</orgName></label></state>
            <idno type="URI">https://www.wikidata.org/wiki/Q849580</idno>
          </org>
          <org xml:id="party.GroepKuzu-Öztürk" role="politicalParty">
            <orgName full="yes">Groep Kuzu/Öztürk</orgName>
          </org>
          <org xml:id="ngo.X" role="nonGovernmentalOrganization" xml:lang="en">
            <orgName>Example Foundation</orgName>
            <orgName full="init">EF</orgName>
          </org>
          <org xml:id="empty" role="ministry"/>
        </listOrg>
        """

    func iri(_ id: String) -> IRI { IRI(Gazetteer.entityBase + id) }

    @Test func organizationsGetTheirNamesClassesAndBundledIDs() throws {
        let gazetteer = try TEIOrganizationImporter().gazetteer(fromXML: Array(Self.listOrg.utf8))
        #expect(
            gazetteer.entries.map { Gazetteer.entityID($0.iri) } == [
                "gov/ministerie-van-buitenlandse-zaken", "gov/tweede-kamer", "party/sp", "party/groepkuzu-ozturk",
                "org/ngo-x",
            ])
        let bz = gazetteer.entries[0]
        #expect(bz.types == [.schema("GovernmentOrganization")])
        #expect(
            bz.labels == [
                Literal("Ministerie van Buitenlandse Zaken", language: "nl"),
                Literal("Ministry of Foreign Affairs", language: "en"),
            ])
        #expect(bz.aliases == ["BZ"])
        #expect(bz.pages.count == 1 && bz.sameAs.isEmpty)

        #expect(gazetteer.entries[1].labels.map(\.language) == ["en", "nl"])
        let sp = gazetteer.entries[2]
        #expect(sp.types == [.schema("PoliticalParty"), .schema("Organization")])
        // the list's language, spaces collapsed
        #expect(sp.labels == [Literal("Socialistische Partij", language: "nl")])
        #expect(sp.aliases == ["SP"])  // not the CHES label
        #expect(sp.sameAs == [IRI("http://www.wikidata.org/entity/Q849580")])
        let ngo = gazetteer.entries[4]
        #expect(ngo.types == [.schema("Organization")])
        #expect(ngo.labels == [Literal("Example Foundation", language: "en")])
        #expect(ngo.aliases == ["EF"])
    }

    @Test func importedOrganizationsCombineWithTheBundledOnes() throws {
        let imported = try TEIOrganizationImporter().gazetteer(fromXML: Array(Self.listOrg.utf8))
        let combined = Fixtures.gazetteer.combining(imported)
        #expect(combined.count == Fixtures.gazetteer.count + 2)  // the Kuzu/Öztürk group and the NGO are new
        let tk = try #require(combined[iri("gov/tweede-kamer")])
        #expect(tk.labels.first == Literal("Tweede Kamer", language: "nl"))
        #expect(tk.aliases.contains("Tweede Kamer der Staten-Generaal"))
    }

    @Test func malformedXMLIsReportedWithItsLine() {
        let error = #expect(throws: StageError.self) {
            _ = try TEIOrganizationImporter().gazetteer(
                fromXML: Array("<listOrg>\n<org xml:id='a'>\n<orgName>A</org>".utf8))
        }
        #expect(error?.message.contains("line 3") == true)
    }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func parlaMintOrganizationsLandOnBundledEntities() throws {
        // The shared excerpt of ParlaMint-NL's listOrg (as TSV: its first column is the xml:id).
        let excerpt = try String(
            contentsOfFile: try SharedData.path("parlamint-nl/ParlaMint-NL-listOrg.excerpt.tsv"), encoding: .utf8)
        let ids = excerpt.split(separator: "\n").dropFirst().compactMap {
            $0.split(separator: "\t").first.map(String.init)
        }
        #expect(ids.count == 16)
        for id in ids {
            let entity = iri(ParlaMintOrganizations.entityID(for: id))
            #expect(Fixtures.gazetteer[entity] != nil, "\(id) -> \(entity.value) is not bundled")
        }
        // And every party a ParlaMint person belongs to gets an id by the same rule.
        let people = try TEIPersonList.load(path: TEIPersonImporterTests.parlaMintPath)
        let refs = Set(people.flatMap(\.affiliations).map(\.organization).filter { $0.hasPrefix("party.") })
        #expect(refs.count == 35)
        let mapped = Set(refs.map(ParlaMintOrganizations.entityID(for:)))
        #expect(mapped.count == 35)
        #expect(mapped.allSatisfy { $0.hasPrefix("party/") })
    }
}

import Foundation
import Pipeline
import PipelineTesting
import Stages
import Testing

@Suite struct TEIPersonImporterTests {
    static let listPerson = """
        <?xml version="1.0" encoding="UTF-8"?>
        <listPerson xmlns="http://www.tei-c.org/ns/1.0" xml:lang="nl">
          <person xml:id="AnouchkavanMiltenburg">
            <persName><surname>van Miltenburg</surname><forename>Anouchka</forename></persName>
            <affiliation role="member" ref="#party.VVD"/>
            <affiliation role="head" ref="#TK" from="2012-09-25"/>
            <idno type="URI" subtype="wikimedia">https://nl.wikipedia.org/wiki/Anouchka_van_Miltenburg</idno>
          </person>
          <person xml:id="JanAnthonieBruijn">
            <persName><surname>Bruijn</surname><forename>Jan Anthonie</forename></persName>
            <affiliation role="member" ref="#party.GL"/>
            <affiliation role="member" ref="#party.GroepKuzu-Öztürk"/>
            <idno type="URI">https://www.wikidata.org/wiki/Q2161711</idno>
          </person>
          <person xml:id="JoelVoordewind">
            <persName><surname>Voordewind</surname><forename>Joël</forename></persName>
            <affiliation role="member" ref="#party.ChristenUnie"/>
          </person>
          <person xml:id="JoelWeerwind">
            <persName><surname>Voordewind</surname><forename>Joël</forename></persName>
            <affiliation role="member" ref="#party.CU"/>
            <idno type="URI">https://nl.wikipedia.org/wiki/Jo%C3%ABl_Voordewind</idno>
          </person>
          <person xml:id="Nameless"><persName/></person>
        </listPerson>
        """

    func iri(_ id: String) -> IRI { IRI(Gazetteer.entityBase + id) }

    @Test func eachPersonBecomesOnePersonWithNameVariantsAndParties() throws {
        let gazetteer = TEIPersonImporter().gazetteer(from: try TEIPersonList.parse(Array(Self.listPerson.utf8)))
        #expect(
            gazetteer.entries.map { Gazetteer.entityID($0.iri) } == [
                "person/anouchka-van-miltenburg", "person/jan-anthonie-bruijn", "person/joel-voordewind",
            ])
        let miltenburg = gazetteer.entries[0]
        #expect(miltenburg.types == [.schema("Person")])
        #expect(miltenburg.labels == [Literal("Anouchka van Miltenburg", language: "nl")])
        #expect(miltenburg.aliases == ["Van Miltenburg", "van Miltenburg", "A. van Miltenburg"])
        #expect(miltenburg.memberOf == [iri("party/vvd")])  // TK is no party
        #expect(miltenburg.sameAs.isEmpty)  // a Wikipedia page is no identifier
        #expect(miltenburg.pages == ["https://nl.wikipedia.org/wiki/Anouchka_van_Miltenburg"])

        let bruijn = gazetteer.entries[1]
        #expect(bruijn.aliases == ["Bruijn", "J.A. Bruijn"])
        #expect(bruijn.memberOf == [iri("party/groenlinks"), iri("party/groepkuzu-ozturk")])
        #expect(bruijn.sameAs == [IRI("http://www.wikidata.org/entity/Q2161711")])

        // The list holds Joël Voordewind twice: one entry with both records' facts.
        let voordewind = gazetteer.entries[2]
        #expect(voordewind.memberOf == [iri("party/christenunie")])
        #expect(voordewind.pages == ["https://nl.wikipedia.org/wiki/Jo%C3%ABl_Voordewind"])
    }

    @Test func initialsComeFromTheForenames() {
        let person = { (forename: String) in TEIPerson(id: "x", forename: forename, surname: "Segers") }
        #expect(TEIPersonImporter().entry(for: person("Gert-Jan"))?.aliases == ["Segers", "G.J. Segers"])
        #expect(TEIPersonImporter().entry(for: person("G.J."))?.aliases == ["Segers"])
        #expect(TEIPersonImporter().entry(for: person(""))?.aliases == [])  // the surname is the label
        #expect(TEIPersonImporter().entry(for: TEIPerson(id: "y", forename: "", surname: "")) == nil)
    }

    @Test func malformedListsAreReportedWithTheirFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).xml").path
        try Data("<listPerson><person xml:id='a'>".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = #expect(throws: StageError.self) { _ = try TEIPersonImporter().gazetteer(path: path) }
        #expect(error?.message.hasPrefix(path + ": ") == true)
    }

    // MARK: The ParlaMint-NL person list

    static var parlaMintPath: String { get throws { try SharedData.path("parlamint-nl/ParlaMint-NL-listPerson.xml") } }

    static func parlaMint() throws -> Gazetteer { try TEIPersonImporter().gazetteer(path: try parlaMintPath) }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func parlaMintPeopleImportWithTheBundledIRIsAndParties() throws {
        let people = try Self.parlaMint()
        // 586 records; three people are listed twice under one name.
        #expect(people.count == 583)
        let bundledPeople = Set(Fixtures.gazetteer.entries.filter { $0.types.contains(.schema("Person")) }.map(\.iri))
        let shared = bundledPeople.intersection(people.entries.map(\.iri))
        #expect(shared.count >= 45, "bundled people found under the same IRI: \(shared.count)")
        #expect(people[iri("person/ingrid-michon-derkzen")]?.memberOf == [iri("party/vvd")])
        #expect(people[iri("person/dilan-yesilgoz-zegerius")] != nil)
        // Every party of the big parties is a bundled entity.
        let parties = Set(people.entries.flatMap(\.memberOf))
        for party in [
            "vvd", "pvda", "d66", "cda", "sp", "pvv", "groenlinks", "christenunie", "fvd", "pvdd", "50plus", "sgp",
            "ja21", "denk", "volt", "bij1", "bbb",
        ] {
            #expect(parties.contains(iri("party/" + party)), "no member of party/\(party)")
            #expect(Fixtures.gazetteer[iri("party/" + party)] != nil)
        }
        // The written file reads back as the same gazetteer.
        let read = try Gazetteer.parse(tsv: try people.tsv(), source: "parlamint-people.tsv")
        #expect(read.entries == people.entries)
    }

    @Test(.enabled(if: SharedData.enabled, SharedData.skipMessage))
    func combinedWithTheBundledGazetteerItLinksParlaMintMembers() async throws {
        let gazetteer = Fixtures.gazetteer.combining(try Self.parlaMint())
        // The bundled description survives: Kaag keeps her Wikidata id and gains her party.
        let kaag = try #require(gazetteer[iri("person/sigrid-kaag")])
        #expect(kaag.sameAs == [IRI("http://www.wikidata.org/entity/Q15077856")])
        #expect(kaag.memberOf == [iri("party/d66")])

        let pipeline = try Pipeline<Document, Document> {
            Tokenizer()
            GazetteerTagger(gazetteer: gazetteer)
            EntityLinker(gazetteer: gazetteer)
        }
        var harness = StageHarness(pipeline)
        let text =
            "Het lid Michon-Derkzen (VVD) vroeg het lid Van Miltenburg en mevrouw Arib, en daarna Jan Anthonie Bruijn, naar de brief van minister Kaag."
        let out = try await harness.feed(Document(id: "d", text: text))
        #expect(try await harness.finish().isClean)
        let document = try #require(out.first)
        #expect(document._checkInvariants().isEmpty)
        let linked = (document[Mentions.self] ?? []).map {
            "\(document.text(of: $0.span))=\($0.entity.map(Gazetteer.entityID) ?? "?")"
        }
        #expect(
            linked == [
                "Michon-Derkzen=person/ingrid-michon-derkzen", "VVD=party/vvd",
                "Van Miltenburg=person/anouchka-van-miltenburg",
                "Arib=person/khadija-arib", "Jan Anthonie Bruijn=person/jan-anthonie-bruijn", "Kaag=person/sigrid-kaag",
            ])
    }
}

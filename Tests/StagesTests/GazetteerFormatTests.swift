import Foundation
import Pipeline
import Stages
import Testing

/// The optional columns, writing, combining and slugs of the gazetteer format.
@Suite struct GazetteerFormatTests {
    static let header = GazetteerTests.header

    func iri(_ id: String) -> IRI { IRI(Gazetteer.entityBase + id) }

    @Test func optionalColumnsLoadAndFilesWithoutThemStillLoad() throws {
        let text = """
            id\ttype\tlabel@nl\tlabel@en\taliases\tadjectives\tsame_as\tmember_of\tpage
            person/a-b\tPerson\tA B\t\tB\t\t\tparty/vvd|https://example.org/party\thttps://nl.wikipedia.org/wiki/A_B

            """
        let gazetteer = try Gazetteer.parse(tsv: text, source: "new.tsv")
        let entry = try #require(gazetteer[iri("person/a-b")])
        #expect(entry.memberOf == [iri("party/vvd"), IRI("https://example.org/party")])
        #expect(entry.pages == ["https://nl.wikipedia.org/wiki/A_B"])
        #expect(entry.sameAs.isEmpty)
        let old = try Gazetteer.parse(tsv: Self.header + "x\tCountry\tX\t\t\t\t\n", source: "old.tsv")
        #expect(old.entries[0].memberOf.isEmpty && old.entries[0].pages.isEmpty)
    }

    @Test func idsAndLinksThatWouldMakeInvalidIRIsAreRefusedWhenLoaded() {
        let rows = [
            ("org/a b\"<x>\tOrganization\tA\t\t\t\t\n", "the id \"org/a b\\\"<x>\" holds a space or control character"),
            ("org/a\tOrganization\tA\t\t\t\tnot an iri\n", "the same_as \"not an iri\" not an absolute IRI"),
            (
                "org/a\tOrganization\tA\t\t\t\thttps://example.org/{x}\n",
                "the same_as \"https://example.org/{x}\" holds '{'"
            ),
        ]
        for (row, message) in rows {
            let error = #expect(throws: StageError.self) {
                _ = try Gazetteer.parse(tsv: Self.header + row, source: "bad.tsv")
            }
            #expect(
                error?.message.contains("bad.tsv:2") == true && error?.message.contains(message) == true,
                "\(error?.message ?? "")")
        }
        #expect(IRI.problem(in: "https://w3id.org/textgraph/doc/", absolute: true) == nil)
        #expect(IRI.problem(in: "urn:x", absolute: true) == nil)
        #expect(IRI.problem(in: "person/dilan-yesilgoz-zegerius", absolute: false) == nil)
    }

    @Test func writtenGazetteersReadBackUnchanged() throws {
        let entries = [
            GazetteerEntry(
                iri: iri("person/anouchka-van-miltenburg"), types: [.schema("Person")],
                labels: [Literal("Anouchka van Miltenburg", language: "nl")],
                aliases: ["Van Miltenburg", "van Miltenburg"], memberOf: [iri("party/vvd")],
                pages: ["https://nl.wikipedia.org/wiki/Anouchka_van_Miltenburg"]
            ),
            GazetteerEntry(
                iri: IRI("http://example.org/concept/1"),
                types: [.schema("Organization"), IRI("http://example.org/Class")],
                labels: [
                    Literal("Eén", language: "nl"), Literal("One", language: "en"), Literal("Un", language: "fr"),
                ],
                adjectives: ["enig"], sameAs: [IRI("http://www.wikidata.org/entity/Q1")]
            ),
        ]
        let text = try Gazetteer(entries).tsv(comments: ["source: a test", "second line"])
        #expect(
            text.hasPrefix(
                "# source: a test\n# second line\nid\ttype\tlabel@nl\tlabel@en\tlabel@fr\taliases\tadjectives\tsame_as\tmember_of\tpage\n"
            ))
        #expect(
            text.contains(
                "\nperson/anouchka-van-miltenburg\tPerson\tAnouchka van Miltenburg\t\t\tVan Miltenburg|van Miltenburg\t\t\tparty/vvd\t"
            ))
        let read = try Gazetteer.parse(tsv: text, source: "written.tsv")
        #expect(read.entries == entries)
    }

    @Test func writingRefusesWhatTheFormatCannotHold() {
        let piped = GazetteerEntry(iri: iri("x"), types: [.schema("Thing")], labels: [], aliases: ["A|B"])
        let error = #expect(throws: StageError.self) { _ = try Gazetteer([piped]).tsv() }
        #expect(error?.message == "x: the value 'A|B' contains '|', which separates values in the format")
        let nameless = GazetteerEntry(iri: iri("y"), types: [.schema("Thing")], labels: [])
        #expect(throws: StageError.self) { _ = try Gazetteer([nameless]).tsv() }
    }

    @Test func tabsAndLineBreaksInValuesBecomeSpaces() throws {
        let entry = GazetteerEntry(
            iri: iri("x"), types: [.schema("Thing")], labels: [Literal("A\tB\nC", language: "nl")])
        let read = try Gazetteer.parse(tsv: try Gazetteer([entry]).tsv(), source: "t")
        #expect(read.entries[0].labels == [Literal("A B C", language: "nl")])
    }

    @Test func combiningKeepsTheFirstDescriptionAndAddsNamesAndLinks() throws {
        let bundled = try Gazetteer.parse(
            tsv: Self.header
                + "person/ingrid-michon-derkzen\tPerson\tIngrid Michon-Derkzen\t\tI.J.M. Michon-Derkzen|Michon-Derkzen\t\thttp://www.wikidata.org/entity/Q1\n",
            source: "bundled"
        )
        let imported = Gazetteer([
            GazetteerEntry(
                iri: iri("person/ingrid-michon-derkzen"), types: [.schema("Person"), .schema("Thing")],
                labels: [Literal("Ingrid Michon", language: "nl"), Literal("Ingrid Michon-Derkzen", language: "en")],
                aliases: ["Michon-Derkzen", "I. Michon-Derkzen"], memberOf: [iri("party/vvd")]
            ),
            GazetteerEntry(
                iri: iri("person/other"), types: [.schema("Person")], labels: [Literal("Other", language: "nl")]),
        ])
        let combined = bundled.combining(imported)
        #expect(combined.count == 2)
        let entry = try #require(combined[iri("person/ingrid-michon-derkzen")])
        #expect(entry.types == [.schema("Person")])
        #expect(
            entry.labels == [
                Literal("Ingrid Michon-Derkzen", language: "nl"), Literal("Ingrid Michon-Derkzen", language: "en"),
            ])
        #expect(entry.aliases == ["I.J.M. Michon-Derkzen", "Michon-Derkzen", "Ingrid Michon", "I. Michon-Derkzen"])
        #expect(entry.sameAs == [IRI("http://www.wikidata.org/entity/Q1")])
        #expect(entry.memberOf == [iri("party/vvd")])
        // merging still replaces.
        #expect(bundled.merging(imported)[iri("person/ingrid-michon-derkzen")]?.sameAs == [])
    }

    @Test func slugsFollowTheBundledPeopleRule() throws {
        #expect(Gazetteer.slug("Dilan Yeşilgöz-Zegerius") == "dilan-yesilgoz-zegerius")
        #expect(Gazetteer.slug("António Costa") == "antonio-costa")
        #expect(Gazetteer.slug("Bas van 't Wout") == "bas-van-t-wout")
        #expect(Gazetteer.slug("  Gert-Jan   Segers ") == "gert-jan-segers")
        #expect(Gazetteer.slug("Giselle Mc. William") == "giselle-mc-william")
        #expect(Gazetteer.slug("Ĳsbrand Œdipus Straße") == "ijsbrand-oedipus-strasse")
        #expect(Gazetteer.slug("Ζεύς") == "ζευσ")  // Foundation folds the final sigma
        // Every bundled person's id is the slug of its label.
        for entry in Fixtures.gazetteer.entries where entry.types.contains(.schema("Person")) {
            let label = try #require(entry.labels.first?.lexicalForm)
            #expect(Gazetteer.entityID(entry.iri) == "person/" + Gazetteer.slug(label))
        }
    }
}

import Foundation
import Pipeline
import Stages
import Testing

@Suite struct CSVGazetteerImporterTests {
    func iri(_ id: String) -> IRI { IRI(Gazetteer.entityBase + id) }

    @Test func readsQuotedFieldsAndMapsColumnsByName() throws {
        let csv =
            "\u{FEFF}id,type,label@nl,aliases,extra,member_of\r\n"
            + "org/asml,Corporation,ASML,\"ASML Holding|ASML Holding N.V.\",x,\r\n"
            + "org/quote,Organization,\"Het \"\"Bureau\"\", Den Haag\",,\"two\nlines\",party/vvd\r\n"
            + "\r\n"
            + "org/last,Organization,Laatste,,,"
        let gazetteer = try CSVGazetteerImporter().gazetteer(csv: csv, source: "orgs.csv")
        #expect(gazetteer.entries.map { Gazetteer.entityID($0.iri) } == ["org/asml", "org/quote", "org/last"])
        #expect(gazetteer.entries[0].aliases == ["ASML Holding", "ASML Holding N.V."])
        #expect(gazetteer.entries[1].labels == [Literal("Het \"Bureau\", Den Haag", language: "nl")])
        #expect(gazetteer.entries[1].memberOf == [iri("party/vvd")])
    }

    @Test func theDelimiterCanBeASemicolon() throws {
        let gazetteer = try CSVGazetteerImporter(delimiter: ";").gazetteer(
            csv: "id;type;label@nl\nx;Place;A, B\n", source: "s.csv")
        #expect(gazetteer.entries[0].labels == [Literal("A, B", language: "nl")])
    }

    @Test func errorsNameTheFileAndTheRecordsLine() {
        let cases: [(String, String)] = [
            ("id,type,label@nl\nx,Place\n", "c.csv:2: expected 3 fields, found 2"),
            ("id,type,label@nl\nx,Place,\"open\n\n", "c.csv:2: a quoted field is not closed"),
            (
                "id,type,label@nl\n\"a\nb\",Place,A\ny,Place,B\"c\n",
                "c.csv:4: a quote inside an unquoted field (quote the field and write \"\")"
            ),
            ("id,type,label@nl\nx,Place,\"A\"B\n", "c.csv:2: text after the closing quote of a field"),
            ("name,label@nl\n", "c.csv:1: the header must name the columns id and type"),
            ("id,type,label@nl\nx,,A\n", "c.csv:2: \(Gazetteer.entityBase)x has no type"),
        ]
        for (csv, message) in cases {
            let error = #expect(throws: StageError.self) {
                _ = try CSVGazetteerImporter().gazetteer(csv: csv, source: "c.csv")
            }
            #expect(error?.message == message)
        }
    }
}

import Foundation
import Pipeline
import Stages
import Testing

@Suite struct ISO3166ImporterTests {
    static let json = """
        {"3166-1": [
          {"alpha_2": "KR", "alpha_3": "KOR", "name": "Korea, Republic of", "numeric": "410", "common_name": "South Korea"},
          {"alpha_2": "NL", "alpha_3": "NLD", "name": "Netherlands", "numeric": "528", "official_name": "Kingdom of the Netherlands"},
          {"alpha_2": "BQ", "alpha_3": "BES", "name": "Bonaire, Sint Eustatius and Saba", "numeric": "535"},
          {"alpha_2": "XX", "alpha_3": "XXX", "name": "Untranslated", "numeric": "999"}
        ]}
        """

    static let po = """
        # Dutch translation of ISO 3166-1
        msgid ""
        msgstr ""
        "Language: nl\\n"

        msgid "Korea, Republic of"
        msgstr "Korea, Republiek"

        msgid "South Korea"
        msgstr "Zuid-Korea"

        #, fuzzy
        msgid "Netherlands"
        msgstr "Fout"

        msgid "Kingdom of the Netherlands"
        msgstr ""
        "Koninkrijk der "
        "Nederlanden"

        msgid "Bonaire, Sint Eustatius and Saba"
        msgstr "Bonaire, Sint Eustatius en Saba"

        msgctxt "test"
        msgid "Quote \\"this\\""
        msgstr "Citeer \\"dit\\"\\t!"
        """

    /// A `.mo` file with the given messages, built as GNU msgfmt lays it out (little-endian).
    static func mo(_ messages: [(String, String)]) -> [UInt8] {
        let sorted = messages.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        let n = sorted.count
        var header: [UInt32] = [0x9504_12DE, 0, UInt32(n), 28, UInt32(28 + 8 * n), 0, UInt32(28 + 16 * n)]
        var strings: [UInt8] = []
        var originals: [UInt32] = []
        var translations: [UInt32] = []
        let base = 28 + 16 * n
        for (id, _) in sorted {
            originals += [UInt32(id.utf8.count), UInt32(base + strings.count)]
            strings += Array(id.utf8) + [0]
        }
        for (_, translation) in sorted {
            translations += [UInt32(translation.utf8.count), UInt32(base + strings.count)]
            strings += Array(translation.utf8) + [0]
        }
        header += originals + translations
        return header.flatMap { word in (0..<4).map { UInt8((word >> (8 * $0)) & 0xFF) } } + strings
    }

    @Test func poCatalogsKeepTranslatedNonFuzzyMessages() throws {
        let catalog = try GettextCatalog.parse(po: Self.po, source: "nl.po")
        #expect(catalog["Korea, Republic of"] == "Korea, Republiek")
        #expect(catalog["Kingdom of the Netherlands"] == "Koninkrijk der Nederlanden")
        #expect(catalog["Netherlands"] == nil)  // fuzzy
        #expect(catalog["Quote \"this\""] == "Citeer \"dit\"\t!")
        #expect(catalog[""] == nil)
        let error = #expect(throws: StageError.self) {
            _ = try GettextCatalog.parse(po: "msgid \"a\nmsgstr \"b\"", source: "bad.po")
        }
        #expect(error?.message.hasPrefix("bad.po:1: ") == true)
    }

    @Test func moCatalogsReadLikeTheirPoText() throws {
        let bytes = Self.mo([
            ("", "Language: nl\n"), ("South Korea", "Zuid-Korea"), ("ctx\u{4}Netherlands", "Nederland"),
            ("Apple\0Apples", "Appel\0Appels"),
        ])
        let catalog = try GettextCatalog.parse(mo: bytes, source: "nl.mo")
        #expect(catalog.translations == ["South Korea": "Zuid-Korea", "Netherlands": "Nederland", "Apple": "Appel"])
        #expect(throws: StageError.self) { _ = try GettextCatalog.parse(mo: Array(bytes.prefix(40)), source: "cut.mo") }
    }

    @Test func countriesGetDutchLabelsInReadingOrder() throws {
        let countries = try ISO3166Importer.countries(json: Data(Self.json.utf8), source: "iso.json")
        let gazetteer = ISO3166Importer().gazetteer(
            countries: countries, translations: try GettextCatalog.parse(po: Self.po, source: "nl.po"))
        #expect(
            gazetteer.entries.map { Gazetteer.entityID($0.iri) } == [
                "country/bq", "country/kr", "country/nl", "country/xx",
            ])
        let kr = gazetteer.entries[1]
        #expect(kr.types == [.schema("Country")])
        #expect(kr.labels == [Literal("Zuid-Korea", language: "nl"), Literal("South Korea", language: "en")])
        #expect(kr.aliases == ["Republiek Korea"])
        #expect(gazetteer.entries[0].labels.first == Literal("Bonaire, Sint Eustatius en Saba", language: "nl"))
        #expect(
            gazetteer.entries[2].labels == [
                Literal("Koninkrijk der Nederlanden", language: "nl"), Literal("Netherlands", language: "en"),
            ])
        #expect(gazetteer.entries[3].labels == [Literal("Untranslated", language: "en")])
    }

    // MARK: Debian's iso-codes and the shared copy

    static let systemJSON = "/usr/share/iso-codes/json/iso_3166-1.json"
    static let systemMO = "/usr/share/locale/nl/LC_MESSAGES/iso_3166-1.mo"
    static var systemDataIsInstalled: Bool {
        FileManager.default.fileExists(atPath: systemJSON) && FileManager.default.fileExists(atPath: systemMO)
    }

    @Test(.enabled(if: systemDataIsInstalled, "needs Debian's iso-codes package (absent: test skipped)"))
    func debiansIsoCodesImportWithTheBundledCountryIDs() throws {
        let gazetteer = try ISO3166Importer().gazetteer(jsonPath: Self.systemJSON, catalogPath: Self.systemMO)
        #expect(gazetteer.count >= 249)
        let iri = { (code: String) in IRI(Gazetteer.entityBase + "country/" + code) }
        #expect(gazetteer[iri("cn")]?.labels.first == Literal("China", language: "nl"))
        #expect(gazetteer[iri("cn")]?.aliases == ["Volksrepubliek China"])
        #expect(gazetteer[iri("kp")]?.labels.first == Literal("Noord-Korea", language: "nl"))
        #expect(gazetteer[iri("kp")]?.aliases.contains("Democratische Volksrepubliek Korea") == true)
        #expect(gazetteer[iri("us")]?.labels.first == Literal("Verenigde Staten", language: "nl"))
        // Every code is a bundled id (Hongkong and Macau are places there, by design).
        let bundled = Set(Fixtures.gazetteer.entries.map(\.iri))
        let missing = gazetteer.entries.map(\.iri).filter { !bundled.contains($0) }
        #expect(missing == [iri("hk"), iri("mo")])
    }

    @Test(.enabled(if: SharedData.enabled && systemDataIsInstalled, SharedData.skipMessage))
    func theSharedPoTextGivesWhatTheMoFileGives() throws {
        let fromPo = try ISO3166Importer().gazetteer(
            jsonPath: try SharedData.path("iso-codes-nl/iso_3166-1.json"),
            catalogPath: try SharedData.path("iso-codes-nl/iso_3166-1.nl.po")
        )
        let fromMo = try ISO3166Importer().gazetteer(jsonPath: Self.systemJSON, catalogPath: Self.systemMO)
        #expect(fromPo.entries == fromMo.entries)
    }
}

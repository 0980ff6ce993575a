public import Foundation
import Pipeline
import TextGraphSupport

/// Turns ISO 3166-1 country codes and their names in Dutch into gazetteer entries.
///
/// Reads Debian's `iso-codes` data: the codes and English names from
/// `/usr/share/iso-codes/json/iso_3166-1.json`, the Dutch names from the gettext catalog
/// `/usr/share/locale/nl/LC_MESSAGES/iso_3166-1.mo` (or its `.po` text, see
/// ``GettextCatalog``). Each country becomes `country/<alpha-2, lowercase>` of class
/// `schema:Country`, the ids of the bundled `countries.tsv`, so the two combine.
///
/// The label in each language is the common name where the data has one ("Zuid-Korea"),
/// else the name. ISO's inverted sort forms are put in reading order: "Korea, Republiek" →
/// "Republiek Korea", "Virgin Islands, British" → "British Virgin Islands" (a list such as
/// "Bonaire, Sint Eustatius en Saba" is left as it is). The other Dutch names (name, official
/// name) are aliases. A name the catalog does not translate is left out of the Dutch side.
public struct ISO3166Importer: Sendable {
    /// The language of the translations.
    public var language: String

    /// Creates an importer for translations in `language` (Dutch by default).
    public init(language: String = "nl") { self.language = language }

    /// One country of `iso_3166-1.json`.
    public struct Country: Decodable, Sendable, Hashable {
        /// The two-letter code ("NL").
        public var alpha2: String
        /// The name ("Korea, Republic of").
        public var name: String
        /// The official name, when it differs ("Kingdom of the Netherlands").
        public var officialName: String?
        /// The common name, when it differs ("South Korea").
        public var commonName: String?

        enum CodingKeys: String, CodingKey {
            case alpha2 = "alpha_2"
            case name
            case officialName = "official_name"
            case commonName = "common_name"
        }

        /// Creates a country.
        public init(alpha2: String, name: String, officialName: String? = nil, commonName: String? = nil) {
            self.alpha2 = alpha2
            self.name = name
            self.officialName = officialName
            self.commonName = commonName
        }
    }

    private struct CountryList: Decodable {
        var countries: [Country]
        enum CodingKeys: String, CodingKey { case countries = "3166-1" }
    }

    /// Parses the `iso_3166-1.json` of `iso-codes`.
    /// - Throws: ``StageError`` naming the file and the decoder's reason.
    public static func countries(json data: Data, source: String) throws -> [Country] {
        do {
            return try JSONDecoder().decode(CountryList.self, from: data).countries
        } catch {
            throw StageError(.invalidData, "\(source): not an iso-codes ISO 3166-1 JSON file: \(error)", cause: error)
        }
    }

    /// The gazetteer of the countries, sorted by code.
    public func gazetteer(countries: [Country], translations: GettextCatalog) -> Gazetteer {
        var gazetteer = Gazetteer()
        for country in countries.sorted(by: { $0.alpha2 < $1.alpha2 }) {
            let english = [country.commonName, country.name, country.officialName].compactMap { $0 }
            let translated = english.compactMap { translations[$0] }.map { Self.readingOrder($0, conjunction: "en") }
            var labels = [Literal(Self.readingOrder(english[0], conjunction: "and"), language: "en")]
            if let label = translated.first { labels.insert(Literal(label, language: language), at: 0) }
            var seen = Set(labels.map(\.lexicalForm))
            let aliases = translated.dropFirst().filter { seen.insert($0).inserted }
            gazetteer.add(
                GazetteerEntry(
                    iri: Gazetteer.entityIRI("country/" + country.alpha2.lowercased()),
                    types: [.schema("Country")],
                    labels: labels,
                    aliases: Array(aliases)
                )
            )
        }
        return gazetteer
    }

    /// Reads the JSON file and a `.mo` or `.po` catalog and imports them.
    /// - Throws: ``StageError`` naming the file at fault.
    public func gazetteer(jsonPath: String, catalogPath: String) throws -> Gazetteer {
        guard let data = FileManager.default.contents(atPath: jsonPath) else {
            throw StageError(.unreadable, "cannot read \(jsonPath)")
        }
        return gazetteer(
            countries: try Self.countries(json: data, source: jsonPath),
            translations: try GettextCatalog.load(path: catalogPath))
    }

    /// "Korea, Republiek" → "Republiek Korea"; "Korea, Republic of" → "Republic of Korea";
    /// a name with no comma, more than one, or a list after it ("Bonaire, Sint Eustatius en
    /// Saba") as it is.
    static func readingOrder(_ name: String, conjunction: String) -> String {
        let parts = name.components(separatedBy: ", ")
        guard parts.count == 2, !parts[1].isEmpty, !parts[1].split(separator: " ").contains(Substring(conjunction)),
            !name.contains("(")
        else { return name }
        return parts[1] + " " + parts[0]
    }
}

import Foundation
import Pipeline
import TextGraphSupport

/// Turns GeoNames places into gazetteer entries of `schema:City`.
///
/// Reads GeoNames extracts (columns `geonameid`, `name`, `country_code`, `population`,
/// `alternate_names_latin`). Each place becomes `place/geonames-<id>` with its main name as
/// label. GeoNames does not say which language an alternate name is in, so alternate names are
/// kept only where Dutch text attests them: the ``attestedNames`` (folded as the matcher folds,
/// written with a capital in a Dutch corpus), so "Parijs" and "Peking" come along and
/// "Pariggi" does not. A place below ``minimumPopulation`` is left out, and so is a name that
/// is an ``excludedNames`` word (a common Dutch word such as "Best", or a name the caller knows
/// for something else).
///
/// Of the places one country has under one name, only the most populous is imported (a town,
/// not its hamlets of the same name). Places of one name in several countries stay apart
/// (Valencia in Spain and in Venezuela); the linker then leaves such a mention unlinked but
/// typed, rather than guess.
public struct GeoNamesImporter: Sendable {
    /// Alternate names Dutch text attests, folded; alternate names not in it are left out.
    public var attestedNames: Set<String>
    /// Folded names never imported.
    public var excludedNames: Set<String>
    /// The smallest population imported.
    public var minimumPopulation: Int

    /// Creates an importer.
    public init(attestedNames: Set<String> = [], excludedNames: Set<String> = [], minimumPopulation: Int = 0) {
        self.attestedNames = attestedNames
        self.excludedNames = excludedNames
        self.minimumPopulation = minimumPopulation
    }

    /// Reads GeoNames extracts and imports them, in file order.
    public func gazetteer(paths: [String]) throws -> Gazetteer {
        var gazetteer = Gazetteer()
        for path in paths { gazetteer = gazetteer.combining(try self.gazetteer(TabularFile(path: path))) }
        return gazetteer
    }

    /// Imports one parsed extract.
    public func gazetteer(_ table: TabularFile) throws -> Gazetteer {
        try table.require(["geonameid", "name", "country_code", "population", "alternate_names_latin"])
        // Of the places one country has under one name (a town and its hamlets, "Mechelen" five
        // times), the most populous is the one a text names.
        var largest: [String: (id: String, population: Int)] = [:]
        for row in table.rows {
            let key = Gazetteer.foldedName(row["name"]) + "\t" + row["country_code"]
            let population = Int(row["population"]) ?? 0
            if let known = largest[key], known.population >= population { continue }
            largest[key] = (row["geonameid"], population)
        }
        var gazetteer = Gazetteer()
        for row in table.rows {
            let id = row["geonameid"]
            let name = row["name"]
            guard !id.isEmpty, Self.isName(name), (Int(row["population"]) ?? 0) >= minimumPopulation else { continue }
            guard largest[Gazetteer.foldedName(name) + "\t" + row["country_code"]]?.id == id else { continue }
            guard !excludedNames.contains(Gazetteer.foldedName(name)) else { continue }
            var seen: Set<String> = [Gazetteer.foldedName(name)]
            var aliases: [String] = []
            for alternate in row["alternate_names_latin"].split(separator: "|").map(String.init)
            where Self.isName(alternate) {
                let key = Gazetteer.foldedName(alternate)
                guard attestedNames.contains(key), !excludedNames.contains(key), seen.insert(key).inserted else {
                    continue
                }
                aliases.append(alternate)
            }
            gazetteer.combine(
                GazetteerEntry(
                    iri: Gazetteer.entityIRI("place/geonames-" + id),
                    types: [.schema("City")],
                    labels: [Literal(name, language: "nl")],
                    aliases: aliases,
                    pages: ["https://www.geonames.org/" + id],
                    identifiers: ["geonames:" + id],
                    sources: [GazetteerSource.geoNames]
                )
            )
        }
        return gazetteer
    }

    /// Words that name a part of a place, never a place of their own in Dutch text.
    static let partWords: Set<String> = [
        "noord", "oost", "zuid", "west", "midden", "centrum", "nieuw", "oud", "rio", "san", "santa",
    ]

    /// Whether a string can be a place name here: a capital first, five characters or more
    /// (GeoNames' short names, "Rio", "Noord", are parts of names in Dutch text; the short names
    /// of Dutch municipalities come from TOOI), not all capitals (codes such as "VLC"), no `|`,
    /// tab or digit, and no compass word alone.
    static func isName(_ name: String) -> Bool {
        guard let first = name.first, first.isUppercase, name.count >= 5, !partWords.contains(name.lowercased()) else {
            return false
        }
        guard !name.contains(where: { $0 == "|" || $0 == "\t" || $0.isNumber }) else { return false }
        return name.contains(where: \.isLowercase)
    }
}

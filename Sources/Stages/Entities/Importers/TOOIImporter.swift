import Foundation
public import Pipeline
import TextGraphSupport

/// Turns the government's TOOI registers of municipalities, provinces and water boards into
/// gazetteer entries.
///
/// Reads the TOOI tables (`tooi_gemeenten.tsv`, `tooi_provincies.tsv`,
/// `tooi_waterschappen.tsv`: columns `organisatiecode`, `officiele_naam_excl_soort`,
/// `voorkeursnaam_excl_soort`, `voorkeursnaam_incl_soort`, `einddatum`, `types`) and, optionally,
/// the Wikidata crosswalk of municipalities (`gemeenten_wikidata_tooi.tsv`: `wikidata_qid`,
/// `tooi_organisatiecode`). Only organisations that still exist (no `einddatum`) are imported.
///
/// - A municipality is a `schema:AdministrativeArea`, id `municipality/<code>` ("gm0518"),
///   labelled with its preferred name ("Den Haag"), with its official name ("'s-Gravenhage") as
///   alias, and `owl:sameAs` its Wikidata item where the crosswalk gives one. The name alone is
///   the mention: in "de gemeente Den Haag" the place is "Den Haag".
/// - A province is a `schema:AdministrativeArea`, id `province/<code>`.
/// - A water board is a `schema:GovernmentOrganization`, id `water-board/<code>`, named with
///   its kind ("waterschap Limburg") and, where that is no bare region name, without it
///   ("Hoogheemraadschap van Delfland", "Rijn en IJssel").
///
/// Each entry has its TOOI code as `identifier` and TOOI as `source`.
public struct TOOIImporter: Sendable {
    /// Creates an importer.
    public init() {}

    /// Imports the tables at the given paths; any may be `nil`.
    public func gazetteer(
        municipalitiesPath: String?,
        provincesPath: String?,
        waterBoardsPath: String?,
        wikidataPath: String?
    ) throws -> Gazetteer {
        let wikidata = try wikidataPath.map { try Self.wikidataItems(TabularFile(path: $0)) } ?? [:]
        var gazetteer = Gazetteer()
        if let path = provincesPath { gazetteer = gazetteer.combining(try provinces(TabularFile(path: path))) }
        if let path = municipalitiesPath {
            gazetteer = gazetteer.combining(try municipalities(TabularFile(path: path), wikidata: wikidata))
        }
        if let path = waterBoardsPath { gazetteer = gazetteer.combining(try waterBoards(TabularFile(path: path))) }
        return gazetteer
    }

    static let columns = ["organisatiecode", "officiele_naam_excl_soort", "voorkeursnaam_excl_soort", "einddatum"]

    /// The municipalities that still exist.
    public func municipalities(_ table: TabularFile, wikidata: [String: IRI] = [:]) throws -> Gazetteer {
        try table.require(Self.columns)
        var gazetteer = Gazetteer()
        for row in table.rows where row["einddatum"].isEmpty {
            let code = row["organisatiecode"]
            let name = row["voorkeursnaam_excl_soort"]
            guard !code.isEmpty, !name.isEmpty else { continue }
            let bare = Self.withoutQualifier(name)
            // The name alone, as texts write it: "gemeente Den Haag" mentions Den Haag.
            let aliases = [bare, row["officiele_naam_excl_soort"]]
            gazetteer.combine(
                entry(
                    id: "municipality/" + code, type: "AdministrativeArea", label: name, aliases: aliases, code: code,
                    sameAs: wikidata[code].map { [$0] } ?? []
                )
            )
        }
        return gazetteer
    }

    /// The provinces that still exist.
    public func provinces(_ table: TabularFile) throws -> Gazetteer {
        try table.require(Self.columns)
        var gazetteer = Gazetteer()
        for row in table.rows where row["einddatum"].isEmpty {
            let code = row["organisatiecode"]
            let name = row["voorkeursnaam_excl_soort"]
            guard !code.isEmpty, !name.isEmpty else { continue }
            let aliases = [row["officiele_naam_excl_soort"]]
            gazetteer.combine(
                entry(id: "province/" + code, type: "AdministrativeArea", label: name, aliases: aliases, code: code))
        }
        return gazetteer
    }

    /// The water boards that still exist.
    public func waterBoards(_ table: TabularFile) throws -> Gazetteer {
        try table.require(Self.columns + ["voorkeursnaam_incl_soort"])
        var gazetteer = Gazetteer()
        for row in table.rows where row["einddatum"].isEmpty {
            let code = row["organisatiecode"]
            let name = row["voorkeursnaam_excl_soort"]
            guard !code.isEmpty, !name.isEmpty else { continue }
            let withKind =
                row["voorkeursnaam_incl_soort"].isEmpty ? "waterschap " + name : row["voorkeursnaam_incl_soort"]
            var aliases = [withKind, withKind.prefix(1).uppercased() + withKind.dropFirst()]
            // A bare region name ("Limburg", "Rivierenland") names the region first: only names
            // of several words or with their own kind ("Hoogheemraadschap …") stand alone.
            let label: String
            if name.split(separator: " ").count >= 2 || name.hasPrefix("Hoogheemraadschap")
                || name.hasPrefix("Wetterskip")
            {
                label = name
            } else {
                label = aliases.removeLast()
            }
            gazetteer.combine(
                entry(
                    id: "water-board/" + code, type: "GovernmentOrganization", label: label, aliases: aliases,
                    code: code))
        }
        return gazetteer
    }

    private func entry(id: String, type: String, label: String, aliases: [String], code: String, sameAs: [IRI] = [])
        -> GazetteerEntry
    {
        var seen: Set<String> = [label]
        return GazetteerEntry(
            iri: Gazetteer.entityIRI(id),
            types: [.schema(type)],
            labels: [Literal(label, language: "nl")],
            aliases: aliases.filter { !$0.isEmpty && seen.insert($0).inserted },
            sameAs: sameAs,
            identifiers: [code],
            sources: [GazetteerSource.tooi]
        )
    }

    /// A name without a qualifier in brackets: "Bergen (NH)" → "Bergen".
    static func withoutQualifier(_ name: String) -> String {
        guard name.hasSuffix(")"), let open = name.lastIndex(of: "(") else { return name }
        return String(name[..<open]).trimmingCharacters(in: .whitespaces)
    }

    /// The Wikidata items of municipalities by TOOI code.
    static func wikidataItems(_ table: TabularFile) throws -> [String: IRI] {
        try table.require(["wikidata_qid", "tooi_organisatiecode"])
        var items: [String: IRI] = [:]
        for row in table.rows {
            let qid = row["wikidata_qid"]
            let code = row["tooi_organisatiecode"]
            guard qid.hasPrefix("Q"), qid.dropFirst().allSatisfy(\.isNumber), !code.isEmpty else { continue }
            items[code] = IRI("http://www.wikidata.org/entity/" + qid)
        }
        return items
    }
}

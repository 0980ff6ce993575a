import Foundation
import Pipeline
import TextGraphSupport

/// Turns the Basiswettenbestand (BWB) list of Dutch laws and regulations into gazetteer entries.
///
/// Reads `bwb_regelingen_2017.tsv` (columns `bwb_id`, `regeling_soort`, `citeertitel`) and,
/// optionally, `bwb_afkortingen_uit_teksten.tsv` (`bwb_id`, `afkorting_of_verkorte_naam`,
/// `lijkt_afkorting`). Each regulation with a citation title becomes one `schema:Legislation`:
///
/// - id `law/<slug of the citation title>`; regulations that share a citation title are one
///   entity with each BWB id;
/// - label: the citation title ("Archiefwet 1995"); alias: the title without a trailing year
///   ("Archiefwet") when no other regulation goes by that name;
/// - the abbreviations the laws' own texts introduce ("Awb", "Wft"), where they look like one;
/// - `identifier`: the BWB id; `page`: its page on wetten.overheid.nl; `source`: the BWB.
///
/// Only the kinds a text cites by name are read (``defaultKinds``: acts, orders in council,
/// royal decrees, treaties, ministerial regulations and their BES and Kingdom forms); product
/// board, ZBO and archive-selection regulations, policy rules and circulars are left out.
///
/// ```swift
/// let laws = try BWBImporter().gazetteer(regulationsPath: "bwb_regelingen_2017.tsv")
/// ```
public struct BWBImporter: Sendable {
    /// The kinds of regulation (`regeling_soort`) imported.
    public var kinds: Set<String>
    /// Folded names never imported as abbreviations (common words: "Dienst").
    public var excludedNames: Set<String>

    /// The kinds imported by default.
    public static let defaultKinds: Set<String> = [
        "wet", "rijkswet", "AMvB", "KB", "rijksKB", "verdrag", "ministeriele-regeling", "reglement",
        "wet-BES", "AMvB-BES", "ministeriele-regeling-BES",
    ]

    /// Creates an importer.
    public init(kinds: Set<String> = BWBImporter.defaultKinds, excludedNames: Set<String> = []) {
        self.kinds = kinds
        self.excludedNames = excludedNames
    }

    /// Reads the regulations file and, optionally, the abbreviations file, and imports them.
    public func gazetteer(regulationsPath: String, abbreviationsPath: String? = nil) throws -> Gazetteer {
        try gazetteer(
            regulations: TabularFile(path: regulationsPath),
            abbreviations: try abbreviationsPath.map { try TabularFile(path: $0) }
        )
    }

    /// Imports parsed files.
    public func gazetteer(regulations: TabularFile, abbreviations: TabularFile? = nil) throws -> Gazetteer {
        try regulations.require(["bwb_id", "regeling_soort", "citeertitel"])
        // Regulations grouped by the name they are cited by, in file order.
        var order: [String] = []
        var groups: [String: (title: String, ids: [String])] = [:]
        for row in regulations.rows where kinds.contains(row["regeling_soort"]) {
            guard let title = Self.citationTitle(row["citeertitel"]) ?? Self.pathName(row["naam_uit_pad"]),
                !row["bwb_id"].isEmpty
            else { continue }
            let key = Gazetteer.foldedName(title)
            if groups[key] == nil {
                order.append(key)
                groups[key] = (title, [])
            }
            groups[key]!.ids.append(row["bwb_id"])
        }
        let shortNames =
            try abbreviations.map {
                try Self.abbreviations($0).mapValues { $0.filter { !excludedNames.contains(Gazetteer.foldedName($0)) } }
            } ?? [:]
        // A title without its year is an alias only where no other regulation has that name.
        var stripped: [String: Int] = [:]
        for key in order {
            stripped[Gazetteer.foldedName(Self.withoutYear(groups[key]!.title) ?? groups[key]!.title), default: 0] += 1
        }
        var gazetteer = Gazetteer()
        for key in order {
            let (title, ids) = groups[key]!
            var aliases: [String] = []
            if let short = Self.withoutYear(title), stripped[Gazetteer.foldedName(short)] == 1,
                groups[Gazetteer.foldedName(short)] == nil
            {
                aliases.append(short)
            }
            for id in ids { aliases += shortNames[id] ?? [] }
            gazetteer.combine(
                GazetteerEntry(
                    iri: Gazetteer.entityIRI("law/" + Gazetteer.slug(title)),
                    types: [.schema("Legislation")],
                    labels: [Literal(title, language: "nl")],
                    aliases: Array(Set(aliases)).sorted(),
                    pages: ids.map(GazetteerSource.bwbPage),
                    identifiers: ids,
                    sources: [GazetteerSource.bwb]
                )
            )
        }
        return gazetteer
    }

    /// The citation title as a name: a title quoted in a heading ("… ‹Archiefwet 1962›") taken
    /// out, Markdown emphasis and white space cleaned, a leading article dropped; `nil` when
    /// empty or not a name (no capital or digit at its start).
    static func citationTitle(_ raw: String) -> String? {
        var raw = raw
        if let open = raw.firstIndex(of: "‹"), let close = raw[open...].firstIndex(of: "›") {
            raw = String(raw[raw.index(after: open)..<close])
        }
        raw.removeAll { $0 == "*" || $0 == "‹" || $0 == "›" }
        var words = raw.split(whereSeparator: \.isWhitespace).map(String.init)
        if let first = words.first, ["de", "het"].contains(first), words.count > 1 { words.removeFirst() }
        guard let first = words.first?.first, first.isUppercase || first.isNumber else { return nil }
        let title = words.joined(separator: " ")
        guard title.count >= 4 else { return nil }
        // One word names a regulation only when it says what kind ("Gemeentewet", "Archiefbesluit"):
        // "Dienst" or "Stelsel" alone is a word, not a title.
        if words.count == 1 {
            let lower = title.lowercased()
            guard
                ["wet", "besluit", "wetboek", "reglement", "verdrag", "code", "regeling", "verordening"].contains(
                    where: lower.hasSuffix)
            else { return nil }
        }
        return title
    }

    /// The name of a regulation without a citation title from its folder in the BWB mirror
    /// ("ziektewet" → "Ziektewet"), or `nil` when that name was cut short ("… etc", "… enz"),
    /// is a heading ("wet van 3 maart 1881") or an amendment ("wijzigingswet …").
    ///
    /// The folder name is lower-cased; only its first letter is restored. As the matcher
    /// compares the other words in any case, the name still finds "Wet afschaffing doodstraf".
    static func pathName(_ raw: String) -> String? {
        let words = raw.split(separator: " ")
        guard let first = words.first, let last = words.last, !["etc", "enz"].contains(last),
            !first.hasPrefix("wijzigings"), !raw.contains("("), !raw.contains(" ivm "),
            !(words.count >= 3 && ["wet", "besluit"].contains(first) && words[1] == "van"
                && words[2].first?.isNumber == true)
        else { return nil }
        return citationTitle(first.prefix(1).uppercased() + raw.dropFirst())
    }

    /// A title without a trailing year ("Archiefwet 1995" → "Archiefwet"), or `nil`.
    static func withoutYear(_ title: String) -> String? {
        let words = title.split(separator: " ")
        guard words.count >= 2, let last = words.last, last.count == 4, last.allSatisfy(\.isNumber),
            last.hasPrefix("19") || last.hasPrefix("20")
        else { return nil }
        return words.dropLast().joined(separator: " ")
    }

    /// The abbreviations by BWB id that look like one (`lijkt_afkorting` 1).
    static func abbreviations(_ table: TabularFile) throws -> [String: [String]] {
        try table.require(["bwb_id", "afkorting_of_verkorte_naam", "lijkt_afkorting"])
        var result: [String: [String]] = [:]
        for row in table.rows where row["lijkt_afkorting"] == "1" {
            let short = row["afkorting_of_verkorte_naam"]
            guard AbbreviationImporter.isAbbreviation(short), AbbreviationImporter.hasTwoCapitalsOrIsShort(short) else {
                continue
            }
            result[row["bwb_id"], default: []].append(short)
        }
        return result
    }

}

import Foundation
import Pipeline
import TextGraphSupport

/// Turns mined abbreviation ↔ long form pairs ("ACM" ↔ "Autoriteit Consument en Markt") into
/// gazetteer aliases and, where the long form plainly names an organisation or a law, entities.
///
/// Reads `afkortingen_definities.tsv` (`afkorting`, `voluit`, `vermeldingen`,
/// `eerste_letter_gelijk`). The pairs were mined automatically and are noisy ("VNG =
/// Nederlandse Gemeenten", "OM = Operations Manual"), so for each abbreviation:
///
/// 1. long forms are grouped as the matcher compares names (case, diacritics, spaces and
///    hyphens aside: "Uitvoeringsinstituut werknemersverzekeringen" and "…Werknemersverzekeringen"
///    are one), keeping only those that start with the abbreviation's first letter;
/// 2. the most frequent long form is taken when it was seen at least ``minimumCount`` times
///    and at least ``dominance`` times as often as the next;
/// 3. if the ``known`` gazetteer has an entity of that name, the abbreviation becomes its
///    alias (same IRI, so the two combine); otherwise an entity is made only when the long form
///    says what it is: a law ("Wet …", "…wet", "Besluit …") or an organisation ("Autoriteit …",
///    "Dienst …", "…instituut", "Vereniging …"), typed from those words.
///
/// Abbreviations without a capital, and those that are ``excludedNames`` (common words), are
/// left out.
public struct AbbreviationImporter: Sendable {
    /// Entities whose names long forms are looked up in.
    public var known: Gazetteer
    /// Folded names never imported as abbreviations.
    public var excludedNames: Set<String>
    /// The fewest times the chosen long form must have been seen.
    public var minimumCount: Int
    /// How many times more often the chosen long form must have been seen than the next.
    public var dominance: Int

    /// Creates an importer.
    public init(
        known: Gazetteer = Gazetteer(), excludedNames: Set<String> = [], minimumCount: Int = 2, dominance: Int = 3
    ) {
        self.known = known
        self.excludedNames = excludedNames
        self.minimumCount = minimumCount
        self.dominance = dominance
    }

    /// Reads the pairs file and imports it.
    public func gazetteer(path: String) throws -> Gazetteer { try gazetteer(TabularFile(path: path)) }

    /// Imports parsed pairs.
    public func gazetteer(_ table: TabularFile) throws -> Gazetteer {
        try table.require(["afkorting", "voluit", "vermeldingen"])
        var knownNames: [String: Int] = [:]
        for (index, entry) in known.entries.enumerated() {
            for name in entry.labels.map(\.lexicalForm) + entry.aliases where knownNames[Self.compact(name)] == nil {
                knownNames[Self.compact(name)] = index
            }
        }
        var order: [String] = []
        var forms: [String: [(key: String, text: String, count: Int)]] = [:]
        for row in table.rows {
            let short = row["afkorting"]
            let long = row["voluit"].split(whereSeparator: \.isWhitespace).joined(separator: " ")
            guard Self.isAbbreviation(short), Self.hasTwoCapitalsOrIsShort(short),
                !excludedNames.contains(Gazetteer.foldedName(short)),
                !long.isEmpty,
                let first = short.first, long.first.map({ $0.lowercased() == first.lowercased() }) == true
            else { continue }
            if forms[short] == nil { order.append(short) }
            let key = Self.compact(long)
            let count = Int(row["vermeldingen"]) ?? 1
            if let existing = forms[short]?.firstIndex(where: { $0.key == key }) {
                forms[short]![existing].count += count
                if count > 1 && long.first?.isUppercase == true { forms[short]![existing].text = long }
            } else {
                forms[short, default: []].append((key, long, count))
            }
        }
        var gazetteer = Gazetteer()
        for short in order {
            let ranked = forms[short]!.sorted { $0.count > $1.count }
            guard let best = ranked.first, best.count >= minimumCount,
                ranked.count < 2 || best.count >= dominance * ranked[1].count
            else { continue }
            if let index = knownNames[best.key] {
                let entry = known.entries[index]
                gazetteer.combine(GazetteerEntry(iri: entry.iri, types: entry.types, labels: [], aliases: [short]))
            } else if let (kind, type) = Self.kind(of: best.text) {
                gazetteer.combine(
                    GazetteerEntry(
                        iri: Gazetteer.entityIRI(kind + "/" + Gazetteer.slug(best.text)),
                        types: [.schema(type)],
                        labels: [Literal(best.text, language: "nl")],
                        aliases: [short],
                        sources: [GazetteerSource.minedAbbreviations]
                    )
                )
            }
        }
        return gazetteer
    }

    /// Whether a string looks like an abbreviation: 2 to 10 characters, a capital first, and
    /// no white space or `|`.
    static func isAbbreviation(_ text: String) -> Bool {
        guard (2...10).contains(text.count), let first = text.first, first.isUppercase else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "|" })
    }

    /// Whether an abbreviation is told from a word: two capitals or more ("ACM", "NZa"), or
    /// six characters at most ("Awb", "Wmo", "Wajong"). "Autoriteit", which texts also
    /// introduce with "(hierna: …)", is a word; so are short words such as "Dienst", which the
    /// importers leave out with their lists of common words.
    static func hasTwoCapitalsOrIsShort(_ text: String) -> Bool {
        text.filter(\.isUppercase).count >= 2 || text.count <= 6
    }

    /// A name as long forms are compared: folded, letters and digits only.
    static func compact(_ name: String) -> String {
        String(
            Gazetteer.foldedName(name).unicodeScalars.filter {
                $0.properties.isAlphabetic || $0.properties.numericType != nil
            })
    }

    /// Words that make a long form an organisation: a whole word, or the end of a compound.
    static let publicBodies = [
        "autoriteit", "dienst", "inspectie", "ministerie", "agentschap", "staatstoezicht", "uitvoeringsinstituut",
        "zorginstituut", "belastingdienst", "coördinator", "coordinator", "toezichthouder", "rijksdienst",
    ]
    static let organisations = [
        "instituut", "vereniging", "stichting", "bond", "federatie", "organisatie", "bureau", "centrum", "fonds",
        "bank", "universiteit", "hogeschool", "commissie", "raad", "comité", "unie", "partij", "genootschap",
        "platform", "agency", "authority", "organization", "organisation", "council", "commission", "court",
        "fund", "union", "association", "institute", "office", "tribunal", "college", "hof", "rechtbank", "kamer",
    ]
    static let laws = ["wet", "wetboek", "besluit", "verordening", "richtlijn", "verdrag", "regeling"]

    /// The id prefix and schema.org class a long form names, or `nil` when it does not say.
    static func kind(of longForm: String) -> (String, String)? {
        let words = longForm.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        guard words.count >= 2 || longForm.count >= 12, let first = words.first else { return nil }
        func has(_ heads: [String]) -> Bool {
            words.contains { word in heads.contains { word == $0 || (word.hasSuffix($0) && word.count > $0.count + 3) }
            }
        }
        if laws.contains(first) || (first.hasSuffix("wet") && first.count > 5) { return ("law", "Legislation") }
        if has(publicBodies) { return ("org", "GovernmentOrganization") }
        if has(organisations) { return ("org", "Organization") }
        return nil
    }
}

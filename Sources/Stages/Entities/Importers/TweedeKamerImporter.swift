import Foundation
import Pipeline
import TextGraphSupport

/// Turns the Tweede Kamer's open data into gazetteer entries: members and their parliamentary
/// groups (`tk_personen.tsv`, `tk_fracties.tsv`), and bills, acts and treaties with a citation
/// title (`tk_wetgevingszaken.tsv`).
///
/// People become `schema:Person` with id `person/<slug of call name and surname>` (the rule of
/// the bundled `people.tsv`, so both describe one person), labelled "Mirjam Bikker", with the
/// aliases parliamentary papers use: initials and surname ("M.H. Bikker"), the surname alone
/// ("Bikker"; with a prefix both "Van Aalst" and "van Aalst"). Their group becomes `member_of`.
///
/// Groups become `schema:PoliticalParty` with id `party/<slug of the abbreviation>`; groups
/// named after one member ("Omtzigt", "Groep Van Haga") are left out, as their name is the
/// person's. Legislative cases with a citation title ("Wet open overheid") become
/// `schema:Legislation` (`law/<slug>`), with the case numbers as identifiers: these cover the
/// laws after the BWB snapshot of 2017.
///
/// Every entry has the Tweede Kamer open data as its `source`.
public struct TweedeKamerImporter: Sendable {
    /// The kinds of legislative case (`soort`) read for laws.
    public static let legislativeKinds: Set<String> = ["Wetgeving", "Initiatiefwetgeving", "Verdrag"]

    /// Creates an importer.
    public init() {}

    /// Reads the members and groups files and imports them.
    public func people(personsPath: String, groupsPath: String) throws -> Gazetteer {
        try people(persons: TabularFile(path: personsPath), groups: TabularFile(path: groupsPath))
    }

    /// The parliamentary groups and the members, groups first.
    public func people(persons: TabularFile, groups: TabularFile) throws -> Gazetteer {
        try persons.require(["persoon_id", "initialen", "roepnaam", "tussenvoegsel", "achternaam", "fractie"])
        try groups.require(["afkorting", "naam_nl", "naam_en"])
        let surnames = Set(persons.rows.map { Gazetteer.foldedName(Self.surname($0)) }.filter { !$0.isEmpty })
        var gazetteer = Gazetteer()
        var parties: [String: IRI] = [:]
        for row in groups.rows {
            let abbreviation = row["afkorting"]
            let name = row["naam_nl"]
            guard !abbreviation.isEmpty, !Self.isNamedAfterMember(name, surnames: surnames) else { continue }
            let iri = Gazetteer.entityIRI("party/" + Gazetteer.slug(abbreviation))
            parties[abbreviation] = iri
            var labels = [Literal(name.isEmpty ? abbreviation : name, language: "nl")]
            if !row["naam_en"].isEmpty { labels.append(Literal(row["naam_en"], language: "en")) }
            gazetteer.combine(
                GazetteerEntry(
                    iri: iri,
                    types: [.schema("PoliticalParty"), .schema("Organization")],
                    labels: labels,
                    aliases: abbreviation == name ? [] : [abbreviation],
                    sources: [GazetteerSource.tweedeKamer]
                )
            )
        }
        for row in persons.rows {
            guard let entry = person(row, parties: parties) else { continue }
            gazetteer.combine(entry)
        }
        return gazetteer
    }

    /// The entry of one member, or `nil` without a surname.
    func person(_ row: TabularFile.Row, parties: [String: IRI]) -> GazetteerEntry? {
        let surname = Self.surname(row)
        guard !surname.isEmpty else { return nil }
        let given =
            row["roepnaam"].isEmpty
            ? row["voornamen"].split(separator: " ").first.map(String.init) ?? "" : row["roepnaam"]
        let fullName = given.isEmpty ? surname : given + " " + surname
        var aliases: [String] = []
        if let first = surname.first, first.isLowercase { aliases.append(first.uppercased() + surname.dropFirst()) }
        aliases.append(surname)
        let initials = row["initialen"].replacingOccurrences(of: " ", with: "")
        if !initials.isEmpty { aliases.append(initials + " " + surname) }
        var seen: Set<String> = [fullName]
        return GazetteerEntry(
            iri: Gazetteer.entityIRI("person/" + Gazetteer.slug(fullName)),
            types: [.schema("Person")],
            labels: [Literal(fullName, language: "nl")],
            aliases: aliases.filter { seen.insert($0).inserted },
            memberOf: parties[row["fractie"]].map { [$0] } ?? [],
            identifiers: row["persoon_id"].isEmpty ? [] : [row["persoon_id"]],
            sources: [GazetteerSource.tweedeKamer]
        )
    }

    /// A member's surname with its prefix: "van Aalst", "Faber-van de Klashorst".
    static func surname(_ row: TabularFile.Row) -> String {
        [row["tussenvoegsel"], row["achternaam"]].filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Whether a group is named after one of the members ("Omtzigt", "Groep Van Haga").
    static func isNamedAfterMember(_ name: String, surnames: Set<String>) -> Bool {
        var words = name.split(separator: " ").map(String.init)
        if let first = words.first, ["fractie", "groep"].contains(first.lowercased()) { words.removeFirst() }
        guard !words.isEmpty else { return false }
        return surnames.contains(Gazetteer.foldedName(words.joined(separator: " ")))
    }

    /// Reads the legislative cases file and imports the laws it names.
    public func laws(casesPath: String) throws -> Gazetteer {
        try laws(cases: TabularFile(path: casesPath))
    }

    /// The laws, acts and treaties of legislative cases with a citation title; cases that share
    /// a title are one entity with every case number.
    public func laws(cases: TabularFile) throws -> Gazetteer {
        try cases.require(["zaak_nummer", "soort", "citeertitel", "citeertitel_uit_titel"])
        var gazetteer = Gazetteer()
        for row in cases.rows where Self.legislativeKinds.contains(row["soort"]) {
            let raw = row["citeertitel"].isEmpty ? row["citeertitel_uit_titel"] : row["citeertitel"]
            guard let title = BWBImporter.citationTitle(raw), Self.looksLikeLawName(title) else { continue }
            gazetteer.combine(
                GazetteerEntry(
                    iri: Gazetteer.entityIRI("law/" + Gazetteer.slug(title)),
                    types: [.schema("Legislation")],
                    labels: [Literal(title, language: "nl")],
                    identifiers: row["zaak_nummer"].isEmpty ? [] : [row["zaak_nummer"]],
                    sources: [GazetteerSource.tweedeKamer]
                )
            )
        }
        return gazetteer
    }

    /// Whether a title names a law rather than describing a change or citing a publication: a
    /// word of it names a kind of act ("Wet …", "…wet", "Verdrag …", "Wetboek …"), and it is
    /// no amendment or budget statement ("Wijziging van …", "Vaststelling van de begrotingsstaten …").
    static func looksLikeLawName(_ title: String) -> Bool {
        let lower = title.lowercased()
        guard title.count <= 120,
            !["wijziging ", "vaststelling ", "goedkeuring ", "regels ", "machtiging "].contains(where: lower.hasPrefix)
        else { return false }
        let kinds: Set<String> = [
            "wet", "wetboek", "verdrag", "overeenkomst", "protocol", "akkoord", "statuut", "handvest", "conventie",
            "besluit", "verordening", "richtlijn",
        ]
        return lower.split(whereSeparator: { !$0.isLetter }).contains { word in
            kinds.contains(String(word)) || (word.hasSuffix("wet") && word.count > 5)
        }
    }
}

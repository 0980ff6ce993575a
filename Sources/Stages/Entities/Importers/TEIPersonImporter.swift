import Pipeline
public import TextGraphInput
import TextGraphSupport

/// Turns a TEI `<listPerson>` (ParlaMint's speaker list) into gazetteer entries of people.
///
/// One `schema:Person` per person, with id `person/<slug of forename and surname>`
/// (``Gazetteer/slug(_:)``, the rule of the bundled `people.tsv`, so the same person gets the
/// same IRI and the two combine); persons the list holds twice under one name (ParlaMint-NL
/// has three such pairs) become one entry. The label is the full name; the aliases are the
/// surname (with a lowercase prefix both as written and capitalized: "van Miltenburg",
/// "Van Miltenburg") and the initials of the forenames with the surname ("A. van Miltenburg").
/// The initials come from the forenames the list gives, which may be a call name: "I.
/// Michon-Derkzen", where the official initials are I.J.M.
///
/// Party memberships (`<affiliation role="member" ref="#party.VVD"/>`) become `member_of`
/// through ``ParlaMintOrganizations``. Web pages (`<idno type="URI">`) are kept as pages; only
/// a Wikidata page becomes `sameAs`, as the gazetteer links to Wikidata only where certain.
///
/// ```swift
/// let people = try TEIPersonImporter().gazetteer(from: TEIPersonList.load(path: "listPerson.xml"))
/// print(try people.tsv(comments: ["source: ParlaMint-NL listPerson"]))
/// ```
public struct TEIPersonImporter: Sendable {
    /// Creates an importer.
    public init() {}

    /// The gazetteer of the people in a person list, in list order.
    public func gazetteer(from people: [TEIPerson]) -> Gazetteer {
        var gazetteer = Gazetteer()
        for person in people {
            if let entry = entry(for: person) { gazetteer.combine(entry) }
        }
        return gazetteer
    }

    /// Reads a person list file and imports it.
    /// - Throws: ``StageError`` naming the file when it cannot be read or is not well-formed XML.
    public func gazetteer(path: String) throws -> Gazetteer {
        gazetteer(from: try TEIPersonList.load(path: path))
    }

    /// The entity id of a person: `person/<slug of the full name>`, or `nil` without a name.
    ///
    /// Stages that meet ParlaMint speakers (`who="#KhadijaArib"`) use it to reach the same IRI.
    public static func entityID(for person: TEIPerson) -> String? {
        let slug = Gazetteer.slug(person.fullName)
        return slug.isEmpty ? nil : "person/" + slug
    }

    /// The entry of one person, or `nil` when the person has no name.
    public func entry(for person: TEIPerson) -> GazetteerEntry? {
        guard let id = Self.entityID(for: person) else { return nil }
        let fullName = Self.collapsed(person.fullName)
        let surname = Self.collapsed(person.surname)
        var aliases: [String] = []
        if !surname.isEmpty {
            aliases.append(surname)
            if let first = surname.first, first.isLowercase {
                aliases.insert(first.uppercased() + surname.dropFirst(), at: 0)
            }
            if let initials = Self.initials(of: person.forename) {
                aliases.append(initials + " " + surname)
            }
        }
        var seen: Set<String> = [fullName]
        aliases = aliases.filter { seen.insert($0).inserted }

        var sameAs: [IRI] = []
        for page in person.pages {
            if let wikidata = Self.wikidataEntity(page) { sameAs.append(wikidata) }
        }
        var parties: [IRI] = []
        for affiliation in person.affiliations
        where affiliation.role == "member" && ParlaMintOrganizations.isParty(affiliation.organization) {
            let party = Gazetteer.entityIRI(ParlaMintOrganizations.entityID(for: affiliation.organization))
            if !parties.contains(party) { parties.append(party) }
        }
        return GazetteerEntry(
            iri: Gazetteer.entityIRI(id),
            types: [.schema("Person")],
            labels: [Literal(fullName, language: "nl")],
            aliases: aliases,
            sameAs: sameAs,
            memberOf: parties,
            pages: person.pages
        )
    }

    /// "J.A." for "Jan Anthonie", "G.J." for "Gert-Jan"; `nil` without forenames, or when the
    /// forenames are initials already.
    static func initials(of forenames: String) -> String? {
        let parts = forenames.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard !parts.isEmpty, !forenames.contains(".") else { return nil }
        var initials = ""
        for part in parts {
            guard let first = part.first, first.isLetter else { return nil }
            initials += first.uppercased() + "."
        }
        return initials
    }

    /// The Wikidata entity IRI of a Wikidata page (`https://www.wikidata.org/wiki/Q123`).
    static func wikidataEntity(_ page: String) -> IRI? {
        for prefix in [
            "https://www.wikidata.org/wiki/", "http://www.wikidata.org/wiki/", "http://www.wikidata.org/entity/",
            "https://www.wikidata.org/entity/",
        ] where page.hasPrefix(prefix) {
            let id = page.dropFirst(prefix.count)
            guard id.first == "Q", id.count > 1, id.dropFirst().allSatisfy(\.isASCII),
                id.dropFirst().allSatisfy(\.isNumber)
            else {
                return nil
            }
            return IRI("http://www.wikidata.org/entity/" + id)
        }
        return nil
    }

    /// The text with runs of white space made one space, none at either end.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

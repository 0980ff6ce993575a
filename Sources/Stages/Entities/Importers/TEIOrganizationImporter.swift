import Foundation
import Pipeline
import TextGraphInput
import TextGraphSupport

/// Turns a TEI `<listOrg>` (ParlaMint's organization list) into gazetteer entries.
///
/// Each `<org xml:id role>` becomes one entry. Its names are the `<orgName>` children of the
/// `<org>` itself (names inside its history or CHES data, deeper down, are not its names): the
/// first full name (`full="yes"`, the default) in each language is the label in that language,
/// and other full names, abbreviations (`full="abb"`) and initials (`full="init"`) are aliases.
/// A name without `xml:lang` is in the language of the nearest ancestor that has one, else
/// ``defaultLanguage``. `<idno type="URI">` pages are kept; a Wikidata page becomes `sameAs`.
///
/// Ids come from ``ParlaMintOrganizations``, so `party.VVD` lands on the bundled `party/vvd`
/// and `TK` on `gov/tweede-kamer`. The role gives the class: `politicalParty` and
/// `parliamentaryGroup` → `PoliticalParty` and `Organization` (as the bundled parties);
/// `government`, `ministry`, `parliament` and other state bodies → `GovernmentOrganization`;
/// any other role → `Organization`.
///
/// ```xml
/// <listOrg xml:lang="nl">
///   <org xml:id="ministry.BZ" role="ministry">
///     <orgName full="yes" xml:lang="nl">Ministerie van Buitenlandse Zaken</orgName>
///     <orgName full="abb">BZ</orgName>
///   </org>
/// </listOrg>
/// ```
public struct TEIOrganizationImporter: Sendable {
    /// The language of names that say none, when the list says none either.
    public var defaultLanguage: String

    /// Creates an importer.
    public init(defaultLanguage: String = "nl") { self.defaultLanguage = defaultLanguage }

    /// Roles whose organizations are parties.
    static let partyRoles: Set<String> = ["politicalParty", "parliamentaryGroup", "politicalGroup"]
    /// Roles whose organizations belong to the state.
    static let stateRoles: Set<String> = [
        "government", "ministry", "parliament", "governmentBody", "executive", "court", "stateBody", "committee",
    ]

    /// The gazetteer of the organizations in a `<listOrg>` document, in document order.
    /// - Throws: ``StageError`` when the XML is not well formed.
    public func gazetteer(fromXML bytes: [UInt8]) throws -> Gazetteer {
        let cursor = try XMLCursor(bytes: bytes)
        var gazetteer = Gazetteer()
        var languages: [String?] = []  // xml:lang of each open element, nil where not given
        var organizations: [Organization] = []
        var capture: (kind: String, full: String, language: String)? = nil
        var text: [UInt8] = []

        func inheritedLanguage() -> String { languages.reversed().lazy.compactMap { $0 }.first ?? defaultLanguage }

        while try cursor.read() {
            switch cursor.kind {
            case .elementStart:
                let name = cursor.name
                let attributes = cursor.attributes()
                let parent = cursor.isEmptyElement ? cursor.openElements.last : cursor.openElements.dropLast().last
                if !cursor.isEmptyElement { languages.append(attributes["xml:lang"]) }
                switch name {
                case "org" where !cursor.isEmptyElement:
                    organizations.append(
                        Organization(id: attributes["xml:id"], role: attributes["role"] ?? "", line: cursor.line))
                case "orgName" where parent == "org" && !organizations.isEmpty && !cursor.isEmptyElement:
                    capture = ("orgName", attributes["full"] ?? "yes", inheritedLanguage())
                    text.removeAll()
                case "idno" where parent == "org" && !organizations.isEmpty && !cursor.isEmptyElement:
                    capture = ((attributes["type"] ?? "URI") == "URI" ? "page" : "idno", "", "")
                    text.removeAll()
                default:
                    break
                }
            case .text where capture != nil:
                cursor.appendText(to: &text)
            case .elementEnd:
                let name = cursor.name
                if !languages.isEmpty { languages.removeLast() }
                if let captured = capture, name == (captured.kind == "orgName" ? "orgName" : "idno") {
                    let value = TEIPersonImporter.collapsed(String(decoding: text, as: UTF8.self))
                    if !value.isEmpty {
                        switch captured.kind {
                        case "orgName":
                            organizations[organizations.count - 1].names.append(
                                (value, captured.full, captured.language))
                        case "page": organizations[organizations.count - 1].pages.append(value)
                        default: break
                        }
                    }
                    capture = nil
                } else if name == "org", let organization = organizations.popLast(),
                    let entry = entry(for: organization)
                {
                    gazetteer.combine(entry)
                }
            default:
                break
            }
        }
        return gazetteer
    }

    /// Reads a `<listOrg>` file and imports it.
    /// - Throws: ``StageError`` naming the file.
    public func gazetteer(path: String) throws -> Gazetteer {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError(.unreadable, "cannot read organization list \(path)")
        }
        do {
            return try gazetteer(fromXML: [UInt8](data))
        } catch let error as StageError {
            throw StageError(error.code, "\(path): \(error.message)", cause: error)
        }
    }

    /// An `<org>` as read so far.
    private struct Organization {
        var id: String?
        var role: String
        var line: Int
        var names: [(name: String, full: String, language: String)] = []
        var pages: [String] = []
    }

    private func entry(for organization: Organization) -> GazetteerEntry? {
        guard let firstName = organization.names.first?.name else { return nil }
        let id = organization.id.map(ParlaMintOrganizations.entityID(for:)) ?? "org/" + Gazetteer.slug(firstName)
        var labels: [Literal] = []
        var aliases: [String] = []
        for (name, full, language) in organization.names {
            if full == "yes", !labels.contains(where: { $0.language == language }) {
                labels.append(Literal(name, language: language))
            } else if !labels.contains(where: { $0.lexicalForm == name }) && !aliases.contains(name) {
                aliases.append(name)
            }
        }
        let types: [IRI]
        if Self.partyRoles.contains(organization.role) {
            types = [.schema("PoliticalParty"), .schema("Organization")]
        } else if Self.stateRoles.contains(organization.role) {
            types = [.schema("GovernmentOrganization")]
        } else {
            types = [.schema("Organization")]
        }
        return GazetteerEntry(
            iri: Gazetteer.entityIRI(id),
            types: types,
            labels: labels,
            aliases: aliases,
            sameAs: organization.pages.compactMap(TEIPersonImporter.wikidataEntity),
            pages: organization.pages
        )
    }
}

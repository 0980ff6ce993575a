import Foundation
import TextGraphSupport

/// A person from a TEI `<listPerson>` (ParlaMint's speaker list): name and affiliations.
public struct TEIPerson: Hashable, Sendable {
    /// An affiliation: a role in an organization, possibly for a period.
    public struct Affiliation: Hashable, Sendable {
        /// The role (`member`, `head`, `minister`, `secretaryOfState`).
        public var role: String
        /// The organization, as the list refers to it (`party.VVD`, `TK`, `ministry.JENV`), without `#`.
        public var organization: String
        /// The first day, `YYYY-MM-DD`, when known.
        public var from: String?
        /// The last day, when known.
        public var to: String?

        /// Creates an affiliation.
        public init(role: String, organization: String, from: String? = nil, to: String? = nil) {
            self.role = role
            self.organization = organization
            self.from = from
            self.to = to
        }
    }

    /// The person's `xml:id` (`KhadijaArib`).
    public var id: String
    /// Given names.
    public var forename: String
    /// Surname, with its prefix (`van Miltenburg`).
    public var surname: String
    /// Affiliations in list order.
    public var affiliations: [Affiliation]
    /// Web pages about the person (`idno type="URI"`), such as the Dutch Wikipedia page.
    public var pages: [String]

    /// Creates a person.
    public init(id: String, forename: String, surname: String, affiliations: [Affiliation] = [], pages: [String] = []) {
        self.id = id
        self.forename = forename
        self.surname = surname
        self.affiliations = affiliations
        self.pages = pages
    }

    /// Forename and surname: "Anouchka van Miltenburg".
    public var fullName: String { [forename, surname].filter { !$0.isEmpty }.joined(separator: " ") }
}

/// Reads a TEI `<listPerson>` file (such as `ParlaMint-NL-listPerson.xml`) with libxml2.
public enum TEIPersonList {
    /// Parses a person list.
    /// - Throws: ``StageError`` when the XML is malformed.
    public static func parse(_ bytes: [UInt8]) throws -> [TEIPerson] {
        let cursor = try XMLCursor(bytes: bytes)
        var people: [TEIPerson] = []
        var current: TEIPerson? = nil
        var field: String? = nil
        var value: [UInt8] = []
        var inPersName = false
        while try cursor.read() {
            switch cursor.kind {
            case .elementStart:
                let name = cursor.name
                switch name {
                case "person":
                    current = TEIPerson(
                        id: cursor.attribute("xml:id") ?? "", forename: "", surname: "", affiliations: [], pages: [])
                case "persName":
                    inPersName = current != nil && (current?.surname.isEmpty ?? false)
                case "surname", "forename", "nameLink":
                    if inPersName {
                        field = name
                        value.removeAll()
                    }
                case "idno" where current != nil:
                    field = "idno"
                    value.removeAll()
                case "affiliation":
                    if let ref = cursor.attribute("ref") {
                        current?.affiliations.append(
                            .init(
                                role: cursor.attribute("role") ?? "member",
                                organization: ref.hasPrefix("#") ? String(ref.dropFirst()) : ref,
                                from: cursor.attribute("from"),
                                to: cursor.attribute("to")
                            )
                        )
                    }
                default:
                    break
                }
            case .text where field != nil:
                cursor.appendText(to: &value)
            case .elementEnd:
                let name = cursor.name
                if name == field {
                    let text = String(decoding: value, as: UTF8.self).trimmingWhitespace
                    switch name {
                    case "surname", "nameLink":
                        let before = current?.surname ?? ""
                        current?.surname = [before, text].filter { !$0.isEmpty }.joined(separator: " ")
                    case "forename":
                        let before = current?.forename ?? ""
                        current?.forename = [before, text].filter { !$0.isEmpty }.joined(separator: " ")
                    case "idno":
                        if text.hasPrefix("http") { current?.pages.append(text) }
                    default: break
                    }
                    field = nil
                } else if name == "persName" {
                    inPersName = false
                } else if name == "person", let person = current {
                    if !person.id.isEmpty { people.append(person) }
                    current = nil
                }
            default:
                break
            }
        }
        return people
    }

    /// Reads a person list file.
    public static func load(path: String) throws -> [TEIPerson] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StageError(.unreadable, "cannot read person list \(path)")
        }
        do {
            return try parse([UInt8](data))
        } catch let error as StageError {
            throw StageError(error.code, "\(path): \(error.message)", cause: error)
        }
    }
}

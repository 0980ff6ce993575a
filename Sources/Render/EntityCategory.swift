public import Pipeline

/// The kinds of entity pages and pictures tell apart, each with a colour and a line style.
///
/// The colours are Okabe and Ito's palette ("Color Universal Design", 2008), which stays
/// distinguishable with the common colour-vision deficiencies; each kind also has its own
/// underline style (solid, dashed, dotted, double, wavy) and a letter in the legend, so that
/// no reader depends on colour alone. Highlights are light tints of the colour behind black
/// text, so the text keeps a contrast above 7:1.
public struct EntityCategory: Hashable, Sendable, Comparable {
    /// The category's identifier, used in CSS classes (`m-person`).
    public let id: String
    /// The name the legend shows.
    public let name: String
    /// The full colour, for underlines and picture outlines.
    public let color: String
    /// A light tint of the colour, as a highlight behind text.
    public let tint: String
    /// The underline style (a CSS `text-decoration-style`).
    public let lineStyle: String
    /// Where the category comes in the legend.
    public let order: Int

    public static func < (lhs: EntityCategory, rhs: EntityCategory) -> Bool { lhs.order < rhs.order }

    /// People.
    public static let person = EntityCategory(
        id: "person", name: "Person", color: "#E69F00", tint: "#FBE3B0", lineStyle: "solid", order: 0)
    /// Political parties.
    public static let party = EntityCategory(
        id: "party", name: "Political party", color: "#CC79A7", tint: "#F3DCE8", lineStyle: "double", order: 1)
    /// Government bodies and offices.
    public static let government = EntityCategory(
        id: "government", name: "Government body or office", color: "#0072B2", tint: "#C7E1F0", lineStyle: "dashed",
        order: 2)
    /// Companies and other organizations.
    public static let organization = EntityCategory(
        id: "organization", name: "Organization or company", color: "#009E73", tint: "#BFE9DC", lineStyle: "solid",
        order: 3)
    /// Countries, places and areas.
    public static let place = EntityCategory(
        id: "place", name: "Country or place", color: "#56B4E9", tint: "#D5ECFA", lineStyle: "dotted", order: 4)
    /// Laws and regulations.
    public static let legislation = EntityCategory(
        id: "legislation", name: "Legislation", color: "#D55E00", tint: "#F6D2B8", lineStyle: "wavy", order: 5)
    /// Dates, document numbers and other values found by patterns.
    public static let value = EntityCategory(
        id: "value", name: "Date, number or reference", color: "#7A7A7A", tint: "#E4E4E4", lineStyle: "dotted", order: 6
    )
    /// Everything else.
    public static let other = EntityCategory(
        id: "other", name: "Other", color: "#B8A600", tint: "#F8F3B5", lineStyle: "dashed", order: 7)

    /// Every category, in legend order.
    public static let all: [EntityCategory] = [
        .person, .party, .government, .organization, .place, .legislation, .value, .other,
    ]

    /// The category of a class IRI (`schema:Country` is a place).
    public static func of(class iri: IRI?) -> EntityCategory {
        guard let iri else { return .other }
        switch localName(iri) {
        case "Person": return .person
        case "PoliticalParty": return .party
        case "GovernmentOrganization", "Office", "GovernmentBuilding", "Ministry": return .government
        case "Organization", "Corporation", "NewsMediaOrganization", "EducationalOrganization", "NGO":
            return .organization
        case "Country", "City", "AdministrativeArea", "Place", "Continent", "State": return .place
        case "Legislation", "LegislationObject": return .legislation
        case "Date", "DigitalDocument", "ArticleReference", "DocumentNumber", "CreativeWork": return .value
        default: return .other
        }
    }

    /// The category of an entity by its classes: the first that has a category of its own.
    public static func of(classes: [IRI]) -> EntityCategory {
        classes.sorted().map { of(class: $0) }.filter { $0 != .other }.min() ?? .other
    }

    /// The last segment of an IRI, after `#` or `/` (`Country` for `schema:Country`).
    public static func localName(_ iri: IRI) -> String {
        let value = iri.value
        if let hash = value.lastIndex(of: "#") { return String(value[value.index(after: hash)...]) }
        if let slash = value.lastIndex(of: "/") { return String(value[value.index(after: slash)...]) }
        return value
    }
}

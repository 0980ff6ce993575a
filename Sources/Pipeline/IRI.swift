/// An Internationalized Resource Identifier, the name of a node in the graph.
///
/// TextGraph derives IRIs from content (document paths, gazetteer identifiers), never from run
/// order, so the same corpus always gives the same IRIs.
///
/// ```swift
/// let china = IRI("https://w3id.org/textgraph/entity/country/cn")
/// let type = IRI.schema("Country")  // http://schema.org/Country
/// ```
public struct IRI: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The full IRI string, without angle brackets.
    public let value: String

    /// Creates an IRI from its full string form.
    public init(_ value: String) { self.value = value }

    public init(stringLiteral value: String) { self.value = value }

    public var description: String { "<\(value)>" }

    public static func < (lhs: IRI, rhs: IRI) -> Bool { lhs.value < rhs.value }

    /// This IRI with `suffix` appended: `IRI("https://ex.org/doc/a").appending("#char=0,5")`.
    public func appending(_ suffix: String) -> IRI { IRI(value + suffix) }

    /// A class or property in the schema.org vocabulary (`http://schema.org/`).
    public static func schema(_ localName: String) -> IRI { IRI("http://schema.org/" + localName) }
}

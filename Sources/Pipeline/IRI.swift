/// An Internationalized Resource Identifier, the name of a node in the graph.
///
/// TextGraph derives IRIs from content (document paths, gazetteer identifiers), never from run
/// order, so the same corpus always gives the same IRIs.
///
/// ```swift
/// let china = IRI("https://w3id.org/textgraph/entity/country/cn")
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

    /// What keeps a string from being (part of) an IRI that RDF parsers accept, or `nil`:
    /// white space and control characters, and the characters IRIs forbid (`<>"{}|\^` and the
    /// backquote); when `absolute`, also a missing scheme (`https:`, `urn:`).
    ///
    /// ```swift
    /// IRI.problem(in: "https://example.org/doc/", absolute: true)  // nil
    /// IRI.problem(in: "org/a b", absolute: false)                 // "holds a space or control character"
    /// ```
    public static func problem(in text: String, absolute: Bool) -> String? {
        if absolute {
            let scheme = text.prefix { $0 != ":" }
            guard scheme.count < text.count, let first = scheme.unicodeScalars.first, first.isASCII,
                first.properties.isAlphabetic,
                scheme.unicodeScalars.allSatisfy({
                    $0.isASCII
                        && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0))
                }),
                text.count > scheme.count + 1
            else { return "not an absolute IRI (it needs a scheme, as in https://example.org/)" }
        }
        if let bad = text.unicodeScalars.first(where: {
            $0.value <= 0x20 || (0x7F...0x9F).contains($0.value) || "<>\"{}|\\^`".unicodeScalars.contains($0)
        }) {
            return bad.value <= 0x20 || bad.value >= 0x7F
                ? "holds a space or control character" : "holds '\(bad)', which an IRI cannot"
        }
        return nil
    }
}

/// A value as text: a lexical form with a datatype or a language tag (the shape of an RDF
/// literal).
///
/// The core names no datatype vocabulary: the stages that give values their types (XML Schema's
/// `xsd:date`, `xsd:decimal`, …) add constructors for them, as `Stages` does with
/// `Literal.date(year:month:day:)`.
///
/// ```swift
/// let label = Literal("Nuctech", language: "en")
/// let count = Literal("3", datatype: IRI("http://www.w3.org/2001/XMLSchema#integer"))
/// ```
public struct Literal: Hashable, Sendable, CustomStringConvertible {
    /// The lexical form.
    public let lexicalForm: String
    /// The datatype IRI; `nil` for a plain string (or a language-tagged one when ``language`` is set).
    public let datatype: IRI?
    /// The language tag, lowercased (`nl`, `en`), for language-tagged strings.
    public let language: String?

    /// A plain string literal.
    public init(_ lexicalForm: String) {
        self.lexicalForm = lexicalForm
        self.datatype = nil
        self.language = nil
    }

    /// A typed literal, its datatype as given.
    public init(_ lexicalForm: String, datatype: IRI) {
        self.lexicalForm = lexicalForm
        self.datatype = datatype
        self.language = nil
    }

    /// A language-tagged string.
    public init(_ lexicalForm: String, language: String) {
        self.lexicalForm = lexicalForm
        self.datatype = nil
        self.language = language.lowercased()
    }

    public var description: String {
        if let language { return "\"\(lexicalForm)\"@\(language)" }
        if let datatype { return "\"\(lexicalForm)\"^^\(datatype)" }
        return "\"\(lexicalForm)\""
    }
}

/// An RDF literal: a lexical form with a datatype or a language tag.
public struct Literal: Hashable, Sendable, CustomStringConvertible {
    /// The lexical form.
    public let lexicalForm: String
    /// The datatype IRI; `nil` means `xsd:string` (or `rdf:langString` when ``language`` is set).
    public let datatype: IRI?
    /// The language tag, lowercased (`nl`, `en`), for language-tagged strings.
    public let language: String?

    /// A plain string literal.
    public init(_ lexicalForm: String) {
        self.lexicalForm = lexicalForm
        self.datatype = nil
        self.language = nil
    }

    /// A typed literal.
    public init(_ lexicalForm: String, datatype: IRI) {
        self.lexicalForm = lexicalForm
        self.datatype = datatype == Literal.xsdString ? nil : datatype
        self.language = nil
    }

    /// A language-tagged string.
    public init(_ lexicalForm: String, language: String) {
        self.lexicalForm = lexicalForm
        self.datatype = nil
        self.language = language.lowercased()
    }

    /// An `xsd:nonNegativeInteger`, the type NIF gives its offsets.
    public static func nonNegativeInteger(_ value: Int) -> Literal {
        Literal(String(value), datatype: IRI("http://www.w3.org/2001/XMLSchema#nonNegativeInteger"))
    }

    /// An `xsd:integer`.
    public static func integer(_ value: Int) -> Literal {
        Literal(String(value), datatype: IRI("http://www.w3.org/2001/XMLSchema#integer"))
    }

    /// An `xsd:decimal` with up to four fractional digits, written without exponent.
    public static func decimal(_ value: Double) -> Literal {
        let scaled = (value * 10_000).rounded()
        let whole = Int(scaled) / 10_000
        var fraction = String(abs(Int(scaled) % 10_000))
        while fraction.count < 4 { fraction = "0" + fraction }
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        return Literal("\(sign)\(whole).\(fraction)", datatype: IRI("http://www.w3.org/2001/XMLSchema#decimal"))
    }

    /// An `xsd:date` in `YYYY-MM-DD` form.
    public static func date(year: Int, month: Int, day: Int) -> Literal {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return Literal(
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))",
            datatype: IRI("http://www.w3.org/2001/XMLSchema#date")
        )
    }

    static let xsdString = IRI("http://www.w3.org/2001/XMLSchema#string")

    public var description: String {
        if let language { return "\"\(lexicalForm)\"@\(language)" }
        if let datatype { return "\"\(lexicalForm)\"^^\(datatype)" }
        return "\"\(lexicalForm)\""
    }
}

public import Pipeline

/// The XML Schema datatypes the stages give values (``Mention/value``, NIF offsets), as
/// constructors of ``Literal``: the core's `Literal` names no datatype vocabulary.
///
/// ```swift
/// Literal.date(year: 2024, month: 2, day: 7)  // "2024-02-07"^^xsd:date
/// Literal.decimal(1.0 / 3)                     // "0.3333"^^xsd:decimal
/// ```
extension Literal {
    /// An `xsd:nonNegativeInteger`, the type NIF gives its offsets.
    public static func nonNegativeInteger(_ value: Int) -> Literal {
        Literal(String(value), datatype: IRI(Vocabulary.Namespace.xsd.iri + "nonNegativeInteger"))
    }

    /// An `xsd:integer`.
    public static func integer(_ value: Int) -> Literal {
        Literal(String(value), datatype: IRI(Vocabulary.Namespace.xsd.iri + "integer"))
    }

    /// An `xsd:decimal` with up to four fractional digits, written without exponent.
    public static func decimal(_ value: Double) -> Literal {
        let scaled = (value * 10_000).rounded()
        let whole = Int(scaled) / 10_000
        var fraction = String(abs(Int(scaled) % 10_000))
        while fraction.count < 4 { fraction = "0" + fraction }
        while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = scaled < 0 && whole == 0 ? "-" : ""
        return Literal("\(sign)\(whole).\(fraction)", datatype: IRI(Vocabulary.Namespace.xsd.iri + "decimal"))
    }

    /// An `xsd:date` in `YYYY-MM-DD` form.
    public static func date(year: Int, month: Int, day: Int) -> Literal {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return Literal(
            "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))",
            datatype: IRI(Vocabulary.Namespace.xsd.iri + "date")
        )
    }

    /// A literal read from RDF: `xsd:string`, which RDF 1.1 makes the same as a plain literal,
    /// becomes a plain literal, so that both compare equal.
    public static func typed(_ lexicalForm: String, datatype: IRI) -> Literal {
        datatype.value == Vocabulary.Namespace.xsd.iri + "string"
            ? Literal(lexicalForm) : Literal(lexicalForm, datatype: datatype)
    }
}

extension IRI {
    /// A class or property in the schema.org vocabulary (`http://schema.org/`).
    public static func schema(_ localName: String) -> IRI { IRI(Vocabulary.Namespace.schema.iri + localName) }
}

public import Pipeline
public import Stages

extension RDFTerm {
    /// The term a pipeline ``Term`` should parse back as.
    public init(_ term: Term) {
        switch term {
        case .iri(let iri): self = .iri(iri.value)
        case .blank(let label): self = .blank(label)
        case .literal(let literal):
            if let language = literal.language {
                self = .literal(literal.lexicalForm, language: language, datatype: RDFTerm.langString)
            } else {
                self = .literal(
                    literal.lexicalForm, language: nil, datatype: literal.datatype?.value ?? RDFTerm.xsdString)
            }
        }
    }
}

extension RDFStatement {
    /// The statement a pipeline ``Triple`` should parse back as.
    public init(_ triple: Triple, graph: IRI? = nil) {
        self.init(
            subject: RDFTerm(triple.subject), predicate: .iri(triple.predicate.value), object: RDFTerm(triple.object),
            graph: graph.map { .iri($0.value) })
    }
}

public import Pipeline

/// Turns an annotated document into its graph: a NIF context, sentences, mentions linked to
/// entities, and the document's metadata.
///
/// For a document `<doc>` with text of N code points, it writes:
///
/// ```turtle
/// <doc> a schema:DigitalDocument ; tg:sourcePath "corpus/a.txt" ; schema:mentions <entity> .
/// <doc#char=0,N> a nif:Context, nif:OffsetBasedString ; nif:isString "…" ;
///     nif:beginIndex 0 ; nif:endIndex N ; nif:sourceUrl <doc> .
/// <doc#char=b,e> a nif:Phrase, nif:OffsetBasedString ; nif:anchorOf "China" ;
///     nif:beginIndex b ; nif:endIndex e ; nif:referenceContext <doc#char=0,N> ;
///     itsrdf:taIdentRef <entity> ; itsrdf:taClassRef schema:Country .
/// ```
///
/// Offsets are code points, as NIF 2.0 counts them. Entity descriptions (types, labels,
/// `owl:sameAs`) go into ``GraphFragment/sharedTriples``, so each is written once per output.
public struct GraphBuilder: Stage {
    public typealias Input = Document
    public typealias Output = GraphFragment

    /// Whether sentences are written as `nif:Sentence` resources.
    public var includeSentences: Bool

    /// Creates a builder.
    public init(includeSentences: Bool = true) {
        self.includeSentences = includeSentences
    }

    public func process(_ document: Document, context: StageContext, emit: (GraphFragment) async throws -> Void) async throws {
        try await emit(build(document))
    }

    /// The graph of one document.
    public func build(_ document: Document) -> GraphFragment {
        typealias V = Vocabulary
        let offsets = CodePointOffsets(document.text)
        let doc = document.iri
        let length = offsets.codePoint(at: document.utf8Count)
        let contextIRI = doc.appending("#char=0,\(length)")
        var triples: [Triple] = []
        let mentions = document[Mentions.self] ?? []

        // The document.
        triples.append(Triple(doc, V.RDF.type, V.Schema.digitalDocument))
        if let source = document.metadata.source { triples.append(Triple(doc, V.TG.sourcePath, Literal(source))) }
        if let identifier = document.metadata.identifier { triples.append(Triple(doc, V.DCTerms.identifier, Literal(identifier))) }
        if let title = document.metadata.title { triples.append(Triple(doc, V.DCTerms.title, Literal(title))) }
        if let date = document.metadata.date {
            triples.append(Triple(doc, V.DCTerms.date, Literal(date, datatype: IRI(V.XSD.namespace + "date"))))
        }
        triples.append(Triple(doc, V.DCTerms.language, Literal(document.metadata.language)))
        for entity in Set(mentions.compactMap(\.entity)).sorted() {
            triples.append(Triple(doc, V.Schema.mentions, entity))
        }

        // The context.
        triples.append(Triple(contextIRI, V.RDF.type, V.NIF.context))
        triples.append(Triple(contextIRI, V.RDF.type, V.NIF.offsetBasedString))
        triples.append(Triple(contextIRI, V.NIF.isString, Literal(document.text)))
        triples.append(Triple(contextIRI, V.NIF.beginIndex, .nonNegativeInteger(0)))
        triples.append(Triple(contextIRI, V.NIF.endIndex, .nonNegativeInteger(length)))
        triples.append(Triple(contextIRI, V.NIF.predLang, IRI("http://lexvo.org/id/iso639-1/" + document.metadata.language)))
        triples.append(Triple(contextIRI, V.NIF.sourceUrl, doc))

        func segment(_ span: Span) -> (IRI, Int, Int) {
            let begin = offsets.codePoint(at: span.start)
            let end = offsets.codePoint(at: span.end)
            return (doc.appending("#char=\(begin),\(end)"), begin, end)
        }

        if includeSentences {
            for sentence in document[Sentences.self] ?? [] {
                let (iri, begin, end) = segment(sentence.span)
                triples.append(Triple(iri, V.RDF.type, V.NIF.sentence))
                triples.append(Triple(iri, V.RDF.type, V.NIF.offsetBasedString))
                triples.append(Triple(iri, V.NIF.beginIndex, .nonNegativeInteger(begin)))
                triples.append(Triple(iri, V.NIF.endIndex, .nonNegativeInteger(end)))
                triples.append(Triple(iri, V.NIF.anchorOf, Literal(document.text(of: sentence.span))))
                triples.append(Triple(iri, V.NIF.referenceContext, contextIRI))
            }
        }

        for mention in mentions {
            let (iri, begin, end) = segment(mention.span)
            triples.append(Triple(iri, V.RDF.type, V.NIF.phrase))
            triples.append(Triple(iri, V.RDF.type, V.NIF.offsetBasedString))
            triples.append(Triple(iri, V.NIF.beginIndex, .nonNegativeInteger(begin)))
            triples.append(Triple(iri, V.NIF.endIndex, .nonNegativeInteger(end)))
            triples.append(Triple(iri, V.NIF.anchorOf, Literal(document.text(of: mention.span))))
            triples.append(Triple(iri, V.NIF.referenceContext, contextIRI))
            if let entity = mention.entity { triples.append(Triple(iri, V.ITS.taIdentRef, entity)) }
            if let entityClass = mention.entityClass { triples.append(Triple(iri, V.ITS.taClassRef, entityClass)) }
            if let confidence = mention.confidence { triples.append(Triple(iri, V.ITS.taConfidence, .decimal(confidence))) }
            if mention.entity == nil {
                for candidate in mention.candidates { triples.append(Triple(iri, V.TG.candidate, candidate)) }
            }
            if mention.form != .name {
                triples.append(Triple(iri, V.TG.mentionForm, Literal(mention.form == .adjectival ? "adjectival" : "value")))
            }
            if let value = mention.value { triples.append(Triple(iri, V.TG.value, value)) }
        }

        var shared: [Triple] = []
        for entity in document[Entities.self] ?? [] {
            for type in entity.types { shared.append(Triple(entity.iri, V.RDF.type, type)) }
            for label in entity.labels { shared.append(Triple(entity.iri, V.RDFS.label, label)) }
            for same in entity.sameAs { shared.append(Triple(entity.iri, V.OWL.sameAs, same)) }
        }
        return GraphFragment(graph: doc, triples: triples, sharedTriples: shared)
    }
}

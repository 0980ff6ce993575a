public import Pipeline

/// Turns an annotated document into its graph: a NIF context, sentences, mentions linked to
/// entities, and the document's metadata.
///
/// For a document `<doc>` with text of N code points, it writes:
///
/// ```turtle
/// <doc> a schema:DigitalDocument ; tg:sourcePath "corpus/a.txt" ; schema:mentions <entity> .
/// <doc#char=0,N> a nif:Context, nif:RFC5147String ; nif:isString "…" ;
///     nif:beginIndex 0 ; nif:endIndex N ; nif:sourceUrl <doc> .
/// <doc#char=b,e> a nif:Phrase, nif:RFC5147String ; nif:anchorOf "China" ;
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
    /// The namespace of source-file resources (`prov:wasDerivedFrom` of documents whose source
    /// is no publication).
    public var sourceBase: String

    /// Creates a builder.
    public init(includeSentences: Bool = true, sourceBase: String = "https://w3id.org/textgraph/source/") {
        self.includeSentences = includeSentences
        self.sourceBase = sourceBase
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
        if let format = document.metadata.format { triples.append(Triple(doc, V.DCTerms.format, Literal(format))) }
        for (key, value) in document.metadata.properties.sorted(by: { $0.key < $1.key }) {
            triples.append(Triple(doc, IRI(V.TG.namespace + key), Literal(value)))
        }
        let source = sourceIRI(of: document)
        triples.append(Triple(doc, V.PROV.wasDerivedFrom, source))
        triples.append(Triple(source, V.RDF.type, V.PROV.entity))
        if let path = document.metadata.source { triples.append(Triple(source, V.TG.sourcePath, Literal(path))) }
        for entity in Set(mentions.compactMap(\.entity)).sorted() {
            triples.append(Triple(doc, V.Schema.mentions, entity))
        }

        // The context.
        triples.append(Triple(contextIRI, V.RDF.type, V.NIF.context))
        triples.append(Triple(contextIRI, V.RDF.type, V.NIF.rfc5147String))
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
                triples.append(Triple(iri, V.RDF.type, V.NIF.rfc5147String))
                triples.append(Triple(iri, V.NIF.beginIndex, .nonNegativeInteger(begin)))
                triples.append(Triple(iri, V.NIF.endIndex, .nonNegativeInteger(end)))
                triples.append(Triple(iri, V.NIF.anchorOf, Literal(document.text(of: sentence.span))))
                triples.append(Triple(iri, V.NIF.referenceContext, contextIRI))
            }
        }

        for mention in mentions {
            let (iri, begin, end) = segment(mention.span)
            triples.append(Triple(iri, V.RDF.type, V.NIF.phrase))
            triples.append(Triple(iri, V.RDF.type, V.NIF.rfc5147String))
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

        for utterance in document[Utterances.self] ?? [] {
            let (iri, begin, end) = segment(utterance.span)
            triples.append(Triple(iri, V.RDF.type, V.TG.utterance))
            triples.append(Triple(iri, V.RDF.type, V.NIF.rfc5147String))
            triples.append(Triple(iri, V.NIF.beginIndex, .nonNegativeInteger(begin)))
            triples.append(Triple(iri, V.NIF.endIndex, .nonNegativeInteger(end)))
            triples.append(Triple(iri, V.NIF.referenceContext, contextIRI))
            if let name = utterance.speakerName { triples.append(Triple(iri, V.TG.speakerName, Literal(name))) }
            if let id = utterance.speakerID { triples.append(Triple(iri, V.TG.speakerId, Literal(id))) }
            if let role = utterance.role { triples.append(Triple(iri, V.TG.speakerRole, Literal(role))) }
            if let speaker = utterance.speaker { triples.append(Triple(iri, V.TG.speaker, speaker)) }
        }

        if let set = document[ParliamentaryQuestions.self] {
            triples += questionTriples(set, document: document)
        }

        for relation in document[Relations.self] ?? [] {
            triples.append(Triple(relation.subject, relation.predicate, relation.object))
            let statement = doc.appending("#relation-" + Self.stableHash(relation.subject.value + " " + relation.predicate.value + " " + relation.object.value))
            triples.append(Triple(statement, V.RDF.type, V.RDF.statement))
            triples.append(Triple(statement, V.RDF.type, V.TG.relationStatement))
            triples.append(Triple(statement, V.RDF.subject, relation.subject))
            triples.append(Triple(statement, V.RDF.predicate, relation.predicate))
            triples.append(Triple(statement, V.RDF.object, relation.object))
            triples.append(Triple(statement, V.TG.count, .integer(relation.count)))
            triples.append(Triple(statement, V.TG.foundIn, doc))
            for evidence in relation.evidence { triples.append(Triple(statement, V.TG.evidence, segment(evidence).0)) }
        }

        var shared: [Triple] = []
        for entity in document[Entities.self] ?? [] {
            for type in entity.types { shared.append(Triple(entity.iri, V.RDF.type, type)) }
            for label in entity.labels { shared.append(Triple(entity.iri, V.RDFS.label, label)) }
            for same in entity.sameAs { shared.append(Triple(entity.iri, V.OWL.sameAs, same)) }
            for organization in entity.memberOf { shared.append(Triple(entity.iri, V.Schema.memberOf, organization)) }
            for whole in entity.partOf { shared.append(Triple(entity.iri, V.Schema.isPartOf, whole)) }
        }
        return GraphFragment(graph: doc, triples: triples, sharedTriples: shared)
    }

    /// The source of a document: its publication on officielebekendmakingen when its identifier
    /// is a publication code, otherwise a resource for its source file.
    func sourceIRI(of document: Document) -> IRI {
        if let identifier = document.metadata.identifier,
            ["kv-", "ah-", "h-", "kst-", "blg-", "stb-", "stcrt-", "trb-"].contains(where: identifier.hasPrefix)
        {
            return IRI("https://zoek.officielebekendmakingen.nl/" + IRI.percentEncodedPath(identifier))
        }
        return IRI(sourceBase + IRI.percentEncodedPath(document.metadata.source ?? document.id))
    }

    private func questionTriples(_ set: QuestionSet, document: Document) -> [Triple] {
        typealias V = Vocabulary
        let doc = document.iri
        var triples: [Triple] = []
        for asker in set.askedBy { triples.append(Triple(doc, V.TG.askedBy, asker)) }
        for addressee in set.addressedTo { triples.append(Triple(doc, V.TG.addressedTo, addressee)) }
        func answerIRI(_ answer: Answer) -> IRI { doc.appending("#answer-" + answer.questionNumbers.map(String.init).joined(separator: "-")) }
        for question in set.questions {
            let iri = doc.appending("#question-\(question.number)")
            triples.append(Triple(iri, V.RDF.type, V.Schema.question))
            triples.append(Triple(iri, V.Schema.position, .integer(question.number)))
            triples.append(Triple(iri, V.Schema.isPartOf, doc))
            triples.append(Triple(iri, V.Schema.text, Literal(document.text(of: question.span))))
            for author in set.askedBy { triples.append(Triple(iri, V.Schema.author, author)) }
            for addressee in set.addressedTo { triples.append(Triple(iri, V.TG.addressedTo, addressee)) }
            if let submitted = set.submitted { triples.append(Triple(iri, V.Schema.dateCreated, submitted)) }
            for answer in set.answers where answer.questionNumbers.contains(question.number) {
                triples.append(Triple(iri, V.Schema.acceptedAnswer, answerIRI(answer)))
            }
        }
        for answer in set.answers {
            let iri = answerIRI(answer)
            triples.append(Triple(iri, V.RDF.type, V.Schema.answer))
            triples.append(Triple(iri, V.Schema.isPartOf, doc))
            triples.append(Triple(iri, V.Schema.text, Literal(document.text(of: answer.span))))
            for number in answer.questionNumbers where set.questions.contains(where: { $0.number == number }) {
                triples.append(Triple(iri, V.Schema.parentItem, doc.appending("#question-\(number)")))
            }
            for author in set.answeredBy { triples.append(Triple(iri, V.Schema.author, author)) }
            if let answered = set.answered { triples.append(Triple(iri, V.Schema.dateCreated, answered)) }
        }
        return triples
    }

    /// A short hash of a string that never changes between runs or platforms (FNV-1a, 64 bits, hex).
    static func stableHash(_ string: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in string.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

public import Pipeline
import TextGraphEntities
import TextGraphParliament
import TextGraphSupport

/// Turns an annotated document into its graph: a NIF context, sentences, mentions linked to
/// entities, and the document's metadata.
///
/// For a document `<doc>` with text of N code points, it writes:
///
/// ```turtle
/// <doc> a schema:DigitalDocument ; tg:sourcePath "corpus/a.txt" ; schema:mentions <entity> .
/// <doc#char=0,N> a nif:Context, nif:RFC5147String ; nif:isString "…" ;
///     nif:beginIndex 0 ; nif:endIndex N ; nif:sourceUrl <doc> .
/// <doc#char=s,t> a nif:Sentence, nif:RFC5147String ;
///     nif:beginIndex s ; nif:endIndex t ; nif:referenceContext <doc#char=0,N> .
/// <doc#char=b,e> a nif:Phrase, nif:RFC5147String ; nif:anchorOf "China" ;
///     nif:beginIndex b ; nif:endIndex e ; nif:referenceContext <doc#char=0,N> ;
///     itsrdf:taIdentRef <entity> ; itsrdf:taClassRef schema:Country .
/// ```
///
/// Offsets are code points, as NIF 2.0 counts them. A span that is two kinds of string at once (a
/// heading that is a sentence and a mention) is one NIF string: it gets both classes, and its
/// offsets, anchor and context once, so the output holds no statement twice. Entity descriptions (types, labels,
/// `owl:sameAs`) go into ``GraphFragment/sharedTriples``, so each is written once per output.
public struct GraphBuilder: Stage {
    public typealias Input = Document
    public typealias Output = GraphFragment

    /// Whether sentences are written as `nif:Sentence` resources.
    public var includeSentences: Bool
    /// Whether sentences carry their text as `nif:anchorOf`.
    ///
    /// Off by default: like a CAS in UIMA or a spaCy `Doc`, the graph keeps the text once (the
    /// context's `nif:isString`) and sentences as offsets into it, which NIF 2.0 prefers
    /// (`nif:anchorOf` is redundant with the offsets); sentence texts would add a tenth to the
    /// output. Mentions always carry their anchor, which entity-linking tools read.
    public var includeSentenceText: Bool
    /// The namespace of source-file resources (`prov:wasDerivedFrom` of documents whose source
    /// is no publication).
    public var sourceBase: String
    /// What adds statements of its own after the built-in ones (the layers of custom stages).
    public var contributors: [any GraphContributor]

    /// Creates a builder.
    public init(
        includeSentences: Bool = true,
        includeSentenceText: Bool = false,
        sourceBase: String = "https://w3id.org/textgraph/source/",
        contributors: [any GraphContributor] = []
    ) {
        self.includeSentences = includeSentences
        self.includeSentenceText = includeSentenceText
        self.sourceBase = sourceBase
        self.contributors = contributors
    }

    public func process(_ document: Document, context: StageContext, emit: (GraphFragment) async throws -> Void)
        async throws
    {
        try await emit(build(document))
    }

    /// The graph of one document.
    public func build(_ document: Document) -> GraphFragment {
        var text = document.text
        return text.withUTF8 { bytes in
            var collector = TripleCollector(document: document.iri, text: bytes)
            write(document, text: bytes, into: &collector)
            return collector.fragment
        }
    }

    /// Says what the graph of a document holds, statement by statement, to a sink: a
    /// ``TripleCollector`` that makes ``Triple`` values, or a ``LineStatementWriter`` that writes
    /// N-Triples or N-Quads bytes directly. Both get the same statements in the same order, so
    /// the graph is defined here once.
    /// - Parameters:
    ///   - document: The document.
    ///   - text: The UTF-8 bytes of the document's text.
    ///   - sink: Receives the statements.
    func write<Sink: GraphStatementSink>(_ document: Document, text: UnsafeBufferPointer<UInt8>, into sink: inout Sink)
    {
        var writer = DocumentGraphWriter(builder: self, document: document, text: text, sink: sink)
        writer.writeDocument()
        writer.writeContext()
        writer.writeSentences()
        writer.writeMentions()
        writer.writeUtterances()
        if let set = document[ParliamentaryQuestions.self] {
            writeQuestions(set, document: document, into: &writer.sink)
        }
        writer.writeRelations()
        writer.writeEntities()
        writer.writeContributions()
        sink = writer.sink
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

    /// The IRI of a case ("2024Z01911"): the entity ``DocumentNumberTagger`` links its number to.
    static func caseIRI(_ caseNumber: String) -> IRI {
        DocumentNumberTagger.entity(for: caseNumber, kind: .caseNumber).iri
    }

    /// The IRI of question `number` of a case: `…/entity/document/2024Z01911/question-3`, the same in
    /// every document about the case, so that a store joins the questions, their answers and
    /// their dates whichever document each came from.
    public static func questionIRI(caseNumber: String, number: Int) -> IRI {
        IRI(caseIRI(caseNumber).value + "/question-\(number)")
    }

    /// Writes the questions and answers. Questions are named by their case when the document gives
    /// its case number (``questionIRI(caseNumber:number:)``), else by the document (`doc#question-3`);
    /// answers always by the document (`doc#answer-2-3`).
    ///
    /// ```turtle
    /// <doc> tg:askedBy <person> ; tg:addressedTo <office> ; tg:case <case> .
    /// <case/question-3> a schema:Question ; schema:position 3 ; schema:isPartOf <doc> ;
    ///     schema:text "…" ; schema:author <person> ; tg:addressedTo <office> ;
    ///     schema:dateCreated "2024-02-07"^^xsd:date ; schema:acceptedAnswer <doc#answer-3> .
    /// <doc#answer-3> a schema:Answer ; schema:parentItem <case/question-3> ; schema:author <minister> .
    /// <case> tg:datePostponed "2024-02-28"^^xsd:date .     # from a notice of postponement (and on its questions)
    /// ```
    private func writeQuestions<Sink: GraphStatementSink>(_ set: QuestionSet, document: Document, into sink: inout Sink)
    {
        let doc = GraphNode.document
        func text(_ span: Span) -> GraphNode { .text(span) }
        func answerNode(_ answer: Answer) -> GraphNode {
            .documentSuffix("#answer-" + answer.questionNumbers.map(String.init).joined(separator: "-"))
        }
        func questionNode(_ number: Int) -> GraphNode {
            guard let caseNumber = set.caseNumber else { return .documentSuffix("#question-\(number)") }
            return .iri(Self.questionIRI(caseNumber: caseNumber, number: number))
        }
        let asked = Set(set.questions.map(\.number))
        for asker in set.askedBy { sink.add(doc, .vocabulary(.tgAskedBy), .iri(asker)) }
        for addressee in set.addressedTo { sink.add(doc, .vocabulary(.tgAddressedTo), .iri(addressee)) }
        if let caseNumber = set.caseNumber {
            let caseNode = GraphNode.iri(Self.caseIRI(caseNumber))
            sink.add(doc, .vocabulary(.tgCase), caseNode)
            if let postponed = set.postponed { sink.add(caseNode, .vocabulary(.tgDatePostponed), .literal(postponed)) }
        }
        for question in set.questions {
            let node = questionNode(question.number)
            sink.add(node, .vocabulary(.rdfType), .vocabulary(.schemaQuestion))
            sink.add(node, .vocabulary(.schemaPosition), .literal(.integer(question.number)))
            sink.add(node, .vocabulary(.schemaIsPartOf), doc)
            sink.add(node, .vocabulary(.schemaText), text(question.span))
            for author in set.askedBy { sink.add(node, .vocabulary(.schemaAuthor), .iri(author)) }
            for addressee in set.addressedTo { sink.add(node, .vocabulary(.tgAddressedTo), .iri(addressee)) }
            if let submitted = set.submitted { sink.add(node, .vocabulary(.schemaDateCreated), .literal(submitted)) }
            if let postponed = set.postponed { sink.add(node, .vocabulary(.tgDatePostponed), .literal(postponed)) }
        }
        for answer in set.answers {
            let node = answerNode(answer)
            sink.add(node, .vocabulary(.rdfType), .vocabulary(.schemaAnswer))
            sink.add(node, .vocabulary(.schemaIsPartOf), doc)
            sink.add(node, .vocabulary(.schemaText), text(answer.span))
            for number in answer.questionNumbers where set.caseNumber != nil || asked.contains(number) {
                let question = questionNode(number)
                sink.add(node, .vocabulary(.schemaParentItem), question)
                sink.add(question, .vocabulary(.schemaAcceptedAnswer), node)
                if !asked.contains(number) {
                    // A question of the case this document answers without repeating it.
                    sink.add(question, .vocabulary(.rdfType), .vocabulary(.schemaQuestion))
                    sink.add(question, .vocabulary(.schemaPosition), .literal(.integer(number)))
                }
                if let answered = set.answered { sink.add(question, .vocabulary(.tgDateAnswered), .literal(answered)) }
            }
            for author in set.answeredBy { sink.add(node, .vocabulary(.schemaAuthor), .iri(author)) }
            if let answered = set.answered { sink.add(node, .vocabulary(.schemaDateCreated), .literal(answered)) }
        }
    }

    /// A short hash of a string that never changes between runs or platforms (FNV-1a, 64 bits,
    /// 16 hex digits): for names made from content, such as relation IRIs and page file names.
    public static func stableHash(_ string: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in string.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

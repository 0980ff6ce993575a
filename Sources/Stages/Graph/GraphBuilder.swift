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

    public func process(_ document: Document, context: StageContext, emit: (GraphFragment) async throws -> Void) async throws {
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
    func write<Sink: GraphStatementSink>(_ document: Document, text: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        typealias V = Vocabulary
        var offsets = CodePointOffsets(text)
        let length = offsets.codePoint(at: text.count)
        let doc = GraphNode.document
        let context = GraphNode.segment(0, length)
        let mentions = document[Mentions.self] ?? []
        let type = GraphNode.vocabulary(.rdfType)

        // The document.
        sink.add(doc, type, .vocabulary(.schemaDigitalDocument))
        if let source = document.metadata.source { sink.add(doc, .vocabulary(.tgSourcePath), .literal(Literal(source))) }
        if let identifier = document.metadata.identifier { sink.add(doc, .vocabulary(.dctermsIdentifier), .literal(Literal(identifier))) }
        if let title = document.metadata.title { sink.add(doc, .vocabulary(.dctermsTitle), .literal(Literal(title))) }
        if let date = document.metadata.date {
            sink.add(doc, .vocabulary(.dctermsDate), .literal(Literal(date, datatype: IRI(V.XSD.namespace + "date"))))
        }
        sink.add(doc, .vocabulary(.dctermsLanguage), .literal(Literal(document.metadata.language)))
        if let format = document.metadata.format { sink.add(doc, .vocabulary(.dctermsFormat), .literal(Literal(format))) }
        for (key, value) in document.metadata.properties.sorted(by: { $0.key < $1.key }) {
            sink.add(doc, .iri(IRI(V.TG.namespace + key)), .literal(Literal(value)))
        }
        let source = GraphNode.iri(sourceIRI(of: document))
        sink.add(doc, .vocabulary(.provWasDerivedFrom), source)
        sink.add(source, type, .vocabulary(.provEntity))
        if let path = document.metadata.source { sink.add(source, .vocabulary(.tgSourcePath), .literal(Literal(path))) }
        for entity in Set(mentions.compactMap(\.entity)).sorted() {
            sink.add(doc, .vocabulary(.schemaMentions), .iri(entity))
        }

        // The context.
        sink.add(context, type, .vocabulary(.nifContext))
        sink.add(context, type, .vocabulary(.nifRfc5147String))
        sink.add(context, .vocabulary(.nifIsString), .text(Span(start: 0, end: text.count)))
        sink.add(context, .vocabulary(.nifBeginIndex), .nonNegativeInteger(0))
        sink.add(context, .vocabulary(.nifEndIndex), .nonNegativeInteger(length))
        sink.add(context, .vocabulary(.nifPredLang), .iri(IRI("http://lexvo.org/id/iso639-1/" + document.metadata.language)))
        sink.add(context, .vocabulary(.nifSourceUrl), doc)

        func segment(_ span: Span) -> (GraphNode, Int, Int) {
            let begin = offsets.codePoint(at: span.start)
            let end = offsets.codePoint(at: span.end)
            return (.segment(begin, end), begin, end)
        }

        // A span that is both a sentence and a mention (a heading "Nuctech"), or a sentence and an
        // utterance, is one NIF string: what says where it is goes into the graph once.
        let sentences = includeSentences ? document[Sentences.self] ?? [] : []
        let wholeText = Span(start: 0, end: text.count)
        func isSentence(_ span: Span) -> Bool {
            // Sentences are in text order and do not overlap: a binary search by start.
            var low = 0
            var high = sentences.count
            while low < high {
                let middle = (low + high) / 2
                if sentences[middle].span.start < span.start { low = middle + 1 } else { high = middle }
            }
            return low < sentences.count && sentences[low].span == span
        }
        /// Says where a NIF string is (its scheme class and offsets), unless it is the context,
        /// whose offsets are written.
        func place(_ node: GraphNode, _ span: Span, _ begin: Int, _ end: Int) {
            guard span != wholeText else { return }
            sink.add(node, type, .vocabulary(.nifRfc5147String))
            sink.add(node, .vocabulary(.nifBeginIndex), .nonNegativeInteger(begin))
            sink.add(node, .vocabulary(.nifEndIndex), .nonNegativeInteger(end))
        }

        for sentence in sentences {
            let (node, begin, end) = segment(sentence.span)
            sink.add(node, type, .vocabulary(.nifSentence))
            place(node, sentence.span, begin, end)
            if includeSentenceText { sink.add(node, .vocabulary(.nifAnchorOf), .text(sentence.span)) }
            sink.add(node, .vocabulary(.nifReferenceContext), context)
        }

        for mention in mentions {
            let (node, begin, end) = segment(mention.span)
            sink.add(node, type, .vocabulary(.nifPhrase))
            if !isSentence(mention.span) {
                place(node, mention.span, begin, end)
                sink.add(node, .vocabulary(.nifAnchorOf), .text(mention.span))
                sink.add(node, .vocabulary(.nifReferenceContext), context)
            } else if !includeSentenceText {
                sink.add(node, .vocabulary(.nifAnchorOf), .text(mention.span))
            }
            if let entity = mention.entity { sink.add(node, .vocabulary(.itsTaIdentRef), .iri(entity)) }
            if let entityClass = mention.entityClass { sink.add(node, .vocabulary(.itsTaClassRef), .iri(entityClass)) }
            if let confidence = mention.confidence { sink.add(node, .vocabulary(.itsTaConfidence), .decimal(confidence)) }
            if mention.entity == nil {
                for candidate in mention.candidates { sink.add(node, .vocabulary(.tgCandidate), .iri(candidate)) }
            }
            if mention.form != .name {
                sink.add(node, .vocabulary(.tgMentionForm), .literal(Literal(mention.form == .adjectival ? "adjectival" : "value")))
            }
            if let value = mention.value { sink.add(node, .vocabulary(.tgValue), .literal(value)) }
        }

        for utterance in document[Utterances.self] ?? [] {
            let (node, begin, end) = segment(utterance.span)
            sink.add(node, type, .vocabulary(.tgUtterance))
            if !isSentence(utterance.span) && !mentions.contains(where: { $0.span == utterance.span }) {
                place(node, utterance.span, begin, end)
                sink.add(node, .vocabulary(.nifReferenceContext), context)
            }
            if let name = utterance.speakerName { sink.add(node, .vocabulary(.tgSpeakerName), .literal(Literal(name))) }
            if let id = utterance.speakerID { sink.add(node, .vocabulary(.tgSpeakerId), .literal(Literal(id))) }
            if let role = utterance.role { sink.add(node, .vocabulary(.tgSpeakerRole), .literal(Literal(role))) }
            if let speaker = utterance.speaker { sink.add(node, .iri(Vocabulary.TG.speaker), .iri(speaker)) }
        }

        if let set = document[ParliamentaryQuestions.self] {
            writeQuestions(set, document: document, into: &sink)
        }

        for relation in document[Relations.self] ?? [] {
            sink.add(.iri(relation.subject), .iri(relation.predicate), .iri(relation.object))
            let statement = GraphNode.documentSuffix(
                "#relation-" + Self.stableHash(relation.subject.value + " " + relation.predicate.value + " " + relation.object.value))
            sink.add(statement, type, .vocabulary(.rdfStatement))
            sink.add(statement, type, .vocabulary(.tgRelationStatement))
            sink.add(statement, .vocabulary(.rdfSubject), .iri(relation.subject))
            sink.add(statement, .vocabulary(.rdfPredicate), .iri(relation.predicate))
            sink.add(statement, .vocabulary(.rdfObject), .iri(relation.object))
            sink.add(statement, .vocabulary(.tgCount), .literal(.integer(relation.count)))
            sink.add(statement, .vocabulary(.tgFoundIn), doc)
            for evidence in relation.evidence { sink.add(statement, .vocabulary(.tgEvidence), segment(evidence).0) }
        }

        for entity in document[Entities.self] ?? [] {
            for type in entity.types { sink.addShared(entity.iri, .vocabulary(.rdfType), .iri(type)) }
            for label in entity.labels { sink.addShared(entity.iri, .vocabulary(.rdfsLabel), .literal(label)) }
            for same in entity.sameAs { sink.addShared(entity.iri, .vocabulary(.owlSameAs), .iri(same)) }
            for organization in entity.memberOf { sink.addShared(entity.iri, .iri(Vocabulary.Schema.memberOf), .iri(organization)) }
            for whole in entity.partOf { sink.addShared(entity.iri, .vocabulary(.schemaIsPartOf), .iri(whole)) }
            for identifier in entity.identifiers {
                sink.addShared(entity.iri, .vocabulary(.dctermsIdentifier), .literal(Literal(identifier)))
            }
            for source in entity.sources { sink.addShared(entity.iri, .iri(Vocabulary.DCTerms.source), .iri(source)) }
            for page in entity.pages { sink.addShared(entity.iri, .iri(Vocabulary.RDFS.seeAlso), .iri(page)) }
        }

        if !contributors.isEmpty { writeContributions(of: document, text: text, offsets: &offsets, into: &sink) }
    }

    /// Writes what the ``contributors`` add, their spans turned into NIF strings.
    private func writeContributions<Sink: GraphStatementSink>(
        of document: Document,
        text: UnsafeBufferPointer<UInt8>,
        offsets: inout CodePointOffsets,
        into sink: inout Sink
    ) {
        func node(_ node: GraphStatements.Node) -> GraphNode {
            switch node {
            case .iri(let iri): .iri(iri)
            case .literal(let literal): .literal(literal)
            case .document: .document
            case .span(let span): .segment(offsets.codePoint(at: span.start), offsets.codePoint(at: span.end))
            case .text(let span): .text(span)
            }
        }
        for contributor in contributors {
            var statements = GraphStatements(textLength: text.count)
            contributor.contribute(document, to: &statements)
            for (subject, predicate, object) in statements.statements { sink.add(node(subject), .iri(predicate), node(object)) }
            for (subject, predicate, object) in statements.sharedStatements { sink.addShared(subject, .iri(predicate), node(object)) }
        }
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
    static func caseIRI(_ caseNumber: String) -> IRI { DocumentNumberTagger.entity(for: caseNumber, kind: .caseNumber).iri }

    /// The IRI of question `number` of a case: `…/entity/document/2024Z01911/question-3`, the same in
    /// every document about the case, so that a store joins the questions, their answers and
    /// their dates whichever document each came from.
    public static func questionIRI(caseNumber: String, number: Int) -> IRI { IRI(caseIRI(caseNumber).value + "/question-\(number)") }

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
    private func writeQuestions<Sink: GraphStatementSink>(_ set: QuestionSet, document: Document, into sink: inout Sink) {
        typealias V = Vocabulary
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
        for asker in set.askedBy { sink.add(doc, .iri(V.TG.askedBy), .iri(asker)) }
        for addressee in set.addressedTo { sink.add(doc, .vocabulary(.tgAddressedTo), .iri(addressee)) }
        if let caseNumber = set.caseNumber {
            let caseNode = GraphNode.iri(Self.caseIRI(caseNumber))
            sink.add(doc, .iri(V.TG.caseProperty), caseNode)
            if let postponed = set.postponed { sink.add(caseNode, .iri(V.TG.datePostponed), .literal(postponed)) }
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
            if let postponed = set.postponed { sink.add(node, .iri(V.TG.datePostponed), .literal(postponed)) }
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
                if let answered = set.answered { sink.add(question, .iri(V.TG.dateAnswered), .literal(answered)) }
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

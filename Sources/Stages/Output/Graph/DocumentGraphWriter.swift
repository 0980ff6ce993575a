import Pipeline
import TextGraphInput
import TextGraphRelations
import TextGraphSupport

/// Says one document's graph to a sink, layer by layer: the document and its source, the NIF
/// context, sentences, mentions, utterances, questions and answers, relations, entity
/// descriptions, and what the builder's ``GraphContributor``s add.
///
/// Each layer has a method of its own; they share what says where a span is (code point offsets,
/// and whether a span is already a sentence), so that a span that is two kinds of string at once
/// is placed once. ``GraphBuilder/write(_:text:into:)`` calls them in this order.
struct DocumentGraphWriter<Sink: GraphStatementSink> {
    typealias V = Vocabulary

    let builder: GraphBuilder
    let document: Document
    let text: UnsafeBufferPointer<UInt8>
    /// Receives the statements.
    var sink: Sink
    private var offsets: CodePointOffsets
    /// The context, `doc#char=0,N`.
    private let context: GraphNode
    private let length: Int
    private let mentions: [Mention]
    /// The sentences written (none when the builder leaves them out).
    private let sentences: [Sentence]
    private let type = GraphNode.vocabulary(.rdfType)

    init(builder: GraphBuilder, document: Document, text: UnsafeBufferPointer<UInt8>, sink: Sink) {
        self.builder = builder
        self.document = document
        self.text = text
        self.sink = sink
        offsets = CodePointOffsets(text)
        length = offsets.codePoint(at: text.count)
        context = .segment(0, length)
        mentions = document[Mentions.self] ?? []
        sentences = builder.includeSentences ? document[Sentences.self] ?? [] : []
    }

    /// The document, its metadata and source, and the entities it mentions.
    mutating func writeDocument() {
        let doc = GraphNode.document
        let metadata = document.metadata
        sink.add(doc, type, .vocabulary(.schemaDigitalDocument))
        if let source = metadata.source { sink.add(doc, .vocabulary(.tgSourcePath), .literal(Literal(source))) }
        if let identifier = metadata.identifier {
            sink.add(doc, .vocabulary(.dctermsIdentifier), .literal(Literal(identifier)))
        }
        if let title = metadata.title { sink.add(doc, .vocabulary(.dctermsTitle), .literal(Literal(title))) }
        if let date = metadata.date {
            sink.add(
                doc, .vocabulary(.dctermsDate), .literal(Literal(date, datatype: IRI(V.Namespace.xsd.iri + "date"))))
        }
        sink.add(doc, .vocabulary(.dctermsLanguage), .literal(Literal(metadata.language ?? StandardLanguage.code)))
        if let format = metadata.format { sink.add(doc, .vocabulary(.dctermsFormat), .literal(Literal(format))) }
        for (key, value) in metadata.properties.sorted(by: { $0.key < $1.key }) {
            sink.add(doc, .iri(IRI(V.Namespace.tg.iri + key)), .literal(Literal(value)))
        }
        let source = GraphNode.iri(builder.sourceIRI(of: document))
        sink.add(doc, .vocabulary(.provWasDerivedFrom), source)
        sink.add(source, type, .vocabulary(.provEntity))
        if let path = metadata.source { sink.add(source, .vocabulary(.tgSourcePath), .literal(Literal(path))) }
        for entity in Set(mentions.compactMap(\.entity)).sorted() {
            sink.add(doc, .vocabulary(.schemaMentions), .iri(entity))
        }
    }

    /// The NIF context: the whole text, its length and language.
    mutating func writeContext() {
        sink.add(context, type, .vocabulary(.nifContext))
        sink.add(context, type, .vocabulary(.nifRfc5147String))
        sink.add(context, .vocabulary(.nifIsString), .text(Span(start: 0, end: text.count)))
        sink.add(context, .vocabulary(.nifBeginIndex), .nonNegativeInteger(0))
        sink.add(context, .vocabulary(.nifEndIndex), .nonNegativeInteger(length))
        sink.add(
            context, .vocabulary(.nifPredLang),
            .iri(IRI("http://lexvo.org/id/iso639-1/" + (document.metadata.language ?? StandardLanguage.code))))
        sink.add(context, .vocabulary(.nifSourceUrl), .document)
    }

    /// The sentences, as NIF strings in the context.
    mutating func writeSentences() {
        for sentence in sentences {
            let (node, begin, end) = segment(sentence.span)
            sink.add(node, type, .vocabulary(.nifSentence))
            place(node, sentence.span, begin, end)
            if builder.includeSentenceText { sink.add(node, .vocabulary(.nifAnchorOf), .text(sentence.span)) }
            sink.add(node, .vocabulary(.nifReferenceContext), context)
        }
    }

    /// The mentions: NIF phrases with their entity, class, confidence, candidates, form and value.
    mutating func writeMentions() {
        for mention in mentions {
            let (node, begin, end) = segment(mention.span)
            sink.add(node, type, .vocabulary(.nifPhrase))
            if !isSentence(mention.span) {
                place(node, mention.span, begin, end)
                sink.add(node, .vocabulary(.nifAnchorOf), .text(mention.span))
                sink.add(node, .vocabulary(.nifReferenceContext), context)
            } else if !builder.includeSentenceText {
                sink.add(node, .vocabulary(.nifAnchorOf), .text(mention.span))
            }
            if let entity = mention.entity { sink.add(node, .vocabulary(.itsTaIdentRef), .iri(entity)) }
            if let entityClass = mention.entityClass { sink.add(node, .vocabulary(.itsTaClassRef), .iri(entityClass)) }
            if let confidence = mention.confidence {
                sink.add(node, .vocabulary(.itsTaConfidence), .decimal(confidence))
            }
            if mention.entity == nil {
                for candidate in mention.candidates { sink.add(node, .vocabulary(.tgCandidate), .iri(candidate)) }
            }
            if mention.form != .name {
                sink.add(
                    node, .vocabulary(.tgMentionForm),
                    .literal(Literal(mention.form == .adjectival ? "adjectival" : "value")))
            }
            if let value = mention.value { sink.add(node, .vocabulary(.tgValue), .literal(value)) }
        }
    }

    /// The utterances of a debate, with their speakers.
    mutating func writeUtterances() {
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
            if let speaker = utterance.speaker { sink.add(node, .vocabulary(.tgSpeaker), .iri(speaker)) }
        }
    }

    /// The relations, each as a statement and its reification with count and evidence.
    mutating func writeRelations() {
        for relation in document[Relations.self] ?? [] {
            sink.add(.iri(relation.subject), .iri(relation.predicate), .iri(relation.object))
            let statement = GraphNode.documentSuffix(
                "#relation-"
                    + GraphBuilder.stableHash(
                        relation.subject.value + " " + relation.predicate.value + " " + relation.object.value))
            sink.add(statement, type, .vocabulary(.rdfStatement))
            sink.add(statement, type, .vocabulary(.tgRelationStatement))
            sink.add(statement, .vocabulary(.rdfSubject), .iri(relation.subject))
            sink.add(statement, .vocabulary(.rdfPredicate), .iri(relation.predicate))
            sink.add(statement, .vocabulary(.rdfObject), .iri(relation.object))
            sink.add(statement, .vocabulary(.tgCount), .literal(.integer(relation.count)))
            sink.add(statement, .vocabulary(.tgFoundIn), .document)
            for evidence in relation.evidence { sink.add(statement, .vocabulary(.tgEvidence), segment(evidence).node) }
        }
    }

    /// The entities' descriptions, shared: written once per output.
    mutating func writeEntities() {
        for entity in document[Entities.self] ?? [] {
            for type in entity.types { sink.addShared(entity.iri, .vocabulary(.rdfType), .iri(type)) }
            for label in entity.labels { sink.addShared(entity.iri, .vocabulary(.rdfsLabel), .literal(label)) }
            for same in entity.sameAs { sink.addShared(entity.iri, .vocabulary(.owlSameAs), .iri(same)) }
            for organization in entity.memberOf {
                sink.addShared(entity.iri, .vocabulary(.schemaMemberOf), .iri(organization))
            }
            for whole in entity.partOf { sink.addShared(entity.iri, .vocabulary(.schemaIsPartOf), .iri(whole)) }
            for identifier in entity.identifiers {
                sink.addShared(entity.iri, .vocabulary(.dctermsIdentifier), .literal(Literal(identifier)))
            }
            for source in entity.sources {
                sink.addShared(entity.iri, .vocabulary(.dctermsSource), .iri(source))
            }
            for page in entity.pages { sink.addShared(entity.iri, .vocabulary(.rdfsSeeAlso), .iri(page)) }
        }
    }

    /// What the builder's contributors add, their spans turned into NIF strings.
    mutating func writeContributions() {
        for contributor in builder.contributors {
            var statements = GraphStatements(textLength: text.count)
            contributor.contribute(document, to: &statements)
            for (subject, predicate, object) in statements.statements {
                sink.add(node(subject), .iri(predicate), node(object))
            }
            for (subject, predicate, object) in statements.sharedStatements {
                sink.addShared(subject, .iri(predicate), node(object))
            }
        }
    }

    private mutating func node(_ node: GraphStatements.Node) -> GraphNode {
        switch node {
        case .iri(let iri): .iri(iri)
        case .literal(let literal): .literal(literal)
        case .document: .document
        case .span(let span): segment(span).node
        case .text(let span): .text(span)
        }
    }

    /// The NIF string of a span and its offsets in code points.
    private mutating func segment(_ span: Span) -> (node: GraphNode, begin: Int, end: Int) {
        let begin = offsets.codePoint(at: span.start)
        let end = offsets.codePoint(at: span.end)
        return (.segment(begin, end), begin, end)
    }

    /// Whether a span is a sentence written (a span that is both a sentence and a mention, such as
    /// a heading "Nuctech", or a sentence and an utterance, is one NIF string, placed once).
    private func isSentence(_ span: Span) -> Bool {
        // Sentences are in text order and do not overlap: a binary search by start.
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].span.start < span.start { low = middle + 1 } else { high = middle }
        }
        return low < sentences.count && sentences[low].span == span
    }

    /// Says where a NIF string is (its scheme class and offsets), unless it is the context, whose
    /// offsets are written.
    private mutating func place(_ node: GraphNode, _ span: Span, _ begin: Int, _ end: Int) {
        guard span != Span(start: 0, end: text.count) else { return }
        sink.add(node, type, .vocabulary(.nifRfc5147String))
        sink.add(node, .vocabulary(.nifBeginIndex), .nonNegativeInteger(begin))
        sink.add(node, .vocabulary(.nifEndIndex), .nonNegativeInteger(end))
    }
}

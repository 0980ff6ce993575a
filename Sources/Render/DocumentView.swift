import Foundation
public import Pipeline
public import Stages

/// What the pages show of one document, taken from its annotation layers once.
///
/// Both roads to a site meet here: a document fresh from the pipeline, and a document read back
/// from a graph file by ``GraphDocumentReader``. Only what the graph keeps is used (the text,
/// sentences, mentions with their class, entity, confidence and form, the questions and answers,
/// relations), so a corpus and its graph give the same pages.
public struct DocumentView: Sendable {
    /// A mention with what the pages say about it.
    public struct ShownMention: Sendable {
        /// The mention.
        public var mention: Mention
        /// What found it.
        public var origin: MentionOrigin
        /// Its category, from its class.
        public var category: EntityCategory
        /// The text it covers.
        public var anchor: String
    }

    /// The document's identifier.
    public var id: String
    /// The document's IRI.
    public var iri: IRI
    /// The title pages show: the document's title, else its id.
    public var title: String
    /// The document's metadata.
    public var metadata: DocumentMetadata
    /// The text's UTF-8 bytes.
    public var text: [UInt8]
    /// The sentences.
    public var sentences: [Span]
    /// The mentions, in text order.
    public var mentions: [ShownMention]
    /// The questions and answers, if any.
    public var questions: QuestionSet?
    /// The relations between entities found in the document.
    public var relations: [Relation]
    /// The entity descriptions the document carries.
    public var entities: [Entity]
    /// The page's path below the site root.
    public var path: String

    /// Takes what the pages show from a document.
    public init(_ document: Document) {
        id = document.id
        iri = document.iri
        metadata = document.metadata
        title = document.metadata.title ?? document.id
        text = Array(document.text.utf8)
        sentences = (document[Sentences.self] ?? []).map(\.span)
        entities = document[Entities.self] ?? []
        // The model's entities are typed tg:RecognizedEntity and live under entity/ner/ (which a
        // graph read back shows before the entity descriptions come, at its end).
        let recognized = Set(entities.filter { $0.types.contains(MentionOriginTypes.recognizedEntity) }.map(\.iri))
        let isRecognized = { (iri: IRI) in
            recognized.contains(iri) || iri.value.hasPrefix(SiteLayout.entityBase + "ner/")
        }
        let bytes = text
        mentions = (document[Mentions.self] ?? []).map { mention in
            ShownMention(
                mention: mention,
                origin: MentionOrigin.of(mention, isRecognizedEntity: mention.entity.map(isRecognized) ?? false),
                category: mention.form == .value ? .value : EntityCategory.of(class: mention.entityClass),
                anchor: String(decoding: bytes[mention.span.start..<mention.span.end], as: UTF8.self)
            )
        }
        questions = document[ParliamentaryQuestions.self]
        relations = document[Relations.self] ?? []
        path = SiteLayout.documentPath(id: document.id)
    }

    /// The text a span covers.
    public func text(of span: Span) -> String {
        String(decoding: text[min(span.start, text.count)..<min(span.end, text.count)], as: UTF8.self)
    }

    /// The name a page gives an entity in this document: the first mention's text, else the last
    /// part of its IRI.
    public func name(of entity: IRI) -> String {
        if let mention = mentions.first(where: { $0.mention.entity == entity && $0.mention.form == .name }) {
            return mention.anchor
        }
        return EntityCategory.localName(entity).replacingOccurrences(of: "-", with: " ")
    }

    /// The index of the sentence that holds an offset, if any.
    public func sentenceIndex(containing offset: Int) -> Int? {
        var low = 0
        var high = sentences.count
        while low < high {
            let middle = (low + high) / 2
            if sentences[middle].end <= offset { low = middle + 1 } else { high = middle }
        }
        return low < sentences.count && sentences[low].start <= offset ? low : nil
    }

    /// Counts for the index page.
    public var counts: (questions: Int, mentions: Int, entities: Int) {
        (questions?.questions.count ?? 0, mentions.count, Set(mentions.compactMap(\.mention.entity)).count)
    }
}

/// The class IRIs the views look for.
enum MentionOriginTypes {
    /// The class of entities the model found (`tg:RecognizedEntity`).
    static let recognizedEntity = Vocabulary.tgRecognizedEntity.iri
}

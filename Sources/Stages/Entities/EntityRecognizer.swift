public import Pipeline
import TextGraphSupport

/// Finds the names no gazetteer lists, with a trained ``NamedEntityModel``, types them and makes
/// each an entity.
///
/// Runs after the gazetteer tagger and the linker: a mention found earlier (a gazetteer name, a
/// date, an article) wins, and a name that overlaps one is dropped. Each name the model finds
/// with at least ``minimumConfidence`` becomes a mention with its class (`schema:Person`,
/// `schema:Organization`, `schema:Place`, `schema:Thing` for other names) and its confidence
/// (`itsrdf:taConfidence`), linked to an entity whose IRI is made of the class and the
/// normalized name (`…/entity/ner/person/hugo-de-jonge`), so that the same name in many
/// documents is one node. The entity is typed `tg:RecognizedEntity` besides its class: found by
/// the model, not listed in a gazetteer.
///
/// Titles ("Minister", "de heer", "mevrouw") are not part of a name, and a word that names an
/// institution only by its kind ("Kamer", "Hof") is not a name alone. A short form links to the
/// full name it abbreviates in the same document: "De Jonge" after "Hugo de Jonge" (a name the
/// model found), "Halsema" after a gazetteer's "Femke Halsema".
public struct EntityRecognizer: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// The trained model.
    public let model: NamedEntityModel
    /// What the model's features know of words, from the pipeline's gazetteer.
    public let lexicon: NamedEntityLexicon
    /// Names the model is less sure of are left out.
    public var minimumConfidence: Double

    /// The confidence below which the standard pipeline leaves a name out: 0.6 keeps the
    /// kamervragen kit's entity precision at 0.90 with the bundled gazetteers (0.898 at 0.55).
    public static let defaultMinimumConfidence = 0.6

    /// The class of recognized entities besides their schema.org class.
    public static let recognizedEntity = Vocabulary.tgRecognizedEntity.iri

    /// Creates a recognizer.
    /// - Parameters:
    ///   - model: The trained model.
    ///   - gazetteer: The gazetteer whose names the features consult (the pipeline's).
    ///   - minimumConfidence: Names the model is less sure of are left out.
    public init(model: NamedEntityModel, gazetteer: Gazetteer, minimumConfidence: Double = defaultMinimumConfidence) {
        self.model = model
        self.lexicon = NamedEntityLexicon(gazetteer: gazetteer, clusters: model.clusters)
        self.minimumConfidence = minimumConfidence
    }

    public var requires: Set<AnnotationKey> { [.tokens, .sentences] }
    public var assigns: Set<AnnotationKey> { [.mentions, .links] }

    /// Words that say who someone is but are not part of the name.
    static let titles: Set<String> = [
        "minister", "staatssecretaris", "minister-president", "premier", "heer", "mevrouw", "mevr.", "dhr.", "mr.",
        "dr.", "prof.", "drs.", "ir.", "ing.", "burgemeester", "wethouder", "voorzitter", "kamerlid", "lid",
        "president",
        "koning", "koningin", "commissaris", "ambassadeur", "generaal", "staatsraad",
    ]

    /// Words that name an institution only by its kind ("de Kamer", "het Hof", "de Staat"):
    /// which one is meant depends on the text, so alone they are not names with an entity of
    /// their own (and the kamervragen guidelines do not annotate them).
    static let generic: Set<String> = [
        "kamer", "commissie", "hof", "rijk", "staat", "regering", "kabinet", "ministerie", "gemeente", "provincie",
        "raad", "politie", "overheid", "parlement", "senaat", "rechtbank", "minister", "staatssecretaris",
    ]

    /// Whether the token at `index` is a title, or an article before one ("de heer").
    static func isTitle(_ text: NamedEntityText, _ index: Int) -> Bool {
        let word = text.token(index).lowercased()
        if titles.contains(word) { return true }
        guard ["de", "het", "een"].contains(word), index + 1 < text.tokens.count else { return false }
        return titles.contains(text.token(index + 1).lowercased())
    }

    /// The class of each coarse type.
    static func entityClass(of type: String) -> IRI {
        switch type {
        case "PER": .schema("Person")
        case "ORG": .schema("Organization")
        case "LOC": .schema("Place")
        default: .schema("Thing")
        }
    }

    /// The IRI of a recognized entity: its class and its normalized name.
    public static func entityIRI(type: String, name: String) -> IRI {
        let kind =
            switch type {
            case "PER": "person"
            case "ORG": "organization"
            case "LOC": "place"
            default: "thing"
            }
        return IRI(Gazetteer.entityBase + "ner/" + kind + "/" + Gazetteer.slug(name))
    }

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let tokens = try document.require(Tokens.self, by: self)
        let sentences = try document.require(Sentences.self, by: self)
        let text = Self.text(of: document, tokens: tokens, sentences: sentences)
        let existing = document[Mentions.self] ?? []
        var found: [(span: Span, type: String, confidence: Double)] = []
        for name in names(in: text) {
            // Titles off the front; punctuation off the back.
            var start = name.start
            var end = name.end
            while start < end - 1, Self.isTitle(text, start) { start += 1 }
            while end > start, tokens[end - 1].kind == .punctuation || tokens[end - 1].kind == .symbol { end -= 1 }
            guard start < end, !Self.isTitle(text, start),
                !(end - start == 1 && Self.generic.contains(text.token(start).lowercased()))
            else { continue }
            found.append(
                (Span(start: tokens[start].span.start, end: tokens[end - 1].span.end), name.type, name.confidence))
        }
        guard !found.isEmpty else { return try await emit(document) }
        var mentions: [Mention] = []
        var entities: [IRI: Entity] = [:]
        let linked = existing.filter {
            $0.entity != nil
                && $0.entityClass.map { [0, 1, 2].contains(NamedEntityLexicon.coarseType(of: [$0])) } == true
        }
        let linkedNames = linked.map { document.text(of: $0.span) }
        let foundNames = found.map { ($0.type, document.text(of: $0.span)) }
        for ((span, type, confidence), (_, name)) in zip(found, foundNames)
        where !existing.contains(where: { $0.span.overlaps(span) }) {
            let entityClass = Self.entityClass(of: type)
            if let full = Self.fullForm(of: name, type: type, among: foundNames) {
                // A short form of a longer name the model found here.
                let iri = Self.entityIRI(type: type, name: full)
                mentions.append(
                    Mention(
                        span: span, entityClass: entityClass, entity: iri, confidence: confidence, source: self.name))
                entities[iri] = Entity(
                    iri: iri, types: [entityClass, Self.recognizedEntity], labels: [Literal(full, language: "nl")])
            } else if let index = linked.indices.first(where: {
                Self.fits(type, linked[$0].entityClass) && Self.isShortForm(name, of: linkedNames[$0])
            }) {
                let mention = linked[index]
                // A short form of a gazetteer name in this document: the same entity.
                mentions.append(
                    Mention(
                        span: span, entityClass: mention.entityClass, entity: mention.entity, confidence: confidence,
                        source: self.name))
            } else {
                let iri = Self.entityIRI(type: type, name: name)
                mentions.append(
                    Mention(
                        span: span, entityClass: entityClass, entity: iri, confidence: confidence, source: self.name))
                entities[iri] = Entity(
                    iri: iri, types: [entityClass, Self.recognizedEntity], labels: [Literal(name, language: "nl")])
            }
        }
        guard !mentions.isEmpty else { return try await emit(document) }
        document[Mentions.self] = MentionMerge.adding(mentions, to: existing)
        var described = document[Entities.self] ?? []
        let known = Set(described.map(\.iri))
        described += entities.values.filter { !known.contains($0.iri) }
        document[Entities.self] = described.sorted { $0.iri < $1.iri }
        try await emit(document)
    }

    /// The names the model finds with at least ``minimumConfidence``, and the people named after
    /// a title or with the initial of their surname that none of them covers
    /// (``titledNames(in:lexicon:)``, ``initialledNames(in:lexicon:)``), in text order.
    func names(in text: NamedEntityText) -> [NamedEntityModel.Name] {
        let found = model.names(in: text, lexicon: lexicon, capitalizedOnly: true).filter {
            $0.confidence >= minimumConfidence
        }
        guard Self.titledNameConfidence >= minimumConfidence else { return found }
        var names = found
        for name in Self.titledNames(in: text, lexicon: lexicon) + Self.initialledNames(in: text, lexicon: lexicon)
        where !names.contains(where: { $0.start < name.end && name.start < $0.end }) {
            names.append(name)
        }
        guard names.count > found.count else { return found }
        return names.sorted { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }
    }

    /// The text as the model reads it: the document's bytes, tokens and sentences.
    static func text(of document: Document, tokens: [Token], sentences: [Sentence]) -> NamedEntityText {
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sentences.count)
        var t = 0
        for sentence in sentences {
            while t < tokens.count, tokens[t].span.start < sentence.span.start { t += 1 }
            let first = t
            while t < tokens.count, tokens[t].span.end <= sentence.span.end { t += 1 }
            if t > first { ranges.append(first..<t) }
        }
        return NamedEntityText(
            bytes: Array(document.text.utf8), tokens: tokens.map { $0.span.start..<$0.span.end }, sentences: ranges)
    }

    /// Whether `short` is the last words of `full` (and shorter), ignoring case.
    static func isShortForm(_ short: String, of full: String) -> Bool {
        let shortWords = short.lowercased().split(separator: " ")
        let fullWords = full.lowercased().split(separator: " ")
        return shortWords.count < fullWords.count && Array(fullWords.suffix(shortWords.count)) == shortWords
    }

    /// The longest name of the same type that `name` is a short form of, for people.
    static func fullForm(of name: String, type: String, among names: [(String, String)]) -> String? {
        guard type == "PER" else { return nil }
        return names.filter { $0.0 == type && isShortForm(name, of: $0.1) }.map(\.1).max {
            $0.count != $1.count ? $0.count < $1.count : $0 > $1
        }
    }

    /// Whether a gazetteer class agrees with a coarse type.
    static func fits(_ type: String, _ entityClass: IRI?) -> Bool {
        guard let entityClass else { return false }
        return NamedEntityLexicon.coarseType(of: [entityClass]) == ["PER", "ORG", "LOC", "MISC"].firstIndex(of: type)
    }
}

public import Pipeline
import TextGraphSupport

/// Tags references to articles of laws and regulations ("artikel 8", "art. 3a, eerste lid") and
/// links each to the article of the law it belongs to, when the sentence says which.
///
/// The law is the legislation mentioned right after the reference ("artikel 8 van de
/// dual-useverordening") or right before the bracket that holds it ("de dual-useverordening
/// (artikel 8)"). The article is then an entity of its own, `schema:Legislation` and
/// `schema:isPartOf` the law, with an IRI made from the law's (`…/law/dual-useverordening/artikel/8`),
/// so that every reference to it, in any document, links to it. A reference whose law the
/// sentence does not name stays an unlinked mention of class `tg:ArticleReference`, with the
/// article number as its value. Run it after the ``EntityLinker``, which links the laws.
public struct ArticleReferenceTagger: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// Creates a tagger.
    public init() {}

    public var requires: Set<AnnotationKey> { [.tokens, .sentences, .links] }
    public var assigns: Set<AnnotationKey> { [.mentions, .links] }

    /// The class of references whose law is not known.
    public static let articleReference = IRI(Vocabulary.Namespace.tg.iri + "ArticleReference")

    static let ordinals: Set<String> = [
        "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende", "tiende",
    ]

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let tokens = try document.require(Tokens.self, by: self)
        let sentences = try document.require(Sentences.self, by: self)
        let mentions = document[Mentions.self] ?? []
        var entities = document[Entities.self] ?? []
        let bytes = Array(document.text.utf8)
        func word(_ k: Int) -> String {
            String(decoding: bytes[tokens[k].span.start..<tokens[k].span.end], as: UTF8.self)
        }
        let source = name  // computed once: the default name reflects on the type
        let legislation = IRI.schema("Legislation")
        let laws = mentions.filter { $0.entityClass == legislation && $0.entity != nil && $0.source != source }
        var found: [Mention] = []
        var k = 0
        while k + 1 < tokens.count {
            defer { k += 1 }
            // "artikel", "art." and "artikelen" start with "a" in any case (no other character lowercases
            // to "a"): one byte tells most tokens apart before the others are looked at.
            let tokenSpan = tokens[k].span
            guard tokenSpan.length >= 4, bytes[tokenSpan.start] | 0x20 == 0x61, Self.mayBeKeyword(bytes, tokenSpan)
            else { continue }
            let keyword = word(k).lowercased()
            guard keyword == "artikel" || keyword == "art." || keyword == "artikelen",
                tokens[k + 1].kind == .number || tokens[k + 1].kind == .alphanumeric
            else { continue }
            let number = word(k + 1)
            guard let first = number.first, first.isNumber, number.count <= 6 else { continue }
            var last = k + 1
            // ", eerste lid" / ", lid 2" / "lid 2"
            var j = last + 1
            if j < tokens.count, word(j) == "," { j += 1 }
            if j + 1 < tokens.count, Self.ordinals.contains(word(j).lowercased()), word(j + 1) == "lid" {
                last = j + 1
            } else if j + 1 < tokens.count, word(j) == "lid", tokens[j + 1].kind == .number {
                last = j + 1
            }
            let span = Span(start: tokens[k].span.start, end: tokens[last].span.end)
            guard !mentions.contains(where: { $0.span.overlaps(span) }),
                let sentence = sentences.first(where: { $0.span.contains(span) })
            else { continue }
            // The law: "… van de <law>" right after, or "<law> (artikel 8)" right before.
            var law: Mention? = nil
            var after = last + 1
            if after < tokens.count, word(after) == "van" {
                after += 1
                if after < tokens.count, ["de", "het"].contains(word(after)) { after += 1 }
                if after < tokens.count { law = laws.first { $0.span.start == tokens[after].span.start } }
            }
            if law == nil, k > 0, word(k - 1) == "(" {
                law = laws.last {
                    $0.span.end <= tokens[k - 1].span.start && $0.span.start >= sentence.span.start
                        && tokens[k - 1].span.start - $0.span.end <= 2
                }
            }
            if let law, let iri = Self.article(number, of: law, in: document, entities: &entities) {
                found.append(
                    Mention(span: span, entityClass: .schema("Legislation"), entity: iri, confidence: 1, source: source)
                )
            } else {
                found.append(
                    Mention(
                        span: span, entityClass: Self.articleReference, form: .value, value: Literal(number),
                        source: source))
            }
            k = last
        }
        document[Mentions.self] = MentionMerge.adding(found, to: mentions)
        document[Entities.self] = entities.sorted { $0.iri < $1.iri }
        try await emit(document)
    }

    /// The IRI of article `number` of a linked law, described in `entities` (once) as a part of
    /// the law labelled "artikel N (law)".
    private static func article(_ number: String, of law: Mention, in document: Document, entities: inout [Entity])
        -> IRI?
    {
        guard let lawIRI = law.entity else { return nil }
        let iri = lawIRI.appending("/artikel/" + IRI.percentEncodedPath(number))
        let lawLabel =
            entities.first { $0.iri == lawIRI }?.labels.first { $0.language == "nl" }?.lexicalForm
            ?? document.text(of: law.span)
        if !entities.contains(where: { $0.iri == iri }) {
            let label = Literal("artikel \(number) (\(lawLabel))", language: "nl")
            entities.append(Entity(iri: iri, types: [.schema("Legislation")], labels: [label], partOf: [lawIRI]))
        }
        return iri
    }

    /// Whether a token may be "artikel", "art." or "artikelen" in any case (the test made before
    /// its lowercased `String` is): in ASCII, lowercasing is byte for byte; a token with other
    /// letters goes on to the `String` test.
    static func mayBeKeyword(_ bytes: [UInt8], _ span: Span) -> Bool {
        let length = span.length
        guard
            length == 4 || length == 7 || length == 9
                || (length > 4 && bytes[span.start..<span.end].contains { $0 >= 0x80 })
        else {
            return false
        }
        let keyword: StaticString = length == 4 ? "art." : "artikelen"
        for k in 0..<length {
            let byte = bytes[span.start + k]
            if byte >= 0x80 { return true }
            let lower = byte &- 0x41 < 26 ? byte | 0x20 : byte
            if lower != keyword.utf8Start[k] { return false }
        }
        return true
    }
}

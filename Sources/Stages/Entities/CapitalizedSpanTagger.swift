public import Pipeline

/// Keeps capitalized names that no other tagger knows as unlinked mentions: "Kwaliteitskader
/// Effectieve Jeugdinterventies", "Raad voor Volksgezondheid en Samenleving".
///
/// A name is a run of capitalized words, possibly joined by the lowercase words Dutch names use
/// inside them ("van", "de", "der", "voor", "en", …), never ending in one, never across a line
/// end or a sentence boundary. A capitalized word that starts a sentence counts only when a
/// capitalized word follows it ("Den Haag"); lone adjectives ("Europese") and heading words of
/// parliamentary papers ("Vraag", "Antwoord") are left alone. Mentions that other
/// stages found win: a name overlapping one is dropped. The mentions have no entity and no class;
/// the graph shows them as phrases for a person (or a later linker) to resolve.
public struct CapitalizedSpanTagger: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// Creates a tagger.
    public init() {}

    public var requires: Set<AnnotationKey> { [.tokens, .sentences] }
    public var assigns: Set<AnnotationKey> { [.mentions] }

    static let joiners: Set<String> = [
        "van", "de", "der", "den", "het", "voor", "en", "op", "in", "aan", "te", "ter", "tot", "'t", "'s",
    ]
    static let ignored: Set<String> = [
        "Vraag", "Antwoord", "Antwoorden", "Vragen", "Datum", "Betreft", "Bijlage", "Bijlagen", "Ja", "Nee", "De",
        "Het", "Een", "In", "Op", "Ik", "U", "Wij", "Zij", "Dat", "Dit", "Deze",
    ]

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let tokens = try document.require(Tokens.self, by: self)
        let sentences = try document.require(Sentences.self, by: self)
        let sentenceStarts = Set(sentences.map(\.span.start))
        let bytes = Array(document.text.utf8)
        func word(_ k: Int) -> String {
            String(decoding: bytes[tokens[k].span.start..<tokens[k].span.end], as: UTF8.self)
        }
        func isCapitalized(_ k: Int) -> Bool {
            guard tokens[k].kind == .word || tokens[k].kind == .alphanumeric else { return false }
            guard let first = word(k).unicodeScalars.first else { return false }
            return first.properties.isUppercase && !Self.ignored.contains(word(k))
        }
        func continues(_ next: Int) -> Bool {
            !sentenceStarts.contains(tokens[next].span.start)
                && !bytes[tokens[next - 1].span.end..<tokens[next].span.start].contains(0x0A)
        }
        var found: [Mention] = []
        var k = 0
        while k < tokens.count {
            guard isCapitalized(k) else {
                k += 1
                continue
            }
            // At a sentence start the first word is capitalized anyway: it belongs to a name only
            // when a capitalized word follows it directly ("Den Haag").
            if sentenceStarts.contains(tokens[k].span.start),
                !(k + 1 < tokens.count && continues(k + 1) && isCapitalized(k + 1))
            {
                k += 1
                continue
            }
            var last = k
            var next = k + 1
            while next < tokens.count, continues(next) {
                if isCapitalized(next) {
                    last = next
                } else if !Self.joiners.contains(word(next)) {
                    break
                }
                next += 1
            }
            let lone = word(k).lowercased()
            let adjective = last == k && (lone.hasSuffix("se") || lone.hasSuffix("sche"))
            if !adjective {
                found.append(Mention(span: Span(start: tokens[k].span.start, end: tokens[last].span.end), source: name))
            }
            k = last + 1
        }
        document[Mentions.self] = MentionMerge.adding(found, to: document[Mentions.self] ?? [])
        try await emit(document)
    }
}

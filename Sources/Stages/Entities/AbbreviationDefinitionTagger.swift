public import Pipeline
import TextGraphSupport

/// Links the abbreviations a document defines to what they stand for: "Autoriteit Consument en
/// Markt (ACM)", "de Wet op het financieel toezicht (Wft)", "IMG (Instituut Mijnbouwschade
/// Groningen)", "… (hierna: KEM)".
///
/// A definition is a short form in brackets after its long form, or a long form in brackets
/// after its short form. The long form is found as Schwartz and Hearst (2003) find it: the
/// shortest run of words before the bracket whose letters spell the short form in order, the
/// first at a word start, starting with a capital ("kunstmatige intelligentie (AI)" defines no
/// entity). Then:
///
/// - the long form and every later use of the short form in the document become mentions of
///   one entity: the entity the gazetteer found for either form, or, when it knows neither, a
///   new entity `entity/org/<slug of the long form>` (`law/` for a law), typed from the long
///   form's words ("Autoriteit …" a government organisation, "Vereniging …" an organisation,
///   "Wet …" legislation; `schema:Thing` when the words do not say), so that the same long form
///   in many documents is one node;
/// - the document's definition wins over the gazetteer's reading of the short form
///   (a document that defines "AP" as "Algemene Politie" means that by "AP");
/// - gazetteer mentions inside the long form ("Armenië" in "Europese Unie Missie in Armenië")
///   give way to the long form, as the longest name wins in the gazetteer tagger.
///
/// Runs after the ``GazetteerTagger`` and before the ``EntityLinker``.
public struct AbbreviationDefinitionTagger: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// The source of entities this stage makes, for `dcterms:source`.
    public static let definedInText = IRI("https://w3id.org/textgraph/gazetteer/defined-in-text")

    /// Creates the tagger.
    public init() {}

    public var requires: Set<AnnotationKey> { [.tokens, .mentions] }
    public var assigns: Set<AnnotationKey> { [.mentions, .links] }

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let tokens = try document.require(Tokens.self, by: self)
        let definitions = Self.definitions(in: document.text, tokens: tokens)
        guard !definitions.isEmpty else { return try await emit(document) }
        var mentions = try document.require(Mentions.self, by: self)
        var entities = document[Entities.self] ?? []
        let source = name
        let uses = Self.uses(of: definitions.map(\.short), in: document.text, tokens: tokens)
        for definition in definitions {
            apply(
                definition, text: document.text, uses: uses[definition.short] ?? [], tokens: tokens,
                mentions: &mentions, entities: &entities, source: source)
        }
        document[Mentions.self] = mentions.sorted { $0.span < $1.span }
        document[Entities.self] = entities.sorted { $0.iri < $1.iri }
        try await emit(document)
    }

    /// Where each short form is used, as token indices: one pass over the tokens that compares
    /// bytes, not one string per token (a document that defines "EU" has many two-byte tokens).
    static func uses(of shortForms: [String], in text: String, tokens: [Token]) -> [String: [Int]] {
        let forms = shortForms.map { (form: $0, bytes: Array($0.utf8)) }
        // A short form has at most ten characters, so at most 40 bytes: a bit per length.
        var lengths: UInt64 = 0
        for form in forms where form.bytes.count < 64 { lengths |= 1 << UInt64(form.bytes.count) }
        var uses: [String: [Int]] = [:]
        var text = text
        text.withUTF8 { bytes in
            for index in tokens.indices {
                let span = tokens[index].span
                guard span.length < 64, lengths >> UInt64(span.length) & 1 != 0 else { continue }
                let word = UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
                if let form = forms.first(where: { $0.bytes.elementsEqual(word) }) {
                    uses[form.form, default: []].append(index)
                }
            }
        }
        return uses
    }

    /// One definition: the short form's text and both forms' spans.
    struct Definition: Hashable {
        var short: String
        var shortSpan: Span
        var longSpan: Span
    }

    private func apply(
        _ definition: Definition, text: String, uses: [Int], tokens: [Token], mentions: inout [Mention],
        entities: inout [Entity], source: String
    ) {
        let long = Self.substring(text, definition.longSpan)
        // The entity: what the gazetteer found for the long form, else for the short form, else new.
        let longMention = mentions.first { $0.span == definition.longSpan }
        let shortMention = mentions.first { $0.span == definition.shortSpan }
        var candidates = longMention?.entity.map { [$0] } ?? longMention?.candidates ?? []
        var entityClass = longMention?.entityClass
        if candidates.isEmpty, let shortMention,
            AbbreviationImporter.kind(of: long) == nil || shortMention.entityClass != nil
        {
            candidates = shortMention.entity.map { [$0] } ?? shortMention.candidates
            entityClass = shortMention.entityClass
        }
        if candidates.isEmpty || (longMention == nil && shortMention == nil) {
            let (kind, type) = AbbreviationImporter.kind(of: long) ?? ("org", "Thing")
            let iri = Gazetteer.entityIRI(kind + "/" + Gazetteer.slug(long))
            candidates = [iri]
            entityClass = .schema(type)
            if !entities.contains(where: { $0.iri == iri }) {
                entities.append(
                    Entity(
                        iri: iri, types: [.schema(type)], labels: [Literal(long, language: "nl")],
                        sources: [Self.definedInText]
                    )
                )
            }
        }
        let entity = candidates.count == 1 ? candidates[0] : nil
        func mention(_ span: Span) -> Mention {
            Mention(
                span: span, entityClass: entityClass, entity: entity, candidates: candidates,
                confidence: entity == nil ? nil : 1, source: source)
        }
        // The long form replaces the mentions inside it.
        mentions.removeAll { definition.longSpan.contains($0.span) }
        mentions.append(mention(definition.longSpan))
        // Every use of the short form from the definition on.
        for token in uses.map({ tokens[$0] }) where token.span.start >= definition.shortSpan.start {
            if let existing = mentions.firstIndex(where: { $0.span == token.span }) {
                mentions[existing] = mention(token.span)
            } else if !mentions.contains(where: { $0.span.overlaps(token.span) }) {
                mentions.append(mention(token.span))
            }
        }
    }

    // MARK: Finding definitions

    /// The definitions in a text, in text order, each short form once (the first definition wins).
    static func definitions(in text: String, tokens: [Token]) -> [Definition] {
        var found: [Definition] = []
        var seen = Set<String>()
        // Brackets are told on the bytes: no string per punctuation token of every document.
        for open in tokens.indices where tokens[open].kind == .punctuation && isByte(text, tokens[open], 0x28) {
            guard let close = tokens[(open + 1)...].prefix(14).firstIndex(where: { isByte(text, $0, 0x29) }) else {
                continue
            }
            let definition =
                shortInBrackets(text, tokens, open: open, close: close)
                ?? longInBrackets(text, tokens, open: open, close: close)
            if let definition, seen.insert(definition.short).inserted { found.append(definition) }
        }
        return found
    }

    /// "Long Form (LF)" or "Long Form (hierna: LF)".
    private static func shortInBrackets(_ text: String, _ tokens: [Token], open: Int, close: Int) -> Definition? {
        // One token inside, or three: "hierna" or "verder", ":" and the short form.
        let shortToken: Token
        switch close - open - 1 {
        case 1: shortToken = tokens[open + 1]
        case 3:
            guard ["hierna", "verder"].contains(substring(text, tokens[open + 1].span).lowercased()),
                substring(text, tokens[open + 2].span) == ":"
            else { return nil }
            shortToken = tokens[open + 3]
        default: return nil
        }
        guard mayBeShortForm(text, shortToken.span), isShortForm(substring(text, shortToken.span)) else {
            return nil
        }
        let short = substring(text, shortToken.span)
        let limit = min(short.count + 5, 2 * short.count)
        let words = tokens[..<open].suffix(limit + 2).filter { $0.kind != .punctuation || isByte(text, $0, 0x26) }
        guard let longSpan = longForm(of: short, words: Array(words), text: text),
            longSpan.end == tokens[open - 1].span.end
        else { return nil }
        return Definition(short: short, shortSpan: shortToken.span, longSpan: longSpan)
    }

    /// "LF (Long Form)".
    private static func longInBrackets(_ text: String, _ tokens: [Token], open: Int, close: Int) -> Definition? {
        guard open > 0, close - open >= 3 else { return nil }
        let shortToken = tokens[open - 1]
        guard mayBeShortForm(text, shortToken.span) else { return nil }
        let short = substring(text, shortToken.span)
        guard isShortForm(short) else { return nil }
        let words = Array(tokens[(open + 1)..<close])
        guard let longSpan = longForm(of: short, words: words, text: text), longSpan.start == words[0].span.start else {
            return nil
        }
        return Definition(short: short, shortSpan: shortToken.span, longSpan: longSpan)
    }

    /// Whether a token is the one byte `byte` ("(", ")", "&"), told without making a string.
    @inline(__always)
    static func isByte(_ text: String, _ token: Token, _ byte: UInt8) -> Bool {
        let utf8 = text.utf8
        return token.span.length == 1 && utf8[utf8.index(utf8.startIndex, offsetBy: token.span.start)] == byte
    }

    /// Whether the bytes of a token allow ``isShortForm(_:)``, told without making a string:
    /// two bytes or more, the first a capital A to Z or not ASCII (a capital such as "É").
    @inline(__always)
    static func mayBeShortForm(_ text: String, _ span: Span) -> Bool {
        guard span.length >= 2 else { return false }
        let utf8 = text.utf8
        let first = utf8[utf8.index(utf8.startIndex, offsetBy: span.start)]
        return first >= 0x80 || (0x41...0x5A).contains(first)
    }

    /// Whether a token can be a short form: 2 to 10 characters, a capital first, two capitals
    /// or more or at most five characters ("ACM", "NZa", "Wft"), letters, digits and `&` only.
    static func isShortForm(_ token: String) -> Bool {
        asciiIsShortForm(token) ?? characterIsShortForm(token)
    }

    /// ``isShortForm(_:)`` told on characters, for any token.
    static func characterIsShortForm(_ token: String) -> Bool {
        guard AbbreviationImporter.isAbbreviation(token), AbbreviationImporter.hasTwoCapitalsOrIsShort(token) else {
            return false
        }
        guard token.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "&" || $0 == "-" }),
            token.contains(where: \.isLetter)
        else { return false }
        // A word in capitals at the end of a sentence is not defined by a bracket; a number is not a name.
        return token.count >= 2 && !token.allSatisfy(\.isNumber)
    }

    /// ``isShortForm(_:)`` told on the bytes of an ASCII token (a character a byte, no
    /// combining marks): `nil` when the token is not ASCII.
    static func asciiIsShortForm(_ token: String) -> Bool? {
        var capitals = 0
        var hasLetter = false
        var count = 0
        for byte in token.utf8 {
            guard byte < 0x80 else { return nil }
            count += 1
            switch byte {
            case 0x41...0x5A:
                capitals += 1
                hasLetter = true
            case 0x61...0x7A: hasLetter = true
            case 0x30...0x39, 0x26, 0x2D: break
            default: return false  // white space, "|" and every other mark
            }
        }
        // Two to ten characters, a capital first, two capitals or at most six characters.
        guard (2...10).contains(count), let first = token.utf8.first, (0x41...0x5A).contains(first) else {
            return false
        }
        return (capitals >= 2 || count <= 6) && hasLetter
    }

    /// The span of the shortest run of words ending at the last of `words` whose letters spell
    /// `short` in order, the first letter at a word start, the run starting with a capital;
    /// `nil` when there is none.
    static func longForm(of short: String, words: [Token], text: String) -> Span? {
        if let ascii = asciiLongForm(of: short, words: words, text: text) { return ascii }
        return characterLongForm(of: short, words: words, text: text)
    }

    /// ``longForm(of:words:text:)`` told on characters, for any text.
    static func characterLongForm(of short: String, words: [Token], text: String) -> Span? {
        let letters = short.lowercased().filter { $0.isLetter || $0.isNumber }
        guard let firstLetter = letters.first, !words.isEmpty else { return nil }
        // Walk the short form's letters backwards through the words' characters.
        let chars: [(Character, word: Int, atStart: Bool)] = words.enumerated().flatMap { index, token in
            substring(text, token.span).lowercased().enumerated().map { ($0.element, index, $0.offset == 0) }
        }
        var position = chars.count - 1
        var remaining = Array(letters)
        while let letter = remaining.popLast() {
            while position >= 0 && (chars[position].0 != letter || (remaining.isEmpty && !chars[position].atStart)) {
                position -= 1
            }
            guard position >= 0 else { return nil }
            if !remaining.isEmpty { position -= 1 }
        }
        var first = chars[position].word
        // A leading article or preposition is not part of the name.
        while first < words.count - 1, leadingWords.contains(substring(text, words[first].span)) {
            first += 1
        }
        let firstWord = substring(text, words[first].span)
        guard let initial = firstWord.first, initial.isUppercase, initial.lowercased().first == firstLetter,
            words.count - first >= 2 || firstWord.count > short.count + 2
        else { return nil }
        return Span(start: words[first].span.start, end: words[words.count - 1].span.end)
    }

    /// The words a long form does not start with: articles and "van".
    private static let leadingWords = ["de", "het", "van", "een"]
    /// ``leadingWords`` as bytes.
    private static let leadingWordBytes = leadingWords.map { Array($0.utf8) }

    /// ``longForm(of:words:text:)`` told on the bytes, when the short form and the words are
    /// ASCII (one byte a character, lower case a bit away): the same answer without a string or
    /// a `Character` per letter. `nil` when something is not ASCII; `.some(nil)` when there is
    /// no long form.
    static func asciiLongForm(of short: String, words: [Token], text: String) -> Span?? {
        let shortBytes = Array(short.utf8)
        guard !words.isEmpty, shortBytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        @inline(__always) func lower(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        let letters = shortBytes.map(lower).filter { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) }
        guard let firstLetter = letters.first else { return .some(nil) }
        var text = text
        return text.withUTF8 { bytes -> Span?? in
            // The words' bytes in lower case, each with its word and whether it starts it.
            var chars: [UInt8] = []
            var wordOf: [Int] = []
            var atStart: [Bool] = []
            for (index, token) in words.enumerated() {
                for offset in token.span.start..<token.span.end {
                    guard bytes[offset] < 0x80 else { return nil }
                    chars.append(lower(bytes[offset]))
                    wordOf.append(index)
                    atStart.append(offset == token.span.start)
                }
            }
            var position = chars.count - 1
            var remaining = letters
            while let letter = remaining.popLast() {
                while position >= 0 && (chars[position] != letter || (remaining.isEmpty && !atStart[position])) {
                    position -= 1
                }
                guard position >= 0 else { return .some(nil) }
                if !remaining.isEmpty { position -= 1 }
            }
            func word(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                UnsafeBufferPointer(rebasing: bytes[words[index].span.start..<words[index].span.end])
            }
            var first = wordOf[position]
            // A leading article or preposition is not part of the name.
            while first < words.count - 1, Self.leadingWordBytes.contains(where: { $0.elementsEqual(word(first)) }) {
                first += 1
            }
            let firstWord = word(first)
            guard let initial = firstWord.first, (0x41...0x5A).contains(initial), initial | 0x20 == firstLetter,
                words.count - first >= 2 || firstWord.count > shortBytes.count + 2
            else { return .some(nil) }
            return Span(start: words[first].span.start, end: words[words.count - 1].span.end)
        }
    }

    static func substring(_ text: String, _ span: Span) -> String {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: span.start)
        return String(decoding: utf8[start..<utf8.index(start, offsetBy: span.length)], as: UTF8.self)
    }
}

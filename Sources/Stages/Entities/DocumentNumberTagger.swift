public import Pipeline
import TextGraphSupport

/// Tags the numbers of Dutch parliamentary and government documents and links each to an
/// entity for that document.
///
/// Recognized: case numbers of the Tweede Kamer ("2024Z01911"), publication codes of
/// officielebekendmakingen ("kv-tk-2024Z01911", "ah-tk-20232024-99", "h-tk-20172018-70-2",
/// "kst-36200-V-12") and ministry document references ("BZDOC-1605772107-85"). The entity's IRI
/// is derived from the number (`…/entity/document/2024Z01911`), so every mention of a number in
/// any document links to the same resource; the publication code "kv-tk-2024Z01911" and the case
/// number "2024Z01911" name the same case and link to the same entity.
public struct DocumentNumberTagger: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// Creates a tagger.
    public init() {}

    public var requires: Set<AnnotationKey> { [.tokens] }
    public var assigns: Set<AnnotationKey> { [.mentions, .links] }

    /// What kind of document number a token is.
    public enum Kind: String, Sendable {
        /// A case number of the Tweede Kamer ("2024Z01911").
        case caseNumber = "case"
        /// A publication code ("ah-tk-20232024-99").
        case publication
        /// A ministry's own reference ("BZDOC-1605772107-85").
        case reference
    }

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let tokens = try document.require(Tokens.self, by: self)
        var found: [Mention] = []
        var entities: [IRI: Entity] = [:]
        var text = document.text
        let candidates = text.withUTF8 { Self.candidates(in: $0, tokens: tokens) }
        let source = name  // computed once: the default name reflects on the type
        for token in candidates {
            let word = document.text(of: token.span)
            guard let (kind, canonical) = Self.classify(word) else { continue }
            let entity = Self.entity(for: canonical, kind: kind)
            entities[entity.iri] = entity
            found.append(
                Mention(
                    span: token.span,
                    entityClass: entity.types.first,
                    entity: entity.iri,
                    confidence: 1,
                    form: .value,
                    value: Literal(word),
                    source: source
                )
            )
        }
        let merged = MentionMerge.adding(found, to: document[Mentions.self] ?? [])
        let kept = Set(merged.compactMap(\.entity))
        var described = document[Entities.self] ?? []
        let known = Set(described.map(\.iri))
        described += entities.values.filter { kept.contains($0.iri) && !known.contains($0.iri) }
        document[Mentions.self] = merged
        document[Entities.self] = described.sorted { $0.iri < $1.iri }
        try await emit(document)
    }

    /// The kind of a document number and its canonical form (a publication code of a case,
    /// "kv-tk-2024Z01911", canonicalizes to its case number), or `nil`.
    public static func classify(_ word: String) -> (Kind, String)? {
        if isCaseNumber(word[...]) { return (.caseNumber, word) }
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        if let prefix = parts.first, ["kv", "ah", "h", "kst", "blg", "stb", "stcrt", "trb"].contains(prefix),
            parts.count >= 3,
            parts.allSatisfy({ !$0.isEmpty })
        {
            if prefix == "kv", let last = parts.last, isCaseNumber(last) { return (.caseNumber, String(last)) }
            guard parts.dropFirst().contains(where: { $0.allSatisfy(\.isNumber) }) else { return nil }
            return (.publication, word)
        }
        if parts.count >= 2, parts[0].count >= 4, parts[0].hasSuffix("DOC"), parts[0].allSatisfy({ $0.isUppercase }),
            parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) })
        {
            return (.reference, word)
        }
        return nil
    }

    /// The tokens that may be document numbers, in order: words, numbers and alphanumeric tokens
    /// of at least eight bytes whose bytes pass ``mayBeNumber(_:)``.
    ///
    /// Each of those holds a "-" or a "Z", so rather than every token, only the tokens that hold
    /// one of these bytes are looked at: from each "-" or "Z" (found many bytes at a time), a binary
    /// search finds the token around it. The tokens must be in order and not overlap, as
    /// ``Tokens`` requires.
    static func candidates(in text: UnsafeBufferPointer<UInt8>, tokens: [Token]) -> [Token] {
        guard text.baseAddress != nil else { return [] }
        /// The offset of the next `byte` at or after `offset`, or the text's length.
        func next(_ byte: UInt8, from offset: Int) -> Int {
            ByteSearch.firstOffset(of: byte, in: text, from: offset, to: text.count) ?? text.count
        }
        var found: [Token] = []
        var position = 0  // the first byte not yet looked at
        var firstToken = 0  // the first token not yet looked at
        var nextHyphen = next(0x2D, from: 0)
        var nextZ = next(0x5A, from: 0)
        while true {
            if nextHyphen < position { nextHyphen = next(0x2D, from: position) }
            if nextZ < position { nextZ = next(0x5A, from: position) }
            let hit = min(nextHyphen, nextZ)
            guard hit < text.count else { break }
            // The first token that ends after the hit: the hit is inside it if it starts at or before it.
            var low = firstToken
            var high = tokens.count
            while low < high {
                let middle = (low + high) / 2
                if tokens[middle].span.end <= hit { low = middle + 1 } else { high = middle }
            }
            guard low < tokens.count else { break }
            let token = tokens[low]
            if token.span.start <= hit {
                if (token.kind == .alphanumeric || token.kind == .word || token.kind == .number)
                    && token.span.length >= 8
                    && mayBeNumber(UnsafeBufferPointer(rebasing: text[token.span.start..<token.span.end]))
                {
                    found.append(token)
                }
                firstToken = low + 1
                position = max(hit + 1, token.span.end)
            } else {
                firstToken = low
                position = hit + 1
            }
        }
        return found
    }

    /// Whether a token's bytes may be a document number at all (what ``classify(_:)`` needs, on
    /// bytes): a case number has a "Z" as its fifth of ten bytes, a publication code starts with
    /// its prefix and a hyphen, a reference holds "DOC-".
    static func mayBeNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.count == 10 && bytes[4] == 0x5A { return true }
        guard bytes.contains(0x2D) else { return false }
        for prefix: StaticString in ["kv-", "ah-", "h-", "kst-", "blg-", "stb-", "stcrt-", "trb-"]
        where ByteSearch.hasPrefix(bytes, prefix) {
            return true
        }
        return ByteSearch.contains(bytes, "DOC-")
    }

    /// "2024Z01911": four digits of a year from 1990, "Z", five digits.
    static func isCaseNumber(_ word: Substring) -> Bool {
        let bytes = Array(word.utf8)
        guard bytes.count == 10, bytes[4] == 0x5A else { return false }
        guard bytes[0..<4].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            bytes[5...].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        else { return false }
        let year = Int(String(decoding: bytes[0..<4], as: UTF8.self)) ?? 0
        return (1990...2199).contains(year)
    }

    /// The entity a document number names.
    public static func entity(for canonical: String, kind: Kind) -> Entity {
        Entity(
            iri: IRI(Gazetteer.entityBase + "document/" + IRI.percentEncodedPath(canonical)),
            types: [.schema("CreativeWork")],
            labels: [Literal(canonical)]
        )
    }
}

public import Pipeline

/// Tags Dutch dates as mentions with an `xsd:date` value: "7 februari 2024", "5 sept. 2019",
/// "07-02-2024", "2024-02-07".
///
/// A date needs a day, a month and a year (1800–2199) that make a real calendar day; "7
/// februari" without a year and "31 juni 2024" are left alone. Each date is a ``Mention`` of
/// class `schema:Date` with ``MentionForm/value`` and its ``Mention/value``, never linked to an
/// entity.
///
/// ```swift
/// // "ingezonden 7 februari 2024" → Mention("7 februari 2024", value: "2024-02-07"^^xsd:date)
/// ```
public struct DateTagger: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// Creates a tagger.
    public init() {}

    public var requires: Set<AnnotationKey> { [.tokens] }
    public var assigns: Set<AnnotationKey> { [.mentions] }

    /// Dutch month names and their abbreviations, lowercase, to month numbers.
    static let months: [String: Int] = [
        "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4, "apr": 4,
        "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9,
        "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let tokens = try document.require(Tokens.self, by: self)
        let found = dates(in: document.text, tokens: tokens)
        document[Mentions.self] = MentionMerge.adding(found, to: document[Mentions.self] ?? [])
        try await emit(document)
    }

    /// The dates in a tokenized text.
    public func dates(in text: String, tokens: [Token]) -> [Mention] {
        let bytes = Array(text.utf8)
        func word(_ k: Int) -> String { String(decoding: bytes[tokens[k].span.start..<tokens[k].span.end], as: UTF8.self) }
        var found: [Mention] = []
        var k = 0
        while k < tokens.count {
            defer { k += 1 }
            guard tokens[k].kind == .number else { continue }
            // A day has at most two digits, and a date in one token has hyphens: test the bytes
            // before making a `String`.
            let span = tokens[k].span
            guard span.length <= 2 || bytes[span.start..<span.end].contains(0x2D) else { continue }
            let first = word(k)
            // "7 februari 2024", "7 feb. 2024"
            if first.count <= 2, let day = Int(first), k + 2 < tokens.count {
                var monthWord = word(k + 1).lowercased()
                if monthWord.hasSuffix(".") { monthWord.removeLast() }
                if let month = Self.months[monthWord], tokens[k + 2].kind == .number, let year = Int(word(k + 2)), word(k + 2).count == 4,
                    let literal = Self.literal(year: year, month: month, day: day)
                {
                    found.append(mention(Span(start: tokens[k].span.start, end: tokens[k + 2].span.end), literal))
                    k += 2
                    continue
                }
            }
            // "07-02-2024" and "2024-02-07" are single number tokens.
            let parts = first.split(separator: "-", omittingEmptySubsequences: false)
            if parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) {
                let literal = parts[0].count == 4 ? Self.literal(year: a, month: b, day: c)
                    : parts[2].count == 4 ? Self.literal(year: c, month: b, day: a) : nil
                if let literal { found.append(mention(tokens[k].span, literal)) }
            }
        }
        return found
    }

    private func mention(_ span: Span, _ value: Literal) -> Mention {
        Mention(span: span, entityClass: .schema("Date"), form: .value, value: value, source: name)
    }

    /// The `xsd:date` of a real calendar day, or `nil`.
    static func literal(year: Int, month: Int, day: Int) -> Literal? {
        guard (1800...2199).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return .date(year: year, month: month, day: day)
    }
}

/// Adds mentions to a document's mentions: sorted by span, a new mention dropped where it
/// overlaps one already there (earlier stages win).
enum MentionMerge {
    static func adding(_ new: [Mention], to existing: [Mention]) -> [Mention] {
        let kept = new.filter { candidate in !existing.contains { $0.span.overlaps(candidate.span) } }
        return (existing + kept).sorted { $0.span < $1.span }
    }
}

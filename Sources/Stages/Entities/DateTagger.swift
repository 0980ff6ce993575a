public import Pipeline
import TextGraphSupport

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
        "januari": 1, "jan": 1, "februari": 2, "feb": 2, "febr": 2, "maart": 3, "mrt": 3, "mar": 3, "april": 4,
        "apr": 4,
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

    /// The month a token names ("februari", "feb.", "September"), or `nil`.
    private static func month(named bytes: [UInt8], _ span: Span, isASCII: Bool) -> Int? {
        guard isASCII else {
            var monthWord = String(decoding: bytes[span.start..<span.end], as: UTF8.self).lowercased()
            if monthWord.hasSuffix(".") { monthWord.removeLast() }
            return months[monthWord]
        }
        // The longest name, "september.", has ten bytes; lowercasing ASCII is byte for byte.
        guard span.length <= 10 else { return nil }
        var end = span.end
        if end > span.start && bytes[end - 1] == 0x2E { end -= 1 }
        let lowered = String(unsafeUninitializedCapacity: end - span.start) { buffer in
            for (i, byte) in bytes[span.start..<end].enumerated() {
                buffer[i] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            return end - span.start
        }
        return months[lowered]
    }

    /// The dates in a tokenized text.
    public func dates(in text: String, tokens: [Token]) -> [Mention] {
        let bytes = Array(text.utf8)
        let source = name  // computed once: the default name reflects on the type
        func word(_ k: Int) -> String {
            String(decoding: bytes[tokens[k].span.start..<tokens[k].span.end], as: UTF8.self)
        }
        func isASCII(_ k: Int) -> Bool { !bytes[tokens[k].span.start..<tokens[k].span.end].contains { $0 >= 0x80 } }
        // In ASCII a character is a byte: read numbers and month names from the bytes there, and
        // make `String`s only for other tokens.
        func number(_ k: Int) -> (value: Int?, length: Int) {
            let span = tokens[k].span
            if isASCII(k) { return (ByteSearch.integer(bytes[span.start..<span.end]), span.length) }
            let word = word(k)
            return (Int(word), word.count)
        }
        func month(_ k: Int) -> Int? { Self.month(named: bytes, tokens[k].span, isASCII: isASCII(k)) }
        /// The date a single number token writes as "07-02-2024" or "2024-02-07".
        func hyphenatedDate(_ k: Int) -> Literal? {
            let parts: [(value: Int?, length: Int)]
            if isASCII(k) {
                let span = tokens[k].span
                parts = bytes[span.start..<span.end].split(separator: 0x2D, omittingEmptySubsequences: false).map {
                    (ByteSearch.integer($0), $0.count)
                }
            } else {
                parts = word(k).split(separator: "-", omittingEmptySubsequences: false).map { (Int($0), $0.count) }
            }
            guard parts.count == 3, let a = parts[0].value, let b = parts[1].value, let c = parts[2].value else {
                return nil
            }
            return parts[0].length == 4
                ? Self.literal(year: a, month: b, day: c)
                : parts[2].length == 4 ? Self.literal(year: c, month: b, day: a) : nil
        }
        var found: [Mention] = []
        var k = 0
        while k < tokens.count {
            defer { k += 1 }
            guard tokens[k].kind == .number else { continue }
            // A day has at most two digits, and a date in one token has hyphens: test the bytes first.
            let span = tokens[k].span
            let hasHyphen = bytes[span.start..<span.end].contains(0x2D)
            guard span.length <= 2 || hasHyphen else { continue }
            // "7 februari 2024", "7 feb. 2024"
            let first = number(k)
            if first.length <= 2, let day = first.value, k + 2 < tokens.count, let month = month(k + 1),
                tokens[k + 2].kind == .number
            {
                let year = number(k + 2)
                if let value = year.value, year.length == 4,
                    let literal = Self.literal(year: value, month: month, day: day)
                {
                    found.append(
                        mention(Span(start: tokens[k].span.start, end: tokens[k + 2].span.end), literal, source: source)
                    )
                    k += 2
                    continue
                }
            }
            // "07-02-2024" and "2024-02-07" are single number tokens.
            if hasHyphen, let literal = hyphenatedDate(k) {
                found.append(mention(tokens[k].span, literal, source: source))
            }
        }
        return found
    }

    /// The class of dates.
    private static let dateClass = IRI.schema("Date")

    private func mention(_ span: Span, _ value: Literal, source: String) -> Mention {
        Mention(span: span, entityClass: Self.dateClass, form: .value, value: value, source: source)
    }

    /// The `xsd:date` of a real calendar day, or `nil`.
    static func literal(year: Int, month: Int, day: Int) -> Literal? {
        guard (1800...2199).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let length =
            switch month {
            case 2: leap ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        guard day <= length else { return nil }
        return .date(year: year, month: month, day: day)
    }
}

/// Adds mentions to a document's mentions: sorted by span, a new mention dropped where it
/// overlaps one already there (earlier stages win).
enum MentionMerge {
    /// `existing` and the mentions of `new` that overlap none of them, sorted by span (a stable
    /// sort: on equal spans, existing mentions first).
    static func adding(_ new: [Mention], to existing: [Mention]) -> [Mention] {
        let overlaps = OverlapTest(existing.map(\.span))
        let kept = new.filter { !overlaps.overlapsAny($0.span) }
        guard isSorted(existing), isSorted(kept) else { return (existing + kept).sorted { $0.span < $1.span } }
        // Both sorted already: merge them as the stable sort would order them.
        var merged: [Mention] = []
        merged.reserveCapacity(existing.count + kept.count)
        var k = 0
        for mention in existing {
            while k < kept.count, kept[k].span < mention.span {
                merged.append(kept[k])
                k += 1
            }
            merged.append(mention)
        }
        merged += kept[k...]
        return merged
    }

    /// Whether mentions are in span order.
    private static func isSorted(_ mentions: [Mention]) -> Bool {
        mentions.indices.dropFirst().allSatisfy { !(mentions[$0].span < mentions[$0 - 1].span) }
    }

    /// Whether a span overlaps any of a set of spans, by binary search rather than by looking at
    /// each: the spans sorted by start, with the greatest end up to each.
    private struct OverlapTest {
        let starts: [Int]
        let greatestEnds: [Int]

        init(_ spans: [Span]) {
            let sorted = spans.sorted { $0.start < $1.start }
            starts = sorted.map(\.start)
            var greatest = Int.min
            greatestEnds = sorted.map { span in
                greatest = max(greatest, span.end)
                return greatest
            }
        }

        /// Whether `span` overlaps one of the spans (as ``Span/overlaps(_:)`` tells).
        func overlapsAny(_ span: Span) -> Bool {
            // The spans that start before `span` ends come first; one of them overlaps it when it
            // ends after `span` starts.
            var low = 0
            var high = starts.count
            while low < high {
                let middle = (low + high) / 2
                if starts[middle] < span.end { low = middle + 1 } else { high = middle }
            }
            return low > 0 && greatestEnds[low - 1] > span.start
        }
    }
}

import Pipeline
import TextGraphSupport

/// What ``GazetteerTagger`` checks around a gazetteer match before it becomes a mention: the
/// words next to a name that change what it is.
///
/// - A person's name with the initials before it: the gazetteer knows "van Weel", the text
///   says "D.M. van Weel": the initials are part of the name.
/// - A law named with its year: the gazetteer knows "Archiefwet" (or "Vreemdelingenwet"), the
///   text says "Archiefwet 1995": the year is part of the name.
/// - A place name after a capitalized surname prefix in mid-sentence ("Van Marum", "De Wijk",
///   "Ter Horst") is a person's surname, not the place.
/// - A one-word place name next to a capitalized word that no other match covers is part of a
///   longer name the gazetteer does not know ("Vrije Universiteit Brussel", "Club Brugge",
///   "Universiteit Utrecht", "Brussels Airlines"): the place is not mentioned there.
struct MatchRefinement {
    /// The text's bytes.
    let text: [UInt8]
    /// Where sentences start (UTF-8 offsets), sorted.
    let sentenceStarts: [Int]

    init(text: String, sentences: [Span]) {
        self.text = Array(text.utf8)
        self.sentenceStarts = sentences.map(\.start)
    }

    /// Surname prefixes that are written with a capital when no given name or initials precede them.
    static let particles: [[UInt8]] = [
        "Van", "De", "Ter", "Ten", "Den", "Der", "Van der", "Van den", "Van de", "Op de", "In 't", "Van 't",
    ]
    .map { Array($0.utf8) }

    static let placeTypes: Set<IRI> = Set(["Place", "City", "AdministrativeArea", "State"].map { IRI.schema($0) })
    static let legislation = IRI.schema("Legislation")
    static let person = IRI.schema("Person")

    /// Whether a one-word place match follows a capitalized surname prefix that does not start
    /// its sentence: "Van Marum" names a person.
    func isSurnameAfterParticle(_ span: Span, types: [IRI]) -> Bool {
        guard byte(span.start - 1) == 0x20, let before = byte(span.start - 2), before >= 0x61 || before == 0x27,
            types.contains(where: Self.placeTypes.contains)
        else { return false }
        for particle in Self.particles {
            let length = particle.count
            let start = span.start - length - 1
            guard start >= 0, text[start..<(start + length)].elementsEqual(particle) else { continue }
            // The prefix begins a word, and not a sentence ("Van Amsterdam naar Rome").
            guard start == 0 || [0x20, 0x0A, 0x28].contains(byte(start - 1)) else { continue }
            if isSentenceStart(start) { continue }
            return true
        }
        return false
    }

    /// Whether a one-word place match is part of a longer capitalized name: a capitalized word
    /// right before it (not starting its sentence, not ending in punctuation) or right after it,
    /// that no other match covers (`previousMatchEnd`, `nextMatchStart`).
    func isPartOfLongerName(_ span: Span, types: [IRI], previousMatchEnd: Int?, nextMatchStart: Int?) -> Bool {
        guard types.contains(where: Self.placeTypes.contains), !text[span.start..<span.end].contains(0x20) else {
            return false
        }
        if byte(span.start - 1) == 0x20 {
            var start = span.start - 1
            while start > 0, let b = byte(start - 1), b != 0x20, b != 0x0A, b != 0x09 { start -= 1 }
            let end = span.start - 1
            if end - start >= 2, let first = byte(start), first >= 0x41, first <= 0x5A, let last = byte(end - 1),
                Self.isLetter(last),
                previousMatchEnd != end, !isSentenceStart(start)
            {
                return true
            }
        }
        if byte(span.end) == 0x20 {
            let start = span.end + 1
            var end = start
            while end < text.count, text[end] != 0x20, text[end] != 0x0A, text[end] != 0x09 { end += 1 }
            if end - start >= 2, let first = byte(start), first >= 0x41, first <= 0x5A, let second = byte(start + 1),
                second >= 0x61, second <= 0x7A,
                nextMatchStart != start, !isSentenceStart(start)
            {
                return true
            }
        }
        return false
    }

    /// Whether a byte is an ASCII letter or part of a multi-byte character (a letter, in names).
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }

    /// The span of a law's name with the year that follows it ("Archiefwet 1995"), if one does.
    func withYear(_ span: Span, types: [IRI]) -> Span {
        guard byte(span.end) == 0x20, types.contains(Self.legislation) else { return span }
        let year = bytes(span.end + 1, 4)
        guard year.count == 4, year.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), year.first == 0x31 || year.first == 0x32
        else { return span }
        // The name already ends in a year, or the number goes on ("Wet 2024 12"): no year added.
        if let last = byte(span.end - 1), last >= 0x30 && last <= 0x39 { return span }
        if let after = byte(span.end + 5), (after >= 0x30 && after <= 0x39) || after >= 0x41 { return span }
        return Span(start: span.start, end: span.end + 5)
    }

    /// The span of a person's name with the initials written right before it, if there are
    /// ("D.M. van Weel", "J. Klaver"): the gazetteer knows "van Weel", the initials are part of
    /// the name. Initials are capitals each with a full stop, after a space, a line break, a tab
    /// or a bracket, or at the start of the text.
    func withInitials(_ span: Span, types: [IRI]) -> Span {
        guard byte(span.start - 1) == 0x20, types.contains(Self.person) else { return span }
        var start = span.start - 1
        while byte(start - 1) == 0x2E, let letter = byte(start - 2), letter >= 0x41 && letter <= 0x5A { start -= 2 }
        guard start < span.start - 1 else { return span }
        if let before = byte(start - 1), ![0x20, 0x0A, 0x09, 0x0D, 0x28].contains(before) { return span }
        return Span(start: start, end: span.end)
    }

    private func isSentenceStart(_ offset: Int) -> Bool {
        var low = 0
        var high = sentenceStarts.count
        while low < high {
            let mid = (low + high) / 2
            if sentenceStarts[mid] < offset { low = mid + 1 } else { high = mid }
        }
        return low < sentenceStarts.count && sentenceStarts[low] == offset
    }

    private func byte(_ offset: Int) -> UInt8? {
        offset >= 0 && offset < text.count ? text[offset] : nil
    }

    private func bytes(_ offset: Int, _ length: Int) -> ArraySlice<UInt8> {
        guard offset >= 0, offset + length <= text.count else { return [] }
        return text[offset..<(offset + length)]
    }
}

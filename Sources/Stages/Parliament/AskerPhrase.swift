import Pipeline

/// Reads who asked written questions from the phrase after "Vragen van het lid" or "Vragen van de
/// leden": every member named, each with the party in the brackets after them or after the group
/// they close.
///
/// ```
/// phrase := group (("," | "en") group)* ("aan" addressees)? ("over" …)?
/// group  := name (("," | "en") name)* ("(" ("beiden" | "allen")? party ")")?
/// ```
///
/// "Beckerman (SP), Bushoff , Kröger (beiden GroenLinks-PvdA), Bamenga (D66) en Teunissen (PvdD)"
/// names five members in four parties; a line break inside the brackets changes nothing. The
/// phrase ends at "aan", "over", "inzake" or "ingezonden" outside brackets, or at a piece that
/// is no name (a word in small letters that is no name particle such as "van" or "de").
struct AskerPhrase {
    /// One member named.
    struct Asker: Hashable {
        /// The name as written, with words glued by PDF extraction pulled apart ("DaniëlleJansen").
        var name: String
        /// Where the name is in the document.
        var span: Span
        /// The party as written ("GroenLinks-PvdA") and where, when the phrase gives one.
        var party: String?
        var partySpan: Span?
    }

    /// The members named, in order.
    private(set) var askers: [Asker] = []
    /// Where the addressees start in the document (after "aan"), when the phrase names them.
    private(set) var addresseesStart: Int?

    /// Words that end the names, as bytes ("aan" first: the addressees follow it).
    private static let stops: [[UInt8]] = ["aan", "over", "inzake", "betreffende", "ingezonden", "d.d."].map {
        Array($0.utf8)
    }
    /// Small words that are part of Dutch names.
    static let particles: Set<String> = [
        "van", "de", "der", "den", "ter", "ten", "te", "'t", "von", "vd", "el", "al", "la", "le", "du", "da", "het",
        "in",
    ]
    /// Words in brackets before a party that say the party is the whole group's.
    private static let groupWords: Set<String> = ["beiden", "beide", "allen", "alle"]

    /// Reads the phrase `text`, which starts at byte `base` of its document.
    init(_ text: Substring, base: Int) {
        let bytes = Array(text.utf8)
        var pending: [Asker] = []
        var i = 0
        var pieceStart = 0
        func finishPiece(_ end: Int) -> Bool {
            defer { pieceStart = end }
            guard let asker = Self.name(bytes, pieceStart..<end, base: base) else {
                return Self.isBlank(bytes, pieceStart..<end)
            }
            pending.append(asker)
            return true
        }
        scan: while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x28 {  // "("
                guard finishPiece(i), let close = bytes[i...].firstIndex(of: 0x29) else { break }
                if let (party, span) = Self.party(bytes, (i + 1)..<close, base: base) {
                    for k in pending.indices where pending[k].party == nil {
                        pending[k].party = party
                        pending[k].partySpan = span
                    }
                }
                askers += pending
                pending.removeAll()
                i = close + 1
                pieceStart = i
                continue
            }
            if byte == 0x2C {  // ","
                guard finishPiece(i) else { break }
                i += 1
                pieceStart = i
                continue
            }
            if Self.isSpace(byte) {
                // The word that starts after the space.
                var end = i + 1
                while end < bytes.count, !Self.isSpace(bytes[end]), bytes[end] != 0x2C, bytes[end] != 0x28 { end += 1 }
                // Only small words are "en" or a stop word: a name starts with a capital.
                guard end > i + 1, end - i <= 13, bytes[i + 1] >= 0x61, bytes[i + 1] <= 0x7A else {
                    i += 1
                    continue
                }
                let word = bytes[(i + 1)..<end]
                if word.count == 2 && word.first == 0x65 && word.last == 0x6E {  // "en"
                    guard finishPiece(i) else { break scan }
                    i = end
                    pieceStart = end
                    continue
                }
                if let stop = Self.stops.firstIndex(where: { word.elementsEqual($0) }) {
                    guard finishPiece(i) else { break scan }
                    if stop == 0 { addresseesStart = base + end }
                    break scan
                }
            }
            i += 1
        }
        if i >= bytes.count, finishPiece(bytes.count) {}
        askers += pending
        // Each member once (a few names: a look back is cheaper than a set).
        var unique: [Asker] = []
        for asker in askers where !unique.contains(where: { $0.name == asker.name }) { unique.append(asker) }
        askers = unique
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private static func isBlank(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { isSpace($0) || $0 == 0x2A }
    }

    /// A member's name in a piece of the phrase, or `nil` when the piece is no name.
    static func name(_ bytes: [UInt8], _ range: Range<Int>, base: Int) -> Asker? {
        var first = range.lowerBound
        var last = range.upperBound
        // Trim spaces, markup and stray marks ("Kostic ´").
        func isTrimmed(_ byte: UInt8) -> Bool { isSpace(byte) || byte == 0x2A || byte == 0x5F || byte == 0x3A }
        while first < last, isTrimmed(bytes[first]) { first += 1 }
        while last > first {
            let byte = bytes[last - 1]
            if byte < 0x80 {
                // ASCII: a letter or "." ends the name.
                guard !((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A), byte != 0x2E else { break }
                last -= 1
                continue
            }
            let scalarStart = (first..<last).last { bytes[$0] & 0xC0 != 0x80 } ?? first
            let scalar = String(decoding: bytes[scalarStart..<last], as: UTF8.self).unicodeScalars.first
            guard let scalar, !scalar.properties.isAlphabetic, scalar != "." else { break }
            last = scalarStart
        }
        var words = String(decoding: bytes[first..<last], as: UTF8.self).split(whereSeparator: {
            $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t"
        })
        // "de leden lid Inge van Dijk", "het lid X": the words before the name.
        while let word = words.first, words.count > 1,
            word == "lid" || word == "leden"
                || ((word == "het" || word == "de") && (words[1] == "lid" || words[1] == "leden"))
        {
            first += word.utf8.count
            while first < last, isSpace(bytes[first]) { first += 1 }
            words.removeFirst()
        }
        guard !words.isEmpty, words.count <= 6, let firstWord = words.first, let lastWord = words.last,
            startsUppercase(lastWord),
            startsUppercase(firstWord)
        else { return nil }
        for word in words
        where
            !(startsUppercase(word) || particles.contains(String(word)) || isInitials(word) || word == "–"
            || word == "-")
        {
            return nil
        }
        let name = words.map { splitGlued($0) }.joined(separator: " ")
        return Asker(name: name, span: Span(start: base + first, end: base + last))
    }

    /// Whether a word starts with a capital: ASCII on its byte, other letters by their Unicode properties.
    private static func startsUppercase(_ word: Substring) -> Bool {
        guard let scalar = word.unicodeScalars.first else { return false }
        return scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
    }

    /// Whether a word is initials ("D.M.").
    private static func isInitials(_ word: Substring) -> Bool {
        word.contains(".") && word.allSatisfy { $0 == "." || $0.isUppercase }
    }

    /// A word with a capital glued to a small letter pulled apart: "DaniëlleJansen" → "Daniëlle Jansen".
    static func splitGlued(_ word: Substring) -> String {
        var result = ""
        var previousIsLowercase = false
        for scalar in word.unicodeScalars {
            let isUppercase =
                scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
            if previousIsLowercase && isUppercase { result.append(" ") }
            result.unicodeScalars.append(scalar)
            previousIsLowercase =
                scalar.isASCII ? scalar.value >= 0x61 && scalar.value <= 0x7A : scalar.properties.isLowercase
        }
        return result
    }

    /// The party in brackets, or `nil` when the brackets hold no party name.
    private static func party(_ bytes: [UInt8], _ range: Range<Int>, base: Int) -> (String, Span)? {
        var words = String(decoding: bytes[range], as: UTF8.self).split(whereSeparator: {
            $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t"
        })
        var first = range.lowerBound
        while first < range.upperBound, isSpace(bytes[first]) { first += 1 }
        if let word = words.first, groupWords.contains(word.lowercased()) {
            first += word.utf8.count
            while first < range.upperBound, isSpace(bytes[first]) { first += 1 }
            words.removeFirst()
        }
        var last = range.upperBound
        while last > first, isSpace(bytes[last - 1]) { last -= 1 }
        guard !words.isEmpty, words.count <= 4, !words.contains(where: { $0.allSatisfy(\.isNumber) }),
            words.first?.first?.isUppercase == true || words.first?.first?.isNumber == true
        else { return nil }
        return (words.joined(separator: " "), Span(start: base + first, end: base + last))
    }
}

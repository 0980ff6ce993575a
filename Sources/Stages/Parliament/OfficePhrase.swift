import Pipeline

/// Reads the offices a phrase names: "de Ministers van Buitenlandse Zaken en van Justitie en
/// Veiligheid" (two offices), "de Minister en de Staatssecretaris van Volksgezondheid, Welzijn en
/// Sport" (two heads, one portfolio), "de Staatssecretaris van Financiën".
///
/// Written questions name their addressees this way, and PDF extraction often glues the words
/// ("deStaatssecretaris", "vanFinanciën", "enVolksgezondheid", "MinisterKlimaat"), so the phrase
/// is read on its letters alone, lowercased: heads (`minister`, `ministers`, `staatssecretaris`,
/// `minister-president`, …), an optional `van` or `voor`, and the longest portfolio of
/// ``OfficePhrase/portfolios`` that follows; then `en`, `de`, another `van` or another head
/// continue the phrase, and anything else ends it (`over het bericht …`). A portfolio not in the
/// list is read word by word from the text (capitalized words, joined by `,` and `en`), but only
/// right after a head or after `en van`.
struct OfficePhrase {
    /// One office the phrase names.
    struct Office: Hashable {
        /// The office's name, singular and capitalized: "Minister van Justitie en Veiligheid".
        var label: String
        /// Where the phrase names it (byte offsets of its head to the end of its portfolio).
        var span: Span
    }

    /// The portfolios of Dutch cabinet posts (Rutte III, Rutte IV, Schoof) and the preposition
    /// their office takes: "Minister van Financiën", "Minister voor Klimaat en Energie".
    static let portfolios: [(name: String, preposition: String)] = [
        ("Algemene Zaken", "van"), ("Binnenlandse Zaken en Koninkrijksrelaties", "van"), ("Binnenlandse Zaken", "van"),
        ("Buitenlandse Zaken", "van"), ("Defensie", "van"), ("Economische Zaken en Klimaat", "van"),
        ("Economische Zaken", "van"),
        ("Financiën", "van"), ("Infrastructuur en Waterstaat", "van"), ("Justitie en Veiligheid", "van"),
        ("Landbouw, Natuur en Voedselkwaliteit", "van"), ("Landbouw, Visserij, Voedselzekerheid en Natuur", "van"),
        ("Onderwijs, Cultuur en Wetenschap", "van"), ("Sociale Zaken en Werkgelegenheid", "van"),
        ("Volksgezondheid, Welzijn en Sport", "van"), ("Klimaat en Groene Groei", "van"), ("Asiel en Migratie", "van"),
        ("Volkshuisvesting en Ruimtelijke Ordening", "van"), ("Klimaat en Energie", "voor"),
        ("Buitenlandse Handel en Ontwikkelingssamenwerking", "voor"),
        ("Buitenlandse Handel en Ontwikkelingshulp", "voor"),
        ("Buitenlandse Handel", "voor"), ("Ontwikkelingssamenwerking", "voor"), ("Rechtsbescherming", "voor"),
        ("Medische Zorg en Sport", "voor"), ("Medische Zorg", "voor"), ("Primair en Voortgezet Onderwijs", "voor"),
        ("Langdurige Zorg, Jeugd en Sport", "voor"), ("Langdurige Zorg en Sport", "voor"),
        ("Armoedebeleid, Participatie en Pensioenen", "voor"), ("Natuur en Stikstof", "voor"),
        ("Basis- en Voortgezet Onderwijs en Media", "voor"), ("Volkshuisvesting", "voor"), ("Migratie", "voor"),
    ]

    /// The heads of office names, as letters, and how the office name writes them.
    private static let heads: [(letters: [Unicode.Scalar], label: String)] = [
        ("ministerpresident", "Minister-president"), ("staatssecretarissen", "Staatssecretaris"),
        ("staatssecretaris", "Staatssecretaris"), ("staatsecretaris", "Staatssecretaris"), ("ministers", "Minister"),
        ("minister", "Minister"),
    ].map { (Array($0.0.unicodeScalars), $0.1) }

    /// The portfolios as lowercase letters, longest first, so the longest that fits is found first.
    private static let portfolioLetters: [(letters: [Unicode.Scalar], index: Int)] = portfolios.indices
        .map { (Letters.fold(portfolios[$0].name), $0) }
        .sorted { $0.letters.count > $1.letters.count }

    private let letters: Letters
    private let text: Substring
    private let base: Int

    /// The small words that join a phrase, as ``Letters`` holds them.
    private static let de = Letters.fold("de"), het = Letters.fold("het"), en = Letters.fold("en")
    private static let van = Letters.fold("van"), voor = Letters.fold("voor")

    /// Reads the phrase `text`, which starts at byte `base` of its document.
    init(_ text: Substring, base: Int) {
        letters = Letters(text)
        self.text = text
        self.base = base
    }

    /// The offices named from the phrase's start, in order, each once.
    func offices() -> [Office] {
        var found: [Office] = []
        var position = 0
        skip(&position, Self.de)
        skip(&position, Self.het)
        while let (heads, afterHeads) = readHeads(at: position) {
            position = afterHeads
            if heads.map(\.label) == ["Minister-president"] {
                found.append(Office(label: "Minister-president", span: span(from: heads[0].start, to: afterHeads)))
            } else {
                var mayBeUnlisted = true
                while let (portfolio, preposition, end) = readPortfolio(at: position, allowUnlisted: mayBeUnlisted) {
                    for head in heads {
                        // Where the head stands right before its portfolio, the office's span is
                        // the head's; otherwise (a shared or repeated head) the portfolio's.
                        let start = head.end == position ? head.start : position
                        found.append(
                            Office(
                                label: head.label + " " + preposition + " " + portfolio,
                                span: span(from: start, to: end)))
                    }
                    position = end
                    // "en van …", ", van …": the same heads, another portfolio.
                    var next = position
                    let and = skip(&next, Self.en)
                    guard letters.hasPrefix(Self.van, at: next) || letters.hasPrefix(Self.voor, at: next) else { break }
                    position = next
                    mayBeUnlisted = and
                }
            }
            // "en de Staatssecretaris …", ", de Minister …": other heads.
            var next = position
            skip(&next, Self.en)
            skip(&next, Self.de)
            guard readHeads(at: next) != nil else { break }
            position = next
        }
        var seen = Set<String>()
        return found.filter { seen.insert($0.label).inserted }
    }

    /// Heads at a position: one, or two joined by "en" that share a portfolio ("de Minister en
    /// de Staatssecretaris van …"), each with where it starts and ends, and the position after them.
    private func readHeads(at position: Int) -> ([(label: String, start: Int, end: Int)], Int)? {
        guard let (first, afterFirst) = head(at: position) else { return nil }
        var next = afterFirst
        if skip(&next, Self.en) {
            skip(&next, Self.de)
            let secondStart = next
            if let (second, afterSecond) = head(at: next), second != first, second != "Minister-president" {
                return ([(first, position, afterFirst), (second, secondStart, afterSecond)], afterSecond)
            }
        }
        return ([(first, position, afterFirst)], afterFirst)
    }

    private func head(at position: Int) -> (String, Int)? {
        for head in Self.heads where letters.hasPrefix(head.letters, at: position) {
            let end = position + head.letters.count
            // A head is followed by a preposition or a portfolio, never by more of a word (a name).
            if head.label == "Minister-president" || letters.startsWord(at: end) || startsPortfolio(at: end) {
                return (head.label, end)
            }
        }
        return nil
    }

    private func startsPortfolio(at position: Int) -> Bool {
        Self.portfolioLetters.contains { letters.hasPrefix($0.letters, at: position) }
    }

    /// A portfolio at a position, after an optional preposition: its name, the preposition its
    /// office takes, and the position after it.
    private func readPortfolio(at start: Int, allowUnlisted: Bool) -> (String, String, Int)? {
        var position = start
        var preposition: String? = nil
        if skip(&position, Self.voor) {
            preposition = "voor"
        } else if skip(&position, Self.van) {
            preposition = "van"
        }
        for candidate in Self.portfolioLetters where letters.hasPrefix(candidate.letters, at: position) {
            let portfolio = Self.portfolios[candidate.index]
            return (portfolio.name, preposition ?? portfolio.preposition, position + candidate.letters.count)
        }
        guard allowUnlisted, let preposition, let (name, end) = unlistedPortfolio(at: position) else { return nil }
        return (name, preposition, end)
    }

    /// A portfolio no list holds, read from the text: capitalized words joined by "," and "en".
    private func unlistedPortfolio(at position: Int) -> (String, Int)? {
        guard position < letters.count else { return nil }
        let startByte = letters.offsets[position]
        let rest = Substring(String(decoding: text.utf8.dropFirst(startByte), as: UTF8.self))
        var words: [Substring] = []
        for word in rest.split(separator: " ", omittingEmptySubsequences: false) {
            let trimmed = word.hasSuffix(",") ? word.dropLast() : word
            guard let first = trimmed.first else { break }
            if first.isUppercase || (trimmed == "en" && !words.isEmpty) {
                words.append(word)
            } else {
                break
            }
        }
        while let last = words.last, last == "en" || last.hasSuffix(",") && last.dropLast().isEmpty {
            words.removeLast()
        }
        guard !words.isEmpty else { return nil }
        var name = words.joined(separator: " ")
        while name.hasSuffix(",") { name.removeLast() }
        let endByte = startByte + name.utf8.count
        let end = letters.offsets.firstIndex { $0 >= endByte } ?? letters.count
        return (name, end)
    }

    /// Skips a word of letters at a position when it is there as a word of its own.
    @discardableResult
    private func skip(_ position: inout Int, _ word: [Unicode.Scalar]) -> Bool {
        guard letters.hasPrefix(word, at: position), letters.startsWord(at: position + word.count) else { return false }
        position += word.count
        return true
    }

    /// The document span from letter `start` to the letter before `end`.
    private func span(from start: Int, to end: Int) -> Span {
        let first = max(0, min(start, letters.count - 1))
        let lastByte =
            end > 0 && end <= letters.count
            ? letters.offsets[end - 1] + letters.widths[end - 1] : letters.offsets[first]
        return Span(start: base + letters.offsets[first], end: base + lastByte)
    }
}

/// The letters of a text, lowercased and without diacritics' combining marks, with where each
/// is in the text's UTF-8 and whether a word boundary (anything not a letter) came before it.
struct Letters {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var offsets: [Int] = []
    private(set) var widths: [Int] = []
    /// Whether letter `i` follows something that is not a letter (or starts the text), or is a
    /// capital after a small letter ("deStaatssecretaris": a word glued on).
    private(set) var wordStarts: [Bool] = []

    var count: Int { scalars.count }

    init(_ text: Substring) {
        var text = text
        text.withUTF8 { bytes in
            scalars.reserveCapacity(bytes.count)
            offsets.reserveCapacity(bytes.count)
            widths.reserveCapacity(bytes.count)
            wordStarts.reserveCapacity(bytes.count)
            var previousWasLetter = false
            var previousWasLowercase = false
            var offset = 0
            while offset < bytes.count {
                // ASCII on its bytes; other letters (decoded from valid UTF-8) by their Unicode properties.
                let lead = bytes[offset]
                let isLetter: Bool
                let isUpper: Bool
                let isLower: Bool
                let lower: Unicode.Scalar
                let width: Int
                if lead < 0x80 {
                    width = 1
                    isUpper = lead >= 0x41 && lead <= 0x5A
                    isLower = lead >= 0x61 && lead <= 0x7A
                    isLetter = isUpper || isLower
                    lower = Unicode.Scalar(isUpper ? lead | 0x20 : lead)
                } else {
                    width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                    var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                    for k in 1..<width where offset + k < bytes.count {
                        value = value << 6 | UInt32(bytes[offset + k] & 0x3F)
                    }
                    let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                    isLetter = scalar.properties.isAlphabetic
                    isUpper = isLetter && scalar.properties.isUppercase
                    isLower = isLetter && scalar.properties.isLowercase
                    lower = isLetter ? scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar : scalar
                }
                defer { offset += width }
                guard isLetter else {
                    previousWasLetter = false
                    continue
                }
                wordStarts.append(!previousWasLetter || (previousWasLowercase && isUpper))
                scalars.append(lower)
                offsets.append(offset)
                widths.append(width)
                previousWasLetter = true
                previousWasLowercase = isLower
            }
        }
    }

    /// Lowercase letters of a name, as ``Letters`` holds them.
    static func fold(_ name: String) -> [Unicode.Scalar] { Letters(Substring(name)).scalars }

    func hasPrefix(_ prefix: [Unicode.Scalar], at position: Int) -> Bool {
        guard position >= 0, position + prefix.count <= scalars.count else { return false }
        for k in prefix.indices where scalars[position + k] != prefix[k] { return false }
        return true
    }

    /// Whether a word may start at a position: at the end, after a non-letter, or at a capital
    /// glued to a small letter.
    func startsWord(at position: Int) -> Bool { position >= scalars.count || wordStarts[position] }
}

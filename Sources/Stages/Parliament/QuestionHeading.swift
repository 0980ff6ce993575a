/// A line that opens a question or an answer of a set of written questions, read by a small
/// grammar.
///
/// ```
/// heading  := markup* keyword numbers? markup*
/// keyword  := "Vraag" | "Vragen"                      → question (numbers required)
///           | "Antwoord" | "Antwoorden" ["op"] ["vraag" | "vragen"]   → answer
/// numbers  := number (separator number)*
/// separator:= "," | "en" | "&" | "t/m" | "tot en met" | "-"     ("t/m", "tot en met", "-" make a range)
/// markup   := "#" | "*" | "_" | ":" | "." | space
/// ```
///
/// So "Vraag 1", "Vraag 1:", "**Vraag 4 en 5**", "Vragen 2, 3 en 4", "Vraag 2 t/m 6", "Antwoord",
/// "Antwoord:", "Antwoord 4 en 5", "Antwoorden 5 en 6", "Antwoord op vraag 3", "Antwoord vraag 4-5:"
/// and "Antwoord op vragen 8, 9 en 10" are headings; "Vraag drie", "Vraag" and "Antwoord van
/// minister Van Weel" are not. A line that is only a number ("3", "3.", "3)") is a
/// ``bareNumber``, a heading only where a document numbers its questions that way.
///
/// The grammar reads bytes: a non-breaking space counts as a space and an en or em dash as "-",
/// as PDF and Word exports write them; any other byte outside ASCII ends the heading.
public enum QuestionHeading: Hashable, Sendable {
    /// Opens the questions with these numbers (one, or several that share the text).
    case question([Int])
    /// Opens an answer to these questions (none: the questions asked since the last answer).
    case answer([Int])
    /// A line that is a number and nothing else.
    case bareNumber(Int)

    /// The longest heading line, in bytes.
    static let maximumLength = 60
    /// The most questions one heading may name (a longer range is no heading).
    static let maximumRange = 60

    /// The number of a ``bareNumber`` line, `nil` for any other heading.
    var bareNumber: Int? {
        if case .bareNumber(let number) = self { number } else { nil }
    }

    /// Reads a heading line.
    public init?(_ line: String) {
        guard let heading = Self.parse(ArraySlice(line.utf8)) else { return nil }
        self = heading
    }

    /// Reads a heading from the bytes of one line.
    static func parse(_ line: ArraySlice<UInt8>) -> QuestionHeading? {
        guard line.count <= maximumLength else { return nil }
        var words = HeadingWords(line)
        guard let tokens = words.all() else { return nil }
        guard let first = tokens.first else { return nil }
        if case .number(let number) = first {
            return tokens.count == 1 ? .bareNumber(number) : nil
        }
        guard case .keyword(let keyword) = first else { return nil }
        switch keyword {
        case .vraag, .vragen:
            guard let numbers = Self.numbers(tokens.dropFirst()), !numbers.isEmpty else { return nil }
            return .question(numbers)
        case .antwoord, .antwoorden:
            var rest = tokens.dropFirst()
            if rest.first == .keyword(.op) { rest = rest.dropFirst() }
            if rest.first == .keyword(.vraag) || rest.first == .keyword(.vragen) { rest = rest.dropFirst() }
            guard let numbers = Self.numbers(rest) else { return nil }
            return .answer(numbers)
        default:
            return nil
        }
    }

    /// The numbers a list of words names, ranges expanded, or `nil` when it holds anything else.
    private static func numbers(_ tokens: ArraySlice<HeadingWords.Token>) -> [Int]? {
        var numbers: [Int] = []
        var rangeOpen = false
        var tokens = tokens
        while let token = tokens.first {
            tokens = tokens.dropFirst()
            switch token {
            case .number(let number):
                if rangeOpen {
                    guard let low = numbers.last, number > low, number - low <= maximumRange else { return nil }
                    numbers += (low + 1)...number
                    rangeOpen = false
                } else {
                    numbers.append(number)
                }
            case .through:
                guard !numbers.isEmpty, !rangeOpen else { return nil }
                rangeOpen = true
            case .keyword(.en), .keyword(.and):
                continue
            case .keyword(.tot):
                guard tokens.first == .keyword(.en), tokens.dropFirst().first == .keyword(.met), !numbers.isEmpty else {
                    return nil
                }
                tokens = tokens.dropFirst(2)
                rangeOpen = true
            default:
                return nil
            }
        }
        guard !rangeOpen else { return nil }
        // Each question once, in the order named (a few numbers: a look back is cheaper than a set).
        var unique: [Int] = []
        unique.reserveCapacity(numbers.count)
        for number in numbers where !unique.contains(number) { unique.append(number) }
        return unique
    }
}

/// The words of a heading line: lowercased ASCII words, numbers, and range marks, with markup
/// and separators dropped.
struct HeadingWords {
    /// The words a heading may hold.
    enum Keyword: String, CaseIterable {
        case vraag, vragen, antwoord, antwoorden, op, en, tot, met
        case and = "&"

        /// Every keyword, made once.
        private static let all = allCases.map { ($0, Array($0.rawValue.utf8)) }

        /// The keyword of a word's bytes in any case, or `nil`.
        static func of(_ word: ArraySlice<UInt8>) -> Keyword? {
            all.first { keyword, bytes in
                bytes.count == word.count
                    && zip(bytes, word).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 | 0x20 : $1) }
            }?.0
        }
    }

    enum Token: Hashable {
        case keyword(Keyword)
        case number(Int)
        /// "t/m" or "-": up to and including.
        case through
    }

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ line: ArraySlice<UInt8>) {
        guard line.contains(where: { $0 >= 0x80 }) else {
            bytes = line
            position = line.startIndex
            return
        }
        // Normalized once: a non-breaking space to a space, an en or em dash to "-".
        var normalized: [UInt8] = []
        normalized.reserveCapacity(line.count)
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == 0xC2, index + 1 < line.endIndex, line[index + 1] == 0xA0 {
                normalized.append(0x20)
                index += 2
            } else if byte == 0xE2, index + 2 < line.endIndex, line[index + 1] == 0x80,
                line[index + 2] == 0x93 || line[index + 2] == 0x94
            {
                normalized.append(0x2D)
                index += 3
            } else {
                normalized.append(byte)
                index += 1
            }
        }
        bytes = normalized[...]
        position = 0
    }

    private static func isMarkup(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x2C || byte == 0x23 || byte == 0x2A || byte == 0x5F || byte == 0x3A
            || byte == 0x2E
            || byte == 0x29 || byte == 0x0D
    }

    /// All tokens, or `nil` when the line holds something no heading holds.
    mutating func all() -> [Token]? {
        var tokens: [Token] = []
        tokens.reserveCapacity(8)
        while true {
            while position < bytes.endIndex, Self.isMarkup(bytes[position]) { position += 1 }
            guard position < bytes.endIndex else { return tokens }
            let byte = bytes[position]
            if byte >= 0x30 && byte <= 0x39 {
                var value = 0
                var digits = 0
                while position < bytes.endIndex, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                    value = value * 10 + Int(bytes[position] - 0x30)
                    digits += 1
                    position += 1
                    guard digits <= 3 else { return nil }
                }
                // A number ends at markup, a dash or the end: "1x" is no number.
                if position < bytes.endIndex, !Self.isMarkup(bytes[position]), bytes[position] != 0x2D { return nil }
                tokens.append(.number(value))
            } else if byte == 0x2D {
                position += 1
                tokens.append(.through)
            } else if byte == 0x26 {
                position += 1
                tokens.append(.keyword(.and))
            } else if Self.isLetter(byte) {
                let start = position
                while position < bytes.endIndex, Self.isLetter(bytes[position]) || bytes[position] == 0x2F {
                    position += 1
                }
                let word = bytes[start..<position]
                if word.count == 3, word[start] | 0x20 == 0x74, word[start + 1] == 0x2F, word[start + 2] | 0x20 == 0x6D
                {
                    tokens.append(.through)  // "t/m"
                } else if let keyword = Keyword.of(word) {
                    tokens.append(.keyword(keyword))
                } else {
                    return nil  // no heading holds other words
                }
            } else {
                return nil
            }
        }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

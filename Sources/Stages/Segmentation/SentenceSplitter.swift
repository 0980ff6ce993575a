public import Pipeline

/// Splits a tokenized Dutch document into sentences.
///
/// A sentence ends:
/// - after terminal punctuation (`.` `!` `?` `…` `...`), with the closing quotes and brackets
///   and a footnote marker ("1)", "<sup>1</sup>") that follow it, when the next token can start
///   a sentence (an uppercase letter, a digit, an opening quote or bracket);
/// - after an abbreviation that often ends sentences ("enz.", "etc."), on the same condition;
/// - at a line end, when the next line starts like a sentence and the line does not end in a
///   way that continues ("van de", a comma, a hyphen): headings such as "Vraag 1" stand alone;
/// - always at a blank line and at the end of a ``Blocks`` block.
///
/// Abbreviations ("o.a.", "art. 8"), initials ("Sigrid A.M. Kaag") and numbers ("5.4.4") are
/// single tokens, so they never end a sentence by their period.
public struct SentenceSplitter: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// The abbreviations, to tell which may end a sentence.
    public var abbreviations: AbbreviationList

    /// Creates a splitter.
    public init(abbreviations: AbbreviationList = .dutch) {
        self.abbreviations = abbreviations
    }

    public var requires: Set<AnnotationKey> { [.tokens] }
    public var assigns: Set<AnnotationKey> { [.sentences] }

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        let tokens = try document.require(Tokens.self, by: self)
        document[Sentences.self] = split(document.text, tokens: tokens, blocks: document[Blocks.self])
        try await emit(document)
    }

    /// Lowercase words after which a line break does not end a sentence.
    private static let continuingWords: Set<String> = [
        "de", "het", "een", "van", "en", "of", "in", "op", "voor", "met", "aan", "door", "bij", "naar", "te",
        "om", "tot", "uit", "over", "die", "dat", "als", "dan", "maar", "want", "omdat", "zoals", "tussen",
        "onder", "tegen", "zonder", "binnen", "buiten", "na", "sinds", "per", "ter", "ten", "der", "des",
    ]

    /// The sentences of `text`, given its tokens and (optionally) its blocks.
    public func split(_ text: String, tokens: [Token], blocks: [Block]?) -> [Sentence] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            split(ScalarCursor(bytes: bytes), tokens: tokens, blocks: blocks ?? [])
        } ?? []
    }

    private func split(_ cursor: ScalarCursor, tokens: [Token], blocks: [Block]) -> [Sentence] {
        let bytes = cursor.bytes
        var sentences: [Sentence] = []
        var blockIndex = 0
        var sentenceStart: Int? = nil
        var index = 0

        func text(_ token: Token) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[token.span.start..<token.span.end]), as: UTF8.self)
        }
        func isTerminal(_ token: Token) -> Bool {
            guard token.kind == .punctuation else { return false }
            let first = bytes[token.span.start]
            if first == 0x2E || first == 0x21 || first == 0x3F { return true }
            return cursor.scalar(at: token.span.start).0.value == 0x2026
        }
        func isCloser(_ token: Token) -> Bool {
            guard token.kind == .punctuation, token.span.length <= 3 else { return false }
            switch cursor.scalar(at: token.span.start).0.value {
            case 0x29, 0x5D, 0xBB, 0x201D, 0x2019, 0x22, 0x27, 0x203A: return true
            default: return false
            }
        }
        func newlines(between end: Int, _ start: Int) -> Int {
            var count = 0
            for k in end..<start where bytes[k] == 0x0A { count += 1 }
            return count
        }
        func startsSentence(_ token: Token) -> Bool {
            let (cls, _) = cursor.classAt(token.span.start)
            switch cls {
            case .upper, .digit, .otherLetter: return true
            case .lower: return false
            case .apostrophe, .punctuation, .symbol, .hyphen:
                let value = cursor.scalar(at: token.span.start).0.value
                return [0x28, 0x5B, 0xAB, 0x201C, 0x201E, 0x2018, 0x22, 0x27, 0x2A, 0x2022, 0x2D, 0x2013, 0x2014, 0x2039, 0x3C]
                    .contains(value)
            default: return false
            }
        }
        func blockEnd(for token: Token) -> Int {
            while blockIndex < blocks.count && blocks[blockIndex].span.end <= token.span.start { blockIndex += 1 }
            return blockIndex < blocks.count ? blocks[blockIndex].span.end : Int.max
        }
        func close(at end: Int) {
            if let start = sentenceStart { sentences.append(Sentence(span: Span(start: start, end: end))) }
            sentenceStart = nil
        }

        while index < tokens.count {
            let token = tokens[index]
            let currentBlockEnd = blockEnd(for: token)
            if sentenceStart == nil { sentenceStart = token.span.start }
            var last = index

            // Terminal punctuation, then what belongs to it: more terminals, closers, footnote markers.
            let abbreviationCanEnd = token.kind == .abbreviation && abbreviations.canEndSentence(text(token))
            if isTerminal(token) || abbreviationCanEnd {
                while last + 1 < tokens.count {
                    let next = tokens[last + 1]
                    guard next.span.end <= currentBlockEnd else { break }
                    let adjacent = next.span.start == tokens[last].span.end
                    if adjacent && (isTerminal(next) || isCloser(next)) {
                        last += 1
                    } else if let markerEnd = footnoteMarkerEnd(after: last, tokens: tokens, cursor: cursor, blockEnd: currentBlockEnd) {
                        last = markerEnd
                    } else {
                        break
                    }
                }
            }
            let lastToken = tokens[last]
            let next: Token? = last + 1 < tokens.count ? tokens[last + 1] : nil
            var boundary = false
            if let next {
                let breaks = newlines(between: lastToken.span.end, next.span.start)
                if next.span.start >= currentBlockEnd || breaks >= 2 {
                    boundary = true
                } else if (isTerminal(token) || abbreviationCanEnd) && startsSentence(next) {
                    boundary = true
                } else if breaks == 1 && startsSentence(next) && !continuesOnNextLine(lastToken, text: text(lastToken)) {
                    boundary = true
                }
            } else {
                boundary = true
            }
            if boundary { close(at: lastToken.span.end) }
            index = last + 1
        }
        return sentences
    }

    /// Whether a line that ends with `token` goes on on the next line.
    private func continuesOnNextLine(_ token: Token, text: String) -> Bool {
        switch token.kind {
        case .punctuation:
            return text == "," || text == "-" || text == "(" || text == "/" || text == ":" || text == "–"
        case .abbreviation:
            return !abbreviations.canEndSentence(text)
        case .word:
            return Self.continuingWords.contains(text) || text.hasSuffix("-")
        default:
            return false
        }
    }

    /// The index of the last token of a footnote marker that follows token `last`: "1)" or
    /// "<sup>1</sup>", followed by a line end or the end of the block.
    private func footnoteMarkerEnd(after last: Int, tokens: [Token], cursor: ScalarCursor, blockEnd: Int) -> Int? {
        let bytes = cursor.bytes
        func endsLine(_ k: Int) -> Bool {
            guard k + 1 < tokens.count, tokens[k + 1].span.start < blockEnd else { return true }
            return bytes[tokens[k].span.end..<tokens[k + 1].span.start].contains(0x0A)
        }
        // "1)" separated by a space from the terminal.
        if last + 2 < tokens.count {
            let number = tokens[last + 1], paren = tokens[last + 2]
            if number.kind == .number, number.span.length <= 3, paren.span.start == number.span.end,
                paren.span.length == 1, bytes[paren.span.start] == 0x29, endsLine(last + 2)
            {
                return last + 2
            }
        }
        // "<sup>1</sup>" glued to the terminal.
        let start = tokens[last].span.end
        let marker = Array("<sup>".utf8)
        guard last + 1 < tokens.count, tokens[last + 1].span.start == start, start + marker.count <= bytes.count,
            Array(bytes[start..<(start + marker.count)]) == marker
        else { return nil }
        var k = last + 1
        while k < tokens.count && k <= last + 9 {
            if bytes[tokens[k].span.start] == 0x3E, k >= last + 6,
                tokens[k - 1].span.end - tokens[k - 2].span.start == 4
            {
                // "</sup>" ends with ">" after "sup" after "/"
                return endsLine(k) ? k : nil
            }
            k += 1
        }
        return nil
    }
}

public import Pipeline
import TextGraphInput
import TextGraphSupport

/// Splits a tokenized Dutch document into sentences.
///
/// A sentence ends:
/// - after terminal punctuation (`.` `!` `?` `…` `...`), with the closing quotes and brackets
///   and a footnote marker ("1)", "<sup>1</sup>") that follow it, when the next token can start
///   a sentence (an uppercase letter, a digit, an opening quote or bracket, `,,`). A closing
///   quote that never opens (`»`, `”`, `''`), or a straight `"` that closes an open one, stays
///   with the sentence even after a space; "(...)" marks an omission, not an end;
/// - after an abbreviation that often ends sentences ("enz.", "etc."), on the same condition;
/// - at a line end, when the next line starts like a sentence and the line does not end in a
///   way that continues ("van de", a comma, a hyphen): headings such as "Vraag 1" stand alone;
/// - at a line end the writer made on purpose in a list, an address or a caption: the next
///   word would have fitted on the short line (see `lineBreakEndsSentence`);
/// - always at a blank line and at the end of a ``Blocks`` block (without blocks, paragraphs
///   separated by blank lines are the blocks).
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
        "onder", "tegen", "zonder", "binnen", "buiten", "na", "sinds", "per", "ter", "ten", "der", "des", "via",
    ]

    /// The sentences of `text`, given its tokens and (optionally) its blocks.
    public func split(_ text: String, tokens: [Token], blocks: [Block]?) -> [Sentence] {
        var text = text
        text.makeContiguousUTF8()
        // Without blocks from a reader, paragraphs (separated by blank lines) are the blocks:
        // the line-layout rules need to know which lines belong together.
        let blocks = blocks.flatMap { $0.isEmpty ? nil : $0 } ?? Paragraphs.blocks(in: text)
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            split(ScalarCursor(bytes: bytes), tokens: tokens, blocks: blocks)
        } ?? []
    }

    private func split(_ cursor: ScalarCursor, tokens: [Token], blocks: [Block]) -> [Sentence] {
        let view = TokenView(cursor: cursor, tokens: tokens, abbreviations: abbreviations)
        var sentences: [Sentence] = []
        var blockIndex = 0
        var sentenceStart: Int? = nil
        var index = 0
        // Straight double quotes seen in the current block: an odd count means one is open, so
        // the next `"` closes it ("… is. " Het") rather than opening the next sentence.
        var straightQuotes = 0
        var quoteBlock = -1
        var layout = LineLayout()

        while index < tokens.count {
            let token = tokens[index]
            while blockIndex < blocks.count && blocks[blockIndex].span.end <= token.span.start { blockIndex += 1 }
            let currentBlockEnd = blockIndex < blocks.count ? blocks[blockIndex].span.end : Int.max
            if quoteBlock != blockIndex {
                quoteBlock = blockIndex
                straightQuotes = 0
            }
            if view.isStraightQuote(token) { straightQuotes += 1 }
            if sentenceStart == nil { sentenceStart = token.span.start }

            // Terminal punctuation, then what belongs to it: more terminals, closers, footnote markers.
            let abbreviationCanEnd = token.kind == .abbreviation && abbreviations.canEndSentence(view.text(token))
            let terminal = view.isTerminal(token) && !view.isOmissionMark(index)
            let last =
                terminal || abbreviationCanEnd
                ? endOfTerminals(from: index, view, blockEnd: currentBlockEnd, straightQuotes: &straightQuotes) : index
            let lastToken = tokens[last]
            var boundary = true
            if last + 1 < tokens.count {
                let next = tokens[last + 1]
                let breaks = view.newlines(between: lastToken.span.end, next.span.start)
                if next.span.start >= currentBlockEnd || breaks >= 2 {
                    boundary = true
                } else if (terminal || abbreviationCanEnd) && view.startsSentence(next) {
                    boundary = true
                } else if breaks == 1 {
                    boundary = lineBreakEndsSentence(
                        after: lastToken, before: next, opens: view.startsSentence(next) || view.beginsListLine(next),
                        block: blockIndex < blocks.count ? blocks[blockIndex].span : nil, cursor: cursor,
                        layout: &layout)
                } else {
                    boundary = false
                }
            }
            if boundary, let start = sentenceStart {
                sentences.append(Sentence(span: Span(start: start, end: lastToken.span.end)))
                sentenceStart = nil
            }
            index = last + 1
        }
        return sentences
    }

    /// The last token that belongs to the terminal (or sentence-ending abbreviation) at `index`:
    /// more terminals, closing brackets and quotes, footnote markers, within the block.
    @inline(__always)
    private func endOfTerminals(from index: Int, _ view: TokenView, blockEnd: Int, straightQuotes: inout Int) -> Int {
        let tokens = view.tokens
        var last = index
        while last + 1 < tokens.count {
            let next = tokens[last + 1]
            guard next.span.end <= blockEnd else { break }
            let adjacent = next.span.start == tokens[last].span.end
            if adjacent && (view.isTerminal(next) || view.isCloser(next)) {
                if view.isStraightQuote(next) { straightQuotes += 1 }
                last += 1
            } else if view.isStraightQuote(next) && straightQuotes % 2 == 1
                && view.newlines(between: tokens[last].span.end, next.span.start) == 0
            {
                straightQuotes += 1  // the open quote closes after the terminal: `is. " Het`
                last += 1
            } else if view.isUnambiguousCloser(next)
                && view.newlines(between: tokens[last].span.end, next.span.start) == 0
            {
                last += 1  // `beter. '' Er`, `zangvogel. »`: a closing quote belongs to the sentence it closes
            } else if let markerEnd = footnoteMarkerEnd(
                after: last, tokens: tokens, cursor: view.cursor, blockEnd: blockEnd)
            {
                last = markerEnd
            } else {
                break
            }
        }
        return last
    }

    /// What the splitter asks of a token: its text, and whether it ends, closes or opens a sentence.
    private struct TokenView {
        let cursor: ScalarCursor
        let tokens: [Token]
        let abbreviations: AbbreviationList
        var bytes: UnsafeBufferPointer<UInt8> { cursor.bytes }

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

        /// Closing quotes that never open: », ”, ›, and '' typed for ”.
        func isUnambiguousCloser(_ token: Token) -> Bool {
            guard token.kind == .punctuation else { return false }
            if token.span.length == 2 && bytes[token.span.start] == 0x27 && bytes[token.span.start + 1] == 0x27 {
                return true
            }
            switch cursor.scalar(at: token.span.start).0.value {
            case 0xBB, 0x201D, 0x203A: return token.span.length <= 3
            default: return false
            }
        }

        func startsSentence(_ token: Token) -> Bool {
            // ,, typed for „ opens a quotation in Dutch newspapers: ,,Het is ook een manier''
            if token.span.length == 2 && bytes[token.span.start] == 0x2C && bytes[token.span.start + 1] == 0x2C {
                return true
            }
            let (cls, _) = cursor.classAt(token.span.start)
            switch cls {
            case .upper, .digit, .otherLetter: return true
            case .lower: return false
            case .apostrophe, .punctuation, .symbol, .hyphen:
                let value = cursor.scalar(at: token.span.start).0.value
                return [
                    0x28, 0x5B, 0xAB, 0x201C, 0x201E, 0x2018, 0x22, 0x27, 0x2A, 0x2022, 0x2D, 0x2013, 0x2014, 0x2039,
                    0x3C,
                ]
                .contains(value)
            default: return false
            }
        }

        func isStraightQuote(_ token: Token) -> Bool { token.span.length == 1 && bytes[token.span.start] == 0x22 }

        /// "(...)", "[…]": an ellipsis in brackets marks words left out of a quotation, not an end.
        func isOmissionMark(_ k: Int) -> Bool {
            guard k > 0, k + 1 < tokens.count else { return false }
            let before = tokens[k - 1]
            let after = tokens[k + 1]
            guard before.span.end == tokens[k].span.start, after.span.start == tokens[k].span.end else { return false }
            let open = bytes[before.span.start]
            let close = bytes[after.span.start]
            return (open == 0x28 && close == 0x29) || (open == 0x5B && close == 0x5D)
        }

        /// A lowercase title before a name ("drs. A. Pechtold") or a web address can begin a
        /// line of a list as a capital can.
        func beginsListLine(_ token: Token) -> Bool {
            token.kind == .url || (token.kind == .abbreviation && abbreviations.isTitle(text(token)))
        }
    }

    /// The widths of the lines of a block, remembered for the block the splitter is in.
    struct LineLayout {
        var block: Span? = nil
        var width = 0
    }

    /// Lines at most this many characters long are short: wrapped text fills its lines (60 to 100
    /// characters in letters and PDF extracts), so a line this short that ends before a word that
    /// would have fitted was ended by the writer: a list item, an address line, a caption.
    static let shortLine = 40

    /// Whether a single line break between `last` and `next` ends a sentence.
    ///
    /// A Dutch reader reads a line break as the end of a sentence when the next line begins like
    /// a sentence (a capital, a digit, an opening quote, a bullet; or, in a list, a lowercase title
    /// such as "drs." or a web address) and the line does not end in a way that goes on ("van de",
    /// a comma, a hyphen). Besides, a break the writer made on purpose ends a sentence: one where
    /// the next line's first word would have fitted on the line (the block's longest line gives
    /// the width) and the line is short (see ``shortLine``). Such a line ends a list item when it
    /// ends in a separator ("Henegouwen,", "NIS -", "als volgt:") and the next line begins like a
    /// sentence, or when the next line is short too and the line does not end in a word that
    /// must go on ("Luik⏎provincie Luxemburg", "de Franstalige Gemeenschap,⏎de Duitstalige …").
    private func lineBreakEndsSentence(
        after last: Token, before next: Token, opens: Bool, block: Span?, cursor: ScalarCursor, layout: inout LineLayout
    ) -> Bool {
        let bytes = cursor.bytes
        let lastText = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[last.span.start..<last.span.end]), as: UTF8.self)
        let continues = continuesOnNextLine(last, text: lastText)
        if opens && !continues { return true }
        guard let block else { return false }

        // The width of the block: its longest line, in characters.
        if layout.block != block {
            layout = LineLayout(block: block, width: Self.longestLine(in: block, bytes: bytes))
        }
        // The length of the line that ends with `last`, and of the first word of the next line.
        var lineStart = last.span.start
        while lineStart > block.start && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        let lineLength = Self.characters(bytes, lineStart, last.span.end)
        var wordEnd = next.span.start
        while wordEnd < block.end && bytes[wordEnd] != 0x20 && bytes[wordEnd] != 0x0A && bytes[wordEnd] != 0x09 {
            wordEnd += 1
        }
        let wordLength = Self.characters(bytes, next.span.start, wordEnd)
        guard lineLength + 1 + wordLength <= layout.width else { return false }  // a wrapped line

        let endsItem: Bool
        if last.kind == .punctuation {
            let mark = bytes[last.span.start]
            let spaced =
                last.span.start > 0 && (bytes[last.span.start - 1] == 0x20 || bytes[last.span.start - 1] == 0x09)
            // "," ";" ":" end items; a dash ends one only with a space before it ("NIS -"), since
            // a hyphen glued to the word is a word broken at the line end.
            endsItem = mark == 0x2C || mark == 0x3B || mark == 0x3A || (spaced && (lastText == "-" || lastText == "–"))
        } else {
            endsItem = false
        }
        // A caption or list item that ends in a spaced dash ("Steenhommel op distel -") may be long.
        let endsInSpacedDash =
            endsItem && last.kind == .punctuation && bytes[last.span.start] != 0x2C
            && bytes[last.span.start] != 0x3B && bytes[last.span.start] != 0x3A
        if opens && endsInSpacedDash { return true }
        guard lineLength <= Self.shortLine else { return false }
        if opens && endsItem { return true }
        // A lowercase start ends a sentence only in a list: a short line before another short line.
        var nextLineEnd = next.span.start
        while nextLineEnd < block.end && bytes[nextLineEnd] != 0x0A { nextLineEnd += 1 }
        let nextLineIsShort = Self.characters(bytes, next.span.start, nextLineEnd) <= Self.shortLine
        return nextLineIsShort && (endsItem || !continues)
    }

    /// The number of characters (Unicode scalars) of `bytes[start..<end]`.
    private static func characters(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        ByteSearch.scalarCount(bytes, from: start, to: end)
    }

    /// The length in characters of the longest line of a block, without surrounding white space.
    private static func longestLine(in block: Span, bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let end = min(block.end, bytes.count)
        var longest = 0
        var lineStart = block.start
        while lineStart <= end {
            let lineEnd = ByteSearch.firstOffset(of: 0x0A, in: bytes, from: lineStart, to: end) ?? end
            var first = lineStart
            var last = lineEnd
            while first < last && isLineSpace(bytes[first]) { first += 1 }
            while last > first && isLineSpace(bytes[last - 1]) { last -= 1 }
            // A line has no more characters than bytes: count only lines that could be longer.
            if last - first > longest { longest = max(longest, characters(bytes, first, last)) }
            lineStart = lineEnd + 1
        }
        return longest
    }

    /// Whether a byte is white space that does not count toward a line's length.
    @inline(__always)
    private static func isLineSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D }

    /// Whether a line that ends with `token` goes on on the next line.
    private func continuesOnNextLine(_ token: Token, text: String) -> Bool {
        switch token.kind {
        case .punctuation:
            return text == "," || text == "-" || text == "(" || text == "/" || text == ":" || text == "–"
        case .abbreviation:
            return !abbreviations.canEndSentence(text)
        case .url:
            return text.hasSuffix("/") || text.hasSuffix("-")  // an address broken at the line end
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
            let number = tokens[last + 1]
            let paren = tokens[last + 2]
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

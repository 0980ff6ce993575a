public import Pipeline

/// Splits Dutch text into tokens with exact UTF-8 offsets.
///
/// Works on the bytes of the text, decoding scalars only where it must. What stays one token:
/// hyphenated words ("Michon-Derkzen", "dual-useverordening"), clitics and plurals with an
/// apostrophe ("auto's", "z'n", "'s-Gravenhage"), numbers with separators ("5.4.4",
/// "1.000.000", "3,5", "3/4", "07/12/1998") or a glued unit ("90%", "66°"), abbreviated years
/// ("'80"), codes ("2024Z01911"), abbreviations with their periods from the
/// ``AbbreviationList`` ("o.a.", "art.", "t.a.v.") and compounds with them ("St.-Pieter"),
/// initials ("A.M."), web addresses and domain names ("www.rijksoverheid.nl", "volkskrant.nl"),
/// names with `&` or an inner period ("CD&V", "sp.a"), words with a bracketed part
/// ("partij(en)", "(inter)gemeentelijke"), and the hyphen of an omitted compound part
/// ("gezichts- en", "en -proces"). Every other punctuation mark is a token of its own; a run of
/// periods ("..", "...") is one token, and so are `,,` and `''` typed for „ and ”.
///
/// ```swift
/// let tokens = Tokenizer().tokenize("Sigrid A.M. Kaag, o.a. art. 8.")
/// // Sigrid | A.M. | Kaag | , | o.a. | art. | 8 | .
/// ```
public struct Tokenizer: Stage {
    public typealias Input = Document
    public typealias Output = Document

    /// The abbreviations that keep their period.
    public var abbreviations: AbbreviationList

    /// Creates a tokenizer with the given abbreviations (by default the bundled Dutch list).
    public init(abbreviations: AbbreviationList = .dutch) {
        self.abbreviations = abbreviations
    }

    public var assigns: Set<AnnotationKey> { [.tokens] }

    public func process(_ input: Document, context: StageContext, emit: (Document) async throws -> Void) async throws {
        var document = input
        document[Tokens.self] = tokenize(document.text)
        try await emit(document)
    }

    /// The tokens of a text.
    public func tokenize(_ text: String) -> [Token] {
        var text = text
        text.makeContiguousUTF8()
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            var scanner = TokenScanner(cursor: ScalarCursor(bytes: bytes), abbreviations: abbreviations)
            return scanner.run()
        } ?? []
    }
}

/// The scanning state of one tokenization.
private struct TokenScanner {
    let cursor: ScalarCursor
    let abbreviations: AbbreviationList
    var tokens: [Token] = []

    init(cursor: ScalarCursor, abbreviations: AbbreviationList) {
        self.cursor = cursor
        self.abbreviations = abbreviations
        tokens.reserveCapacity(cursor.count / 5)
    }

    var bytes: UnsafeBufferPointer<UInt8> { cursor.bytes }

    mutating func run() -> [Token] {
        var i = 0
        let n = cursor.count
        while i < n {
            let first = bytes[i]
            if first == 0x20 || first == 0x0A {
                i += 1  // a space or a line end, the most frequent bytes between tokens
                continue
            }
            if first &- 0x61 < 26 || first &- 0x41 < 26 || first &- 0x30 < 10 {
                // An ASCII letter or digit starts most tokens: the word case below, without classifying.
                if Self.mayStartURL(first), let end = urlEnd(at: i) {
                    append(i, end, .url)
                    i = end
                } else if let end = plainWordEnd(at: i) {
                    append(i, end, .word)
                    i = end
                } else {
                    i = scanWord(from: i)
                }
                continue
            }
            let (cls, length) = cursor.classAt(i)
            switch cls {
            case .space, .newline:
                i += length
            case .upper, .lower, .otherLetter, .digit:
                if let end = urlEnd(at: i) {
                    append(i, end, .url)
                    i = end
                } else {
                    i = scanWord(from: i)
                }
            case .apostrophe where bytes[i] == 0x27 && i + 1 < n && bytes[i + 1] == 0x27:
                append(i, i + 2, .punctuation)  // '' : a closing double quote typed as two apostrophes
                i += 2
            case .apostrophe:
                i = appendApostropheToken(at: i, length: length)
            case .period:
                var end = i + 1
                while end < n && bytes[end] == 0x2E { end += 1 }
                append(i, end, .punctuation)
                i = end
            case .hyphen where followsTruncationWord() && cursor.classAt(i + length).0 == .lower:
                // "verkiezingsprogramma en -proces": a leading hyphen stands for the omitted first
                // part of a compound (weglatingsstreepje) and belongs to the word.
                let end = scanWord(from: i + length, appending: false)
                append(i, end, .word)
                i = end
            case .punctuation where bytes[i] == 0x2C && i + 1 < n && bytes[i + 1] == 0x2C:
                append(i, i + 2, .punctuation)  // ,, : an opening double quote typed as two commas (,,Ja'')
                i += 2
            case .punctuation where bytes[i] == 0x28 && parenthesizedPartEnd(at: i, glued: false) != nil:
                // "(inter)gemeentelijke": a word with an optional first part in brackets
                let end = scanWord(from: parenthesizedPartEnd(at: i, glued: false)!, appending: false)
                append(i, end, .word)
                i = end
            case .hyphen, .punctuation:
                append(i, i + length, .punctuation)
                i += length
            case .symbol:
                i = appendSymbol(at: i, length: length)
            }
        }
        return tokens
    }

    /// Appends the token an apostrophe starts: a clitic ("'s", "'t"), an abbreviated year
    /// ("'98"), or the apostrophe alone; returns where scanning goes on.
    @inline(__always)
    private mutating func appendApostropheToken(at i: Int, length: Int) -> Int {
        if let end = cliticEnd(at: i, apostropheLength: length) {
            append(i, end, .word)
            return end
        }
        if let end = abbreviatedYearEnd(at: i, apostropheLength: length) {
            append(i, end, .number)
            return end
        }
        append(i, i + length, .punctuation)
        return i + length
    }

    /// Appends a symbol; "°C" and "°F" (the degree sign and the scale) are one unit symbol.
    /// Returns where scanning goes on.
    @inline(__always)
    private mutating func appendSymbol(at i: Int, length: Int) -> Int {
        if bytes[i] == 0xC2, i + 2 < cursor.count, bytes[i + 1] == 0xB0, bytes[i + 2] == 0x43 || bytes[i + 2] == 0x46,
            !cursor.classAt(i + 3).0.isAlphanumeric
        {
            append(i, i + 3, .symbol)
            return i + 3
        }
        append(i, i + length, .symbol)
        return i + length
    }

    private mutating func append(_ start: Int, _ end: Int, _ kind: TokenKind) {
        tokens.append(Token(span: Span(start: start, end: end), kind: kind))
    }

    // MARK: Words, numbers, codes

    /// The end of a plain word at `start`: one to seven ASCII letters, then an ASCII byte that is
    /// neither a letter nor a digit and joins nothing to a word (a space, a line end, a colon…); `nil` for
    /// anything else. ``scanWord(from:appending:)`` makes the same `.word` of such a word; most
    /// words are plain, and this tells them from eight bytes without a call.
    @inline(__always)
    private func plainWordEnd(at start: Int) -> Int? {
        guard start + 8 <= cursor.count, let base = bytes.baseAddress else { return nil }
        let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: start, as: UInt64.self))
        let letters = Self.leadingASCIILetters(word)
        guard letters > 0 && letters < 8 else { return nil }
        let next = UInt8(truncatingIfNeeded: word >> (8 * UInt64(letters)))
        guard next < 0x80, next &- 0x30 >= 10, !Self.mayJoin(next) else { return nil }
        return start + letters
    }

    /// Scans a word-like token from `start` and appends it (unless `appending` is false);
    /// returns where scanning goes on.
    private mutating func scanWord(from start: Int, appending: Bool = true) -> Int {
        var i = start
        var word = WordShape()
        var isURL = false
        scanning: while true {
            i = scanAlphanumericRun(from: i, into: &word)
            let hasLetter = word.hasLetter
            let hasDigit = word.hasDigit
            let lastWasDigit = word.lastWasDigit
            let lastWasUpper = word.lastWasUpper
            guard i < cursor.count else { break }
            // Most words end at a space or a mark that joins nothing: stop without classifying
            // the connector and the scalar after it.
            if !Self.mayJoin(bytes[i]) { break }
            let (connector, connectorLength) = cursor.classAt(i)
            let (after, _) = cursor.classAt(i + connectorLength)
            switch connector {
            case .hyphen where after.isAlphanumeric:
                i += connectorLength
            case .hyphen
            where hasLetter && !lastWasDigit && bytes[i] == 0x2D && lineEndHyphenationEnd(at: i + 1) != nil:
                // "meegewo-\ngen": a word broken at the end of a line (text extracted from PDF) is one
                // token, its span running over the line end; the text itself is left as it is.
                i = lineEndHyphenationEnd(at: i + 1)!
            case .hyphen where hasLetter && !lastWasDigit && bytes[i] == 0x2D && truncatedCompoundFollows(i + 1):
                // "gezichts- en emotieherkenning", "land-, tuin- en bosbouw": the hyphen marks an
                // omitted last part (weglatingsstreepje) and belongs to the word.
                i += 1
                break scanning
            case .punctuation
            where bytes[i] == 0x28 && hasLetter && !lastWasDigit && parenthesizedPartEnd(at: i, glued: true) != nil:
                // "partij(en)", "gezondheids(zorg)beleid": an optional part in brackets inside a word
                i = parenthesizedPartEnd(at: i, glued: true)!
            case .symbol where bytes[i] == 0x26 && lastWasUpper && after == .upper:
                i += 1  // "CD&V", "AT&T", "H&M": an ampersand inside a capitalized name
            case .punctuation where bytes[i] == 0x2F && lastWasDigit && !hasLetter && after == .digit:
                i += 1  // "3/4", "07/12/1998", "1618/1625": fractions, dates and ranges
            case .symbol where bytes[i] == 0x25 && lastWasDigit && !hasLetter:
                i += 1  // "90%": a percent sign glued to its number
                break scanning
            case .symbol where lastWasDigit && !hasLetter && bytes[i] == 0xC2 && bytes[i + 1] == 0xB0:
                i += 2  // "66°": degrees glued to the number
                break scanning
            case .punctuation
            where hasLetter && !lastWasDigit && bytes[i] == 0xC2 && (bytes[i + 1] == 0xB2 || bytes[i + 1] == 0xB3)
                && !after.isAlphanumeric:
                i += 2  // "km²", "m³": a unit with its power
                break scanning
            case .period
            where hasLetter && !hasDigit && i - start <= 3 && after.isLetter
                && shortAcronymPartEnd(i + 1) != nil:
                // "sp.a", "SP.A": a name of up to three letters, a period and one letter.
                i = shortAcronymPartEnd(i + 1)!
                break scanning
            case .apostrophe where hasLetter && !lastWasDigit && after.isLetter:
                // "auto's", "z'n", "d'r": one to three letters after the apostrophe, then no letter.
                var j = i + connectorLength
                var letters = 0
                while j < cursor.count, cursor.classAt(j).0.isLetter, letters < 4 {
                    j += cursor.classAt(j).1
                    letters += 1
                }
                guard letters <= 3, !cursor.classAt(j).0.isAlphanumeric else { break scanning }
                i = j
                break scanning
            case .period where lastWasDigit && after == .digit:
                i += 1  // "5.4.4", "1.000.000", "30.06.00"
            case .punctuation where bytes[i] == 0x2C && lastWasDigit && after == .digit:
                i += 1  // "3,5", "1,000"
            case .period where hasLetter && after == .lower:
                guard let end = domainEnd(afterPeriodAt: i) else { break scanning }
                i = end
                isURL = true
                break scanning
            default:
                break scanning
            }
        }
        return endWord(from: start, at: i, word, isURL: isURL, appending: appending)
    }

    /// What a word scanned so far holds, and what its last character was.
    private struct WordShape {
        var hasLetter = false
        var hasDigit = false
        var lastWasDigit = false
        var lastWasUpper = false
    }

    /// Scans a run of letters and digits from `i` into `word`; returns where it ends.
    @inline(__always)
    private func scanAlphanumericRun(from start: Int, into word: inout WordShape) -> Int {
        var i = start
        while true {
            // ASCII letters, eight bytes at a time: most words are a run of them.
            if i + 8 <= cursor.count, let base = bytes.baseAddress {
                let eight = UInt64(
                    littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: i, as: UInt64.self))
                let letters = Self.leadingASCIILetters(eight)
                if letters > 0 {
                    i += letters
                    word.hasLetter = true
                    word.lastWasDigit = false
                    word.lastWasUpper = bytes[i - 1] &- 0x41 < 26
                    if letters == 8 { continue }
                }
            }
            // ASCII letters and digits, most of the text, without classifying a scalar.
            guard i < cursor.count else { return i }
            let byte = bytes[i]
            if byte &- 0x61 < 26 {
                word.hasLetter = true
                word.lastWasDigit = false
                word.lastWasUpper = false
                i += 1
                continue
            }
            if byte &- 0x41 < 26 {
                word.hasLetter = true
                word.lastWasDigit = false
                word.lastWasUpper = true
                i += 1
                continue
            }
            if byte &- 0x30 < 10 {
                word.hasDigit = true
                word.lastWasDigit = true
                word.lastWasUpper = false
                i += 1
                continue
            }
            if byte < 0x80 { return i }  // any other ASCII byte is neither letter nor digit
            let (cls, length) = cursor.classAt(i)
            guard cls.isAlphanumeric else { return i }
            if cls == .digit {
                word.hasDigit = true
                word.lastWasDigit = true
            } else {
                word.hasLetter = true
                word.lastWasDigit = false
            }
            word.lastWasUpper = cls == .upper
            i += length
        }
    }

    /// Ends a word scanned from `start` to `i`: an abbreviation when a period ends one
    /// ("St.-Pieter", "S.V.P.-leden": joined to a word by a hyphen, one compound), else a word,
    /// number, alphanumeric code or URL; appends it (unless `appending` is false) and returns
    /// where scanning goes on.
    @inline(__always)
    private mutating func endWord(from start: Int, at i: Int, _ word: WordShape, isURL: Bool, appending: Bool) -> Int {
        if !isURL, i < cursor.count, bytes[i] == 0x2E, let end = abbreviationEnd(from: start) {
            if end + 1 < cursor.count, cursor.classAt(end).0 == .hyphen, bytes[end] == 0x2D,
                cursor.classAt(end + 1).0.isLetter
            {
                let compoundEnd = scanWord(from: end + 1, appending: false)
                if appending { append(start, compoundEnd, .word) }
                return compoundEnd
            }
            if appending { append(start, end, .abbreviation) }
            return end
        }
        let kind: TokenKind =
            isURL ? .url : word.hasLetter && word.hasDigit ? .alphanumeric : word.hasDigit ? .number : .word
        if appending { append(start, i, kind) }
        return i
    }

    /// The number of ASCII letters (A–Z, a–z) at the start of eight bytes read as a
    /// little-endian word, 0 to 8, without a branch per byte.
    @inline(__always)
    private static func leadingASCIILetters(_ word: UInt64) -> Int {
        // Each byte's low seven bits with the 0x20 bit set (capitals made lowercase) lie from
        // 0x20 to 0x7F, so adding 0x1F or 0x05 carries into no other byte.
        let folded = word & 0x7F7F_7F7F_7F7F_7F7F | 0x2020_2020_2020_2020
        let atLeastA = folded &+ 0x1F1F_1F1F_1F1F_1F1F  // high bit set from 0x61 ("a") on
        let pastZ = folded &+ 0x0505_0505_0505_0505  // high bit set from 0x7B (after "z") on
        let isLetter = atLeastA & ~pastZ & ~word & 0x8080_8080_8080_8080  // and the byte is ASCII
        return (~isLetter & 0x8080_8080_8080_8080).trailingZeroBitCount >> 3
    }

    /// The ASCII bytes from 0x20 to 0x3F that ``scanWord(from:appending:)`` may take into a
    /// word after its letters and digits: `%` `&` `'` `(` `,` `-` `.` `/`, one bit per byte.
    /// (A literal, so that the hot loop reads no lazily initialized global.)
    private static var joiningASCIIMask: UInt32 { 0b1111_0001_1110_0000 }

    /// Whether a byte after a run of letters and digits may join more to the word: one of the
    /// ASCII marks the connector cases of ``scanWord(from:appending:)`` handle, or a non-ASCII
    /// byte (which needs its scalar classified). Every other ASCII byte ends the word.
    @inline(__always)
    private static func mayJoin(_ byte: UInt8) -> Bool {
        if byte >= 0x80 { return true }
        let offset = byte &- 0x20
        return offset < 32 && joiningASCIIMask >> UInt32(offset) & 1 != 0
    }

    /// Whether what follows a word-final hyphen at `offset` shows an omitted compound part: a
    /// comma, or a space and then "en", "of", "tot", "noch" or "als" ("gezichts- en", "land-, tuin-").
    private func truncatedCompoundFollows(_ offset: Int) -> Bool {
        guard offset < cursor.count else { return false }
        if bytes[offset] == 0x2C { return true }
        guard bytes[offset] == 0x20 else { return false }
        var end = offset + 1
        while end < cursor.count, bytes[end] >= 0x61 && bytes[end] <= 0x7A { end += 1 }
        guard end < cursor.count, bytes[end] == 0x20 else { return false }
        switch String(decoding: UnsafeBufferPointer(rebasing: bytes[(offset + 1)..<end]), as: UTF8.self) {
        case "en", "of", "tot", "noch", "als": return true  // "zowel lang- als dichtbehaard"
        default: return false
        }
    }

    /// Whether the token before the current position is a conjunction after which a leading
    /// hyphen marks an omitted first part ("en -proces", "of -verkoop").
    private func followsTruncationWord() -> Bool {
        guard let previous = tokens.last, previous.kind == .word, previous.span.length <= 3 else { return false }
        let word = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[previous.span.start..<previous.span.end]), as: UTF8.self)
        return word == "en" || word == "of" || word == "tot"
    }

    /// The end of the single letter after the inner period of "sp.a", or `nil` when more
    /// letters, a digit or another period follow.
    private func shortAcronymPartEnd(_ letterAt: Int) -> Int? {
        let (cls, length) = cursor.classAt(letterAt)
        guard cls.isLetter else { return nil }
        let (next, _) = cursor.classAt(letterAt + length)
        guard !next.isAlphanumeric, next != .period, next != .apostrophe, next != .hyphen else { return nil }
        return letterAt + length
    }

    /// The end of a bracketed word part at `open` ("(en)", "(inter)"): up to twelve lowercase
    /// letters and a closing bracket. After a word (`glued`) the part may end the word; at the
    /// start of a word a letter must follow the bracket.
    private func parenthesizedPartEnd(at open: Int, glued: Bool) -> Int? {
        var k = open + 1
        while k < cursor.count && k - open <= 13, bytes[k] >= 0x61 && bytes[k] <= 0x7A { k += 1 }
        guard k > open + 1, k < cursor.count, bytes[k] == 0x29 else { return nil }
        let (after, _) = cursor.classAt(k + 1)
        if after.isLetter { return k + 1 }
        return glued && !after.isAlphanumeric && after != .hyphen ? k + 1 : nil
    }

    /// The end of an abbreviated year ("'80", "’90": jaren '80), or `nil`.
    private func abbreviatedYearEnd(at start: Int, apostropheLength: Int) -> Int? {
        let first = start + apostropheLength
        guard first + 1 < cursor.count, cursor.classAt(first).0 == .digit, cursor.classAt(first + 1).0 == .digit,
            !cursor.classAt(first + 2).0.isAlphanumeric
        else { return nil }
        // "'30.06.00": a number in quotes goes on after its period or comma.
        if first + 3 < cursor.count, bytes[first + 2] == 0x2E || bytes[first + 2] == 0x2C,
            cursor.classAt(first + 3).0 == .digit
        {
            return nil
        }
        // A closing quote after a number ("'30.06.00'") is not a year: the apostrophe must not be glued to a word.
        if start > 0, cursor.classAt(cursor.previousStart(start)).0.isAlphanumeric { return nil }
        return first + 2
    }

    /// The end of an abbreviation starting at `start` ("o.a.", "art.", "A.M."), or `nil`.
    ///
    /// Reads up to eight segments of letters each followed by a period, and takes the longest
    /// prefix that is listed, or is a run of single letters with periods (initials, "t.a.v.").
    private func abbreviationEnd(from start: Int) -> Int? {
        // At most eight segments: their ends in a fixed-size vector and, per segment, whether it
        // and all before it are single letters as bits, so that nothing is allocated per call.
        var segmentEnds = SIMD8<Int>()
        var segmentCount = 0
        var allSingleLetters: UInt8 = 0
        var i = start
        var firstSegmentIsUpper = false
        while segmentCount < 8 {
            var letters = 0
            var isUpper = false
            while i < cursor.count {
                let (cls, length) = cursor.classAt(i)
                guard cls.isLetter || (cls == .hyphen && letters > 0 && cursor.classAt(i + length).0.isLetter) else {
                    break
                }
                if letters == 0 { isUpper = cls == .upper }
                if cls.isLetter { letters += 1 }
                i += length
            }
            guard letters > 0, i < cursor.count, bytes[i] == 0x2E else { break }
            i += 1
            if segmentCount == 0 { firstSegmentIsUpper = isUpper }
            let previousSingle = segmentCount == 0 || allSingleLetters & 1 << (segmentCount - 1) != 0
            if previousSingle && letters == 1 { allSingleLetters |= 1 << segmentCount }
            segmentEnds[segmentCount] = i
            segmentCount += 1
        }
        for k in stride(from: segmentCount - 1, through: 0, by: -1) {
            let end = segmentEnds[k]
            if k >= 1 && allSingleLetters & 1 << k != 0 { return end }
            let candidateBytes = UnsafeBufferPointer(rebasing: bytes[start..<end])
            // Short ASCII candidates, nearly all, are looked up without making a `String`.
            if abbreviations.contains(ascii: candidateBytes)
                ?? abbreviations.contains(String(decoding: candidateBytes, as: UTF8.self))
            {
                return end
            }
            // An initial: "A.". After a number, a symbol or a minute mark it is a letter that
            // ends a sentence ("66° 13' N, 04° 02' E.", "als in A = B.").
            if k == 0 && allSingleLetters & 1 != 0 && firstSegmentIsUpper && !previousRulesOutInitial() { return end }
        }
        return nil
    }

    /// Whether the token before the current one shows that a capital with a period is not an initial.
    private func previousRulesOutInitial() -> Bool {
        guard let previous = tokens.last else { return false }
        switch previous.kind {
        case .number, .symbol: return true
        case .punctuation:
            let value = cursor.scalar(at: previous.span.start).0.value
            return value == 0x27 || value == 0x2019 || value == 0x2032
        default: return false
        }
    }

    /// Where the continuation of a word broken at a line end starts: after the line feed (and
    /// any spaces around it) that follows the hyphen at `i - 1`, when the next line goes on in
    /// lowercase letters; `nil` otherwise.
    private func lineEndHyphenationEnd(at i: Int) -> Int? {
        var j = i
        while j < cursor.count, bytes[j] == 0x20 { j += 1 }
        guard j < cursor.count, bytes[j] == 0x0A else { return nil }
        j += 1
        while j < cursor.count, bytes[j] == 0x20 { j += 1 }
        guard cursor.classAt(j).0 == .lower else { return nil }
        return j
    }

    // MARK: Web addresses

    private static let topLevelDomains: Set<String> = [
        "nl", "be", "eu", "com", "org", "net", "int", "gov", "edu", "info", "io", "nu", "de", "fr", "uk", "lu",
        "ch", "at", "us", "ca", "au", "cn", "ru", "tv", "app", "dev",
    ]

    /// The end of a domain name whose first period is at `period` ("volkskrant.nl"), or `nil`.
    private func domainEnd(afterPeriodAt period: Int) -> Int? {
        var i = period
        var lastLabel = ""
        while i < cursor.count && bytes[i] == 0x2E {
            var j = i + 1
            while j < cursor.count,
                (bytes[j] >= 0x61 && bytes[j] <= 0x7A) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] == 0x2D
            {
                j += 1
            }
            guard j > i + 1 else { break }
            lastLabel = String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<j]), as: UTF8.self)
            i = j
        }
        guard Self.topLevelDomains.contains(lastLabel), !cursor.classAt(i).0.isLetter else { return nil }
        return pathEnd(from: i)
    }

    /// Whether a token starting with `byte` may be a URL (`h` or `w`, in either case): most
    /// words are not, and are told so without a call.
    @inline(__always)
    private static func mayStartURL(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower == 0x68 || lower == 0x77
    }

    /// The end of a URL that starts at `start` with `http://`, `https://` or `www.`, or `nil`.
    private func urlEnd(at start: Int) -> Int? {
        // Most words start with neither "h" nor "w": answer those without looking further.
        let first = bytes[start] | 0x20
        guard first == 0x68 || first == 0x77 else { return nil }
        // Nor with "ht" or "ww" ("het", "welke"): every prefix below is at least four bytes long.
        guard start + 4 <= cursor.count, bytes[start + 1] | 0x20 == (first == 0x68 ? 0x74 : 0x77) else { return nil }
        func hasPrefix(_ prefix: StaticString) -> Bool {
            let count = prefix.utf8CodeUnitCount
            guard start + count <= cursor.count else { return false }
            let p = prefix.utf8Start
            for k in 0..<count where bytes[start + k] | 0x20 != p[k] { return false }
            return true
        }
        guard hasPrefix("http://") || hasPrefix("https://") || hasPrefix("www.") else { return nil }
        var end = start
        while end < cursor.count {
            let (cls, length) = cursor.classAt(end)
            if cls == .space || cls == .newline { break }
            let b = bytes[end]
            if b == 0x3C || b == 0x3E || b == 0x22 || b == 0x60 { break }  // < > " `
            end += length
        }
        return trimURL(start, end)
    }

    private func pathEnd(from i: Int) -> Int {
        guard i < cursor.count, bytes[i] == 0x2F else { return i }
        var end = i
        while end < cursor.count {
            let (cls, length) = cursor.classAt(end)
            if cls == .space || cls == .newline { break }
            let b = bytes[end]
            if b == 0x3C || b == 0x3E || b == 0x22 || b == 0x60 { break }
            end += length
        }
        return trimURL(i, end)
    }

    /// Drops punctuation that ends the sentence rather than the address.
    private func trimURL(_ start: Int, _ end: Int) -> Int {
        var end = end
        var openParens = 0
        for k in start..<end where bytes[k] == 0x28 { openParens += 1 }
        while end > start {
            let previous = cursor.previousStart(end)
            let (scalar, _) = cursor.scalar(at: previous)
            let trailing: Bool
            switch scalar.value {
            case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x27, 0x22, 0x5D, 0xBB, 0x201D, 0x2019, 0x2A: trailing = true
            default: trailing = false
            }
            if trailing || (scalar.value == 0x29 && openParens == 0) {
                end = previous
            } else {
                break
            }
        }
        return end
    }

    // MARK: Clitics

    /// The end of a clitic that starts with an apostrophe ("'s", "'t", "'n", "'s-Gravenhage").
    private func cliticEnd(at start: Int, apostropheLength: Int) -> Int? {
        let letterAt = start + apostropheLength
        guard letterAt < cursor.count else { return nil }
        let letter = bytes[letterAt]
        guard letter == 0x73 || letter == 0x74 || letter == 0x6E || letter == 0x6B else { return nil }  // s t n k
        let afterLetter = letterAt + 1
        let (next, nextLength) = cursor.classAt(afterLetter)
        if next.isAlphanumeric { return nil }
        if next == .hyphen && cursor.classAt(afterLetter + nextLength).0 == .upper {
            var end = afterLetter + nextLength
            while end < cursor.count {
                let (cls, length) = cursor.classAt(end)
                guard cls.isLetter || (cls == .hyphen && cursor.classAt(end + length).0.isLetter) else { break }
                end += length
            }
            return end
        }
        return afterLetter
    }
}

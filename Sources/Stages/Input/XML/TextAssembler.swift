import Pipeline

/// Builds a document's text from pieces of XML text, block by block, with exact offsets.
///
/// Blocks are separated by a blank line. Inside a block, runs of white space (the indentation
/// of pretty-printed XML) collapse to one space, and a block's leading and trailing white space
/// is dropped. Offsets of everything appended are final at once, so readers can record spans
/// (sentences, tokens, names) while they go.
struct TextAssembler {
    private(set) var bytes: [UInt8] = []
    private(set) var blocks: [Block] = []
    private var blockStart: Int? = nil
    private var blockKind: BlockKind = .paragraph
    private var blockOrigin: String? = nil
    private var pendingSpace = false

    /// The offset at which the next character will go, were it appended now (after any
    /// separator or pending space).
    var nextOffset: Int {
        if blockStart == nil { return bytes.isEmpty ? 0 : bytes.count + 2 }
        return bytes.count + (pendingSpace ? 1 : 0)
    }

    /// Whether the current block has text.
    var blockHasText: Bool { blockStart != nil }

    /// Ends the current block (if it has text) and starts a new one.
    mutating func beginBlock(kind: BlockKind, origin: String?) {
        endBlock()
        blockKind = kind
        blockOrigin = origin
    }

    /// Ends the current block, recording it if it has text.
    mutating func endBlock() {
        if let start = blockStart {
            blocks.append(Block(span: Span(start: start, end: bytes.count), kind: blockKind, origin: blockOrigin))
        }
        blockStart = nil
        pendingSpace = false
    }

    /// Appends text, collapsing white space.
    mutating func append(_ text: [UInt8]) {
        text.withUnsafeBufferPointer { append($0) }
    }

    /// Appends text, collapsing white space.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>) {
        guard let base = text.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var k = 0
        while k < text.count {
            let byte = text[k]
            if Self.isSpace(byte) {
                if blockStart != nil { pendingSpace = true }
                k += 1
                continue
            }
            // A run of words apart by single spaces (which collapse to themselves): its first
            // byte may need a separator or a pending space before it, the rest goes as it is.
            var end = k + 1
            while end < text.count {
                // Eight bytes at a time while they hold no control and no space but single ones
                // between other bytes (most of a text; the byte before `end` is never a space).
                while end + 8 <= text.count && Self.isPlainRun(raw.loadUnaligned(fromByteOffset: end, as: UInt64.self))
                { end += 8 }
                guard end < text.count else { break }
                let next = text[end]
                if !Self.isSpace(next) {
                    end += 1
                } else if next == 0x20 && end + 1 < text.count && !Self.isSpace(text[end + 1]) {
                    end += 2
                } else {
                    break
                }
            }
            emit(byte)
            if end > k + 1 { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[(k + 1)..<end])) }
            k = end
        }
    }

    /// Whether eight bytes go into the text as they are: no control byte (line ends, tabs), no
    /// two spaces side by side, and no space last (what follows it is not known). Exact when it
    /// says yes.
    @inline(__always)
    static func isPlainRun(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let lows: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        if (word &- ones &* 0x20) & ~word & highs != 0 { return false }  // a byte below 0x20
        let t = word ^ (ones &* 0x20)
        let spaces = ~(((t & lows) &+ lows) | t | lows)  // 0x80 in each byte that is a space
        return spaces & (spaces >> 8) == 0 && spaces & 0x8000_0000_0000_0000 == 0
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    /// Appends a word as it is, returning its span; a space is written before it when
    /// `spaceBefore` and the block has text.
    mutating func appendWord(_ word: [UInt8], spaceBefore: Bool) -> Span? {
        let trimmed = word.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
        guard !trimmed.isEmpty else { return nil }
        if spaceBefore && blockStart != nil { pendingSpace = true }
        let start = nextOffset
        var first = true
        for byte in trimmed {
            if byte == 0x0A || byte == 0x09 || byte == 0x0D {
                emit(0x20)
            } else if first {
                emit(byte)
                first = false
            } else {
                bytes.append(byte)
            }
        }
        var end = bytes.count
        while end > start && bytes[end - 1] == 0x20 { end -= 1 }
        return Span(start: start, end: end)
    }

    /// Marks that a space must separate what comes next from what came before in this block.
    mutating func separate() {
        if blockStart != nil { pendingSpace = true }
    }

    private mutating func emit(_ byte: UInt8) {
        if blockStart == nil {
            if !bytes.isEmpty { bytes.append(contentsOf: [0x0A, 0x0A]) }
            blockStart = bytes.count
        } else if pendingSpace {
            bytes.append(0x20)
        }
        pendingSpace = false
        bytes.append(byte)
    }

    /// The text so far, as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }
}

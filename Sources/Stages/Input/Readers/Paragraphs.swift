public import Pipeline
import TextGraphSupport

/// Splits a plain text into paragraphs, the ``Blocks`` that sentences never cross.
///
/// ``TextReader`` makes a text's blocks with it; ``SentenceSplitter`` falls back on it for a
/// document that has none.
public enum Paragraphs {
    /// The paragraphs of a text: runs of lines separated by lines that hold only white space or
    /// by a form feed (a page break), each trimmed of surrounding white space. A line that
    /// `furniture` holds is a block of its own, of kind ``BlockKind/furniture``.
    ///
    /// ```swift
    /// Paragraphs.blocks(in: "Vraag 1\nWelke?\n\nAntwoord 1")  // two blocks: 0..<14, 16..<26
    /// ```
    public static func blocks(in text: String, furniture: PageFurniture = .noLines) -> [Block] {
        var blocks: [Block] = []
        text.utf8.withContiguousStorageIfAvailable { bytes in
            var lineStart = 0
            var blockStart: Int? = nil
            var blockEnd = 0
            func closeBlock() {
                if let start = blockStart { blocks.append(Block(span: Span(start: start, end: blockEnd))) }
                blockStart = nil
            }
            // Lines end at a line feed or a form feed: memchr finds the next of each, many bytes at
            // a time; form feeds are rare, so the next one is looked up again only once passed.
            let count = bytes.count
            var nextFormFeed = -1
            while true {
                if nextFormFeed < lineStart {
                    nextFormFeed = ByteSearch.firstOffset(of: 0x0C, in: bytes, from: lineStart, to: count) ?? count
                }
                let i = ByteSearch.firstOffset(of: 0x0A, in: bytes, from: lineStart, to: nextFormFeed) ?? nextFormFeed
                var first = lineStart
                var last = i
                while first < last && TextDecoder.isASCIIWhitespace(bytes[first]) { first += 1 }
                while last > first && TextDecoder.isASCIIWhitespace(bytes[last - 1]) { last -= 1 }
                if first == last {
                    closeBlock()
                } else if furniture.contains(UnsafeBufferPointer(rebasing: bytes[first..<last])) {
                    closeBlock()
                    blocks.append(Block(span: Span(start: first, end: last), kind: .furniture))
                } else {
                    if blockStart == nil { blockStart = first }
                    blockEnd = last
                }
                guard i < count else { break }
                if bytes[i] == 0x0C { closeBlock() }
                lineStart = i + 1
            }
            closeBlock()
        }
        return blocks
    }
}

/// A text as the recognizer sees it: UTF-8 bytes, tokens as byte ranges, and sentences as
/// ranges of token indices.
///
/// The standard pipeline makes one from a document's ``Tokens`` and ``Sentences``; training and
/// evaluation make one from an annotated corpus, joining the tokens with spaces.
public struct NamedEntityText: Sendable {
    /// The text's UTF-8 bytes.
    public var bytes: [UInt8]
    /// The tokens, as byte ranges in text order.
    public var tokens: [Range<Int>]
    /// The sentences, as ranges of token indices, in order and not overlapping.
    public var sentences: [Range<Int>]

    /// Creates a text.
    public init(bytes: [UInt8], tokens: [Range<Int>], sentences: [Range<Int>]) {
        self.bytes = bytes
        self.tokens = tokens
        self.sentences = sentences
    }

    /// The text of one annotated document: its sentences' tokens joined by spaces.
    public init(sentences: [NamedEntityCorpus.Sentence]) {
        var bytes: [UInt8] = []
        var tokens: [Range<Int>] = []
        var ranges: [Range<Int>] = []
        for sentence in sentences {
            let first = tokens.count
            for token in sentence.tokens {
                let start = bytes.count
                bytes += token.utf8
                tokens.append(start..<bytes.count)
                bytes.append(0x20)
            }
            bytes[bytes.count - 1] = 0x0A
            ranges.append(first..<tokens.count)
        }
        self.init(bytes: bytes, tokens: tokens, sentences: ranges)
    }

    /// The text of a token.
    public func token(_ index: Int) -> String { String(decoding: bytes[tokens[index]], as: UTF8.self) }
}

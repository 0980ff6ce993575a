/// Turns the tokens of a text into the hashed features the recognizer's model weighs.
///
/// Every token gets exactly ``count`` features, each a 64-bit hash of a template number and a
/// value: the word as written and lower-cased, its shape ("Xx", "X.X.", "dd"), prefixes and
/// suffixes, the words and shapes around it in its sentence, its gazetteer membership and that
/// of its neighbours, its word cluster, and what the document says of the word elsewhere (does
/// it appear lower-case, as a common word does; is it capitalized inside sentences, as names
/// are). The model keeps the top bits of each hash, so the feature space is fixed in size.
///
/// A measured hot loop: it works on bytes, allocates two arrays per text and hashes each
/// token's bytes a few times.
struct NamedEntityFeatures: Sendable {
    /// The number of features of each token.
    static let count = 26
    /// What the features know of words.
    let lexicon: NamedEntityLexicon

    /// What is computed once per token and read by its neighbours' features.
    struct Keys {
        var lower: UInt64 = 0, exact: UInt64 = 0, shape: UInt64 = 0
        var prefix3: UInt64 = 0, prefix4: UInt64 = 0, suffix2: UInt64 = 0, suffix3: UInt64 = 0, suffix4: UInt64 = 0
        var cluster: UInt64 = 0
        var length: UInt8 = 0
        var membership: UInt8 = 0
        var flags: UInt8 = 0
    }

    /// Flags of ``Keys``.
    static let capitalized: UInt8 = 1, allCapitals: UInt8 = 2, digit: UInt8 = 4, noLetter: UInt8 = 8
    static let sentenceInitial: UInt8 = 16, seenLowerCase: UInt8 = 32, seenCapitalizedInside: UInt8 = 64

    /// A stretch of tokens to decode, inside its sentence (whose tokens give the context).
    struct Segment: Hashable {
        /// The tokens decoded.
        var tokens: Range<Int>
        /// The sentence around them.
        var sentence: Range<Int>
    }

    /// What a document says of its words: which occur lower-case, and which capitalized inside
    /// a sentence, as two bitmaps of hashed lower-case forms made in one cheap pass over every token.
    struct DocumentWords {
        private var lowerCase: [UInt64]
        private var capitalizedInside: [UInt64]
        private let shift: UInt64

        init(_ text: NamedEntityText) {
            let count = text.tokens.count
            var bits = 12
            while 1 << bits < count * 16 && bits < 24 { bits += 1 }
            shift = UInt64(64 - bits)
            lowerCase = [UInt64](repeating: 0, count: (1 << bits) / 64)
            capitalizedInside = lowerCase
            var initial = [Bool](repeating: false, count: count)
            for sentence in text.sentences where !sentence.isEmpty { initial[sentence.lowerBound] = true }
            text.bytes.withUnsafeBufferPointer { bytes in
                for (t, range) in text.tokens.enumerated() where !range.isEmpty {
                    let first = bytes[range.lowerBound]
                    if first >= 0x61 && first <= 0x7A {
                        let (word, mask) = bit(NamedEntityHash.lowercased(bytes, range))
                        lowerCase[word] |= mask
                    } else if !initial[t], first >= 0x41 && first <= 0x5A || first == 0xC3 {
                        let (word, mask) = bit(NamedEntityHash.lowercased(bytes, range))
                        capitalizedInside[word] |= mask
                    }
                }
            }
        }

        @inline(__always) private func bit(_ hash: UInt64) -> (Int, UInt64) {
            let index = Int(truncatingIfNeeded: NamedEntityHash.mix(hash) >> shift)
            return (index >> 6, 1 << UInt64(index & 63))
        }

        /// Whether the word (its lower-case hash) occurs in lower case.
        func isLowerCase(_ lower: UInt64) -> Bool {
            let (word, mask) = bit(lower)
            return lowerCase[word] & mask != 0
        }

        /// Whether the word occurs capitalized, not at the start of a sentence.
        func isCapitalizedInside(_ lower: UInt64) -> Bool {
            let (word, mask) = bit(lower)
            return capitalizedInside[word] & mask != 0
        }
    }

    /// The features of the tokens of `segments`, `count` per token, segment after segment.
    func extract(_ text: NamedEntityText, segments: [Segment], words: DocumentWords? = nil) -> [UInt64] {
        let words = words ?? DocumentWords(text)
        let keys = text.bytes.withUnsafeBufferPointer { self.keys(text, bytes: $0, segments: segments, words: words) }
        var features = [UInt64](repeating: 0, count: segments.reduce(0) { $0 + $1.tokens.count } * Self.count)
        features.withUnsafeMutableBufferPointer { out in
            keys.withUnsafeBufferPointer { keys in
                var base = 0
                for segment in segments {
                    for t in segment.tokens {
                        fill(out, at: base, token: t, sentence: segment.sentence, keys: keys)
                        base += Self.count
                    }
                }
            }
        }
        return features
    }

    /// The whole sentences of a text, as segments.
    static func sentences(of text: NamedEntityText) -> [Segment] {
        text.sentences.filter { !$0.isEmpty }.map { Segment(tokens: $0, sentence: $0) }
    }

    /// The stretches of a text where a name can be: runs of capitalized words, with at most two
    /// other words between them ("Raad van State"), and a word of context on either side. Dutch
    /// names are capitalized, so the rest of the text need not be decoded. A capitalized word
    /// that starts a sentence and occurs in lower case in the document ("De", "Welke") is no
    /// candidate on its own.
    static func candidates(of text: NamedEntityText, words: DocumentWords) -> [Segment] {
        var segments: [Segment] = []
        text.bytes.withUnsafeBufferPointer { bytes in
            for sentence in text.sentences where !sentence.isEmpty {
                var start = -1
                var last = -1
                for t in sentence {
                    let range = text.tokens[t]
                    guard !range.isEmpty else { continue }
                    let first = bytes[range.lowerBound]
                    let capital =
                        first >= 0x41 && first <= 0x5A
                        || first == 0xC3 && range.count > 1 && bytes[range.lowerBound + 1] >= 0x80
                            && bytes[range.lowerBound + 1] <= 0x9E
                    guard capital else { continue }
                    if t == sentence.lowerBound, words.isLowerCase(NamedEntityHash.lowercased(bytes, range)) {
                        continue
                    }
                    if start >= 0 && t - last > 3 {
                        segments.append(
                            Segment(
                                tokens: max(sentence.lowerBound, start - 1)..<min(sentence.upperBound, last + 2),
                                sentence: sentence))
                        start = -1
                    }
                    if start < 0 { start = t }
                    last = t
                }
                if start >= 0 {
                    segments.append(
                        Segment(
                            tokens: max(sentence.lowerBound, start - 1)..<min(sentence.upperBound, last + 2),
                            sentence: sentence))
                }
            }
        }
        return segments
    }

    private static let none = NamedEntityHash.mix(0x5EED)

    @inline(__always) private func fill(
        _ out: UnsafeMutableBufferPointer<UInt64>, at base: Int, token t: Int, sentence: Range<Int>,
        keys: UnsafeBufferPointer<Keys>
    ) {
        let k = keys[t]
        let p = t > sentence.lowerBound ? keys[t - 1] : nil
        let n = t + 1 < sentence.upperBound ? keys[t + 1] : nil
        let pp = t - 1 > sentence.lowerBound ? keys[t - 2].lower : Self.none
        let nn = t + 2 < sentence.upperBound ? keys[t + 2].lower : Self.none
        let pLower = p?.lower ?? Self.none
        let nLower = n?.lower ?? Self.none
        let pShape = p?.shape ?? Self.none
        let nShape = n?.shape ?? Self.none
        let position = UInt64(min(t - sentence.lowerBound, 3))
        var f = base
        @inline(__always) func add(_ template: UInt64, _ value: UInt64) {
            out[f] = NamedEntityHash.mix(value ^ (template &* 0xD6E8_FEB8_6659_FD93))
            f += 1
        }
        add(0, 0)
        add(1, k.lower)
        add(2, k.exact)
        add(3, k.shape)
        add(4, k.prefix3)
        add(5, k.prefix4)
        add(6, k.suffix2)
        add(7, k.suffix3)
        add(8, k.suffix4)
        add(9, pLower)
        add(10, nLower)
        add(11, pp)
        add(12, nn)
        add(13, NamedEntityHash.combine(pShape, k.shape))
        add(14, NamedEntityHash.combine(k.shape, nShape))
        add(15, NamedEntityHash.combine(pLower, k.lower))
        add(16, NamedEntityHash.combine(k.lower, nLower))
        add(17, UInt64(k.membership))
        add(18, UInt64(p?.membership ?? 0xFF) << 16 | UInt64(k.membership) << 8 | UInt64(n?.membership ?? 0xFF))
        add(19, UInt64(k.flags) << 8 | UInt64(k.length))
        add(20, NamedEntityHash.combine(pLower, k.shape))
        add(21, NamedEntityHash.combine(k.shape, nLower))
        add(22, k.cluster)
        add(
            23,
            NamedEntityHash.combine(
                k.cluster, position << 8 | UInt64(k.flags & (Self.capitalized | Self.sentenceInitial))))
        add(24, p?.cluster ?? Self.none)
        add(25, n?.cluster ?? Self.none)
    }

    /// The keys of the tokens of the segments and their neighbours: hashes of their forms, and
    /// their flags. What the document says of each word elsewhere is read from two bitmaps of
    /// hashed lower-case forms, made in one cheap pass over every token.
    private func keys(
        _ text: NamedEntityText, bytes: UnsafeBufferPointer<UInt8>, segments: [Segment], words: DocumentWords
    ) -> [Keys] {
        let count = text.tokens.count
        var keys = [Keys](repeating: Keys(), count: count)
        var initial = [Bool](repeating: false, count: count)
        for sentence in text.sentences where !sentence.isEmpty { initial[sentence.lowerBound] = true }
        var needed = [Bool](repeating: false, count: count)
        for segment in segments {
            for t in max(
                segment.sentence.lowerBound, segment.tokens.lowerBound - 2)..<min(
                    segment.sentence.upperBound, segment.tokens.upperBound + 2)
            { needed[t] = true }
        }
        for t in 0..<count where needed[t] {
            var key = Keys()
            Self.describe(bytes, text.tokens[t], into: &key)
            if initial[t] { key.flags |= Self.sentenceInitial }
            if key.flags & Self.capitalized != 0 {
                if words.isLowerCase(key.lower) { key.flags |= Self.seenLowerCase }
                if words.isCapitalizedInside(key.lower) { key.flags |= Self.seenCapitalizedInside }
            }
            if !lexicon.membership.isEmpty { key.membership = lexicon.membership[key.lower] ?? 0 }
            key.cluster =
                lexicon.clusters.isEmpty
                ? 0xFFFF_FFFF
                : lexicon.clusters[key.exact].map { UInt64($0) } ?? lexicon.clusters[key.lower].map {
                    UInt64($0) | 1 << 40
                } ?? 0xFFFF_FFFF
            keys[t] = key
        }
        return keys
    }

    /// The hashes and flags of one token's bytes.
    @inline(__always) static func describe(
        _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into key: inout Keys
    ) {
        var lower: UInt64 = 0xCBF2_9CE4_8422_2325
        var exact: UInt64 = 0xCBF2_9CE4_8422_2325
        var shape: UInt64 = 0xCBF2_9CE4_8422_2325
        var lastClass: UInt8 = 0
        var previous: UInt8 = 0
        var letters = 0
        var upper = 0
        var characters = 0
        var flags: UInt8 = 0
        for i in range {
            let byte = bytes[i]
            let afterC3 = previous == 0xC3
            let lowered = NamedEntityHash.lower(byte, afterC3: afterC3)
            lower = (lower ^ UInt64(lowered)) &* 0x100_0000_01B3
            exact = (exact ^ UInt64(byte)) &* 0x100_0000_01B3
            previous = byte
            if byte & 0xC0 == 0x80 && !afterC3 { continue }  // a continuation byte, classed with its lead
            var cls: UInt8
            if byte >= 0x41 && byte <= 0x5A || afterC3 && lowered != byte {
                cls = 0x58  // X
                upper += 1
                letters += 1
            } else if byte >= 0x61 && byte <= 0x7A || byte >= 0x80 {
                cls = 0x78  // x
                letters += 1
            } else if byte >= 0x30 && byte <= 0x39 {
                cls = 0x64  // d
                flags |= Self.digit
            } else {
                cls = byte
            }
            if byte == 0xC3 { continue }  // classed by its second byte
            if characters == 0 && cls == 0x58 { flags |= Self.capitalized }
            characters += 1
            if cls != lastClass {
                shape = (shape ^ UInt64(cls)) &* 0x100_0000_01B3
                lastClass = cls
            }
        }
        if letters == 0 { flags |= Self.noLetter }
        if upper > 1 && upper == letters { flags |= Self.allCapitals }
        key.lower = lower
        key.exact = exact
        key.shape = shape
        key.length = UInt8(min(characters, 8))
        key.flags = flags
        let count = range.count
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        @inline(__always) func affix(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence, _ tag: UInt64) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ tag
            var previous: UInt8 = 0
            for byte in bytes {
                hash = (hash ^ UInt64(NamedEntityHash.lower(byte, afterC3: previous == 0xC3))) &* 0x100_0000_01B3
                previous = byte
            }
            return hash
        }
        key.prefix3 = count > 3 ? affix(slice[0..<3], 3) : lower
        key.prefix4 = count > 4 ? affix(slice[0..<4], 4) : lower
        key.suffix2 = count > 2 ? affix(slice[(count - 2)...], 12) : lower
        key.suffix3 = count > 3 ? affix(slice[(count - 3)...], 13) : lower
        key.suffix4 = count > 4 ? affix(slice[(count - 4)...], 14) : lower
    }
}

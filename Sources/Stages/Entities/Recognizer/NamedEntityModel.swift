import Foundation

/// A trained recognizer of names: weights of hashed features for each BILOU tag, weights of tag
/// transitions, and the decoder that finds the best well-formed tagging of each sentence.
///
/// The model is an averaged structured perceptron (Collins 2002) over the features of
/// ``NamedEntityFeatures``; ``NamedEntityTrainer`` makes one, ``NamedEntityModel/load(path:)``
/// reads one from its file (the layout is documented in `NamedEntityModel+File.swift`).
/// Decoding is Viterbi under the BILOU constraints, then made consistent over the document: a
/// name keeps one type in all its occurrences (the type with most confidence summed), and a name
/// found in one place is found again where the same words recur untagged.
public struct NamedEntityModel: Sendable {
    /// The tag set: the entity types, in BILOU.
    public let tags: NamedEntityTags
    /// The number of bits of a feature hash kept: the model has `2^hashBits` feature rows.
    public let hashBits: Int
    /// The weights, `tags.count` per feature row, quantized as the model file stores them.
    var weights: NamedEntityWeights
    /// The transition weights: `tags.count` per row, a row per previous tag and a last row for
    /// the start of a sentence.
    var transitions: [Float]
    /// The scale that turns scores into confidences (a softmax temperature), fitted on held-out data.
    public var temperature: Float
    /// Where the model comes from: data, licences, command (free text, written into the file).
    public var provenance: String
    /// The word clusters its features use (word as written → cluster), kept in the model file.
    public var clusters: [String: UInt32] = [:]

    /// Creates a model from its weights, `tags.count` per feature row, which it quantizes (see
    /// ``NamedEntityWeights``): the model decodes as it will once written to its file and read back.
    init(
        tags: NamedEntityTags, hashBits: Int, weights: [Float], transitions: [Float], temperature: Float,
        provenance: String
    ) {
        precondition(weights.count == (1 << hashBits) * tags.count)
        self.init(
            tags: tags, hashBits: hashBits, weights: NamedEntityWeights(quantizing: weights, width: tags.count),
            transitions: transitions,
            temperature: temperature, provenance: provenance)
    }

    /// Creates a model from its quantized weights.
    init(
        tags: NamedEntityTags, hashBits: Int, weights: NamedEntityWeights, transitions: [Float], temperature: Float,
        provenance: String
    ) {
        precondition(
            weights.rows == 1 << hashBits && weights.width == tags.count
                && transitions.count == (tags.count + 1) * tags.count)
        self.tags = tags
        self.hashBits = hashBits
        self.weights = weights
        self.transitions = transitions
        self.temperature = temperature
        self.provenance = provenance
    }

    /// A name the model found: a range of token indices of the text, its type and confidence.
    public struct Name: Hashable, Sendable {
        /// The first token.
        public var start: Int
        /// The token after the last.
        public var end: Int
        /// The type, such as "PER".
        public var type: String
        /// How sure the model is, between 0 and 1.
        public var confidence: Double
    }

    /// The names in a text, in text order.
    /// - Parameters:
    ///   - text: The text, tokenized and split into sentences.
    ///   - lexicon: What the features know of words (as in training).
    ///   - consistent: Whether to make the names consistent over the text (see the type's discussion).
    ///   - capitalizedOnly: Whether to decode only the stretches around capitalized words (names
    ///     in Dutch are capitalized), which is several times faster, rather than every sentence.
    public func names(
        in text: NamedEntityText, lexicon: NamedEntityLexicon, consistent: Bool = true, capitalizedOnly: Bool = false
    ) -> [Name] {
        let words = NamedEntityFeatures.DocumentWords(text)
        let segments =
            capitalizedOnly
            ? NamedEntityFeatures.candidates(of: text, words: words) : NamedEntityFeatures.sentences(of: text)
        let features = NamedEntityFeatures(lexicon: lexicon).extract(text, segments: segments, words: words)
        var names: [Name] = []
        var decoder = Decoder(model: self)
        features.withUnsafeBufferPointer { features in
            var offset = 0
            for segment in segments {
                decoder.decode(UnsafeBufferPointer(rebasing: features[offset...]), tokens: segment.tokens, into: &names)
                offset += segment.tokens.count * NamedEntityFeatures.count
            }
        }
        return consistent ? Self.consistent(names, in: text) : names
    }

    /// The feature row of a feature hash: its top ``hashBits`` bits.
    @inline(__always) func row(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> UInt64(64 - hashBits)) }

    /// Names made consistent over a text: one type per name, and untagged repeats found.
    static func consistent(_ names: [Name], in text: NamedEntityText) -> [Name] {
        guard !names.isEmpty else { return names }
        func words(_ start: Int, _ end: Int) -> [ArraySlice<UInt8>] {
            (start..<end).map { text.bytes[text.tokens[$0]] }
        }
        var votes: [[ArraySlice<UInt8>]: [String: Double]] = [:]
        // How often each name's words are tagged: counted once, not per repeat (a long document has many).
        var counts: [[ArraySlice<UInt8>]: Int] = [:]
        for name in names {
            let key = words(name.start, name.end)
            votes[key, default: [:]][name.type, default: 0] += name.confidence
            counts[key, default: 0] += 1
        }
        func best(_ key: [ArraySlice<UInt8>]) -> (String, Double) {
            let tally = votes[key]!
            let total = tally.values.reduce(0, +)
            let top = tally.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }!
            return (top.key, total > 0 ? top.value / total : 0)
        }
        var result = names.map { name -> Name in
            var name = name
            let (type, share) = best(words(name.start, name.end))
            if type != name.type {
                name.type = type
                name.confidence = min(name.confidence, share)
            }
            return name
        }
        // Repeats: the words of a name, untagged elsewhere, where the first word is capitalized.
        var byFirst: [ArraySlice<UInt8>: [[ArraySlice<UInt8>]]] = [:]
        for key in votes.keys where key.count > 1 || key[0].count > 2 { byFirst[key[0], default: []].append(key) }
        // Longest first, sorted once (ties in their words' order, so the result never depends on hashing).
        for (first, keys) in byFirst {
            byFirst[first] = keys.sorted {
                $0.count != $1.count
                    ? $0.count > $1.count : $0.lexicographicallyPrecedes($1) { $0.lexicographicallyPrecedes($1) }
            }
        }
        // A filter of the first words by a cheap hash: most capitalized tokens start no name,
        // and a miss here spares hashing the token for the dictionary (a hit still asks it).
        var firstWords = FirstWordFilter()
        for first in byFirst.keys { firstWords.insert(first) }
        var covered = [Bool](repeating: false, count: text.tokens.count)
        for name in names { for t in name.start..<name.end { covered[t] = true } }
        for sentence in text.sentences {
            var t = sentence.lowerBound
            while t < sentence.upperBound {
                defer { t += 1 }
                guard !covered[t], let first = text.bytes[text.tokens[t]].first,
                    first >= 0x41 && first <= 0x5A || first == 0xC3,
                    firstWords.mayContain(text.bytes[text.tokens[t]]),
                    let keys = byFirst[text.bytes[text.tokens[t]]]
                else { continue }
                for key in keys where t + key.count <= sentence.upperBound {
                    guard t == sentence.lowerBound ? key.count > 1 : true, words(t, t + key.count) == key,
                        !(t..<(t + key.count)).contains(where: { covered[$0] })
                    else { continue }
                    let (type, share) = best(key)
                    let mean = votes[key]!.values.reduce(0, +) / Double(counts[key]!)
                    result.append(Name(start: t, end: t + key.count, type: type, confidence: min(share, mean) * 0.9))
                    for k in t..<(t + key.count) { covered[k] = true }
                    t += key.count - 1
                    break
                }
            }
        }
        return result.sorted { $0.start < $1.start }
    }
}

extension NamedEntityModel {
    /// A set of words that may answer "no" wrongly never and "yes" wrongly seldom: one bit of
    /// 4,096 per word, chosen by the word's ``NamedEntityHash/bytes(_:)`` hash.
    struct FirstWordFilter {
        private var bits = [UInt64](repeating: 0, count: 64)

        private static func bit(_ word: ArraySlice<UInt8>) -> Int {
            Int(truncatingIfNeeded: NamedEntityHash.bytes(word) >> 52)
        }

        mutating func insert(_ word: ArraySlice<UInt8>) {
            let bit = Self.bit(word)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }

        /// `false` when the word was never inserted.
        func mayContain(_ word: ArraySlice<UInt8>) -> Bool {
            let bit = Self.bit(word)
            return bits[bit >> 6] >> UInt64(bit & 63) & 1 != 0
        }
    }

    /// Viterbi decoding of sentences, with buffers reused from one sentence to the next.
    struct Decoder {
        let model: NamedEntityModel
        /// The transition weights with the BILOU constraints applied (disallowed: -infinity).
        let allowed: [Float]
        let predecessors: Predecessors
        let endAllowed: [Bool]
        var emissions: [Float] = []
        var scores: [Float] = []
        var back: [Int32] = []
        /// The byte offset of each feature's row in the weight table, and the row's scale.
        var rowOffsets: [Int] = []
        var rowScales: [Float] = []
        /// The last bytes of the rows read, or-ed together: read only to bring their cache lines in early.
        private(set) var touched: UInt8 = 0

        init(model: NamedEntityModel) {
            self.model = model
            self.allowed = Self.constrained(model.transitions, tags: model.tags)
            self.predecessors = Predecessors(allowed: allowed, count: model.tags.count)
            self.endAllowed = (0..<model.tags.count).map(model.tags.mayEnd)
        }

        /// Transition weights with the BILOU constraints applied: a disallowed transition weighs -infinity.
        static func constrained(_ transitions: [Float], tags: NamedEntityTags) -> [Float] {
            let count = tags.count
            var allowed = transitions
            for previous in 0...count {
                for next in 0..<count where !tags.allows(previous == count ? nil : previous, next) {
                    allowed[previous * count + next] = -.infinity
                }
            }
            return allowed
        }

        /// Decodes one stretch of tokens, whose features start `features`, and appends its names.
        mutating func decode(
            _ features: UnsafeBufferPointer<UInt64>, tokens sentence: Range<Int>, into names: inout [Name]
        ) {
            let count = model.tags.count
            let path = best(features, length: sentence.count)
            var start = -1
            for (k, tag) in path.enumerated() where tag != 0 {
                let position = NamedEntityTags.position(of: tag)
                if position == 0 || position == 3 { start = k }
                guard position >= 2, start >= 0 else { continue }
                // The confidence: the least local probability, over the name's tokens, that the
                // token is in a name of this type (any of its four tags), given the tag before it.
                var confidence = 1.0
                let typeIndex = NamedEntityTags.type(of: tag)!
                for j in start...k {
                    let previous = j == 0 ? count : path[j - 1]
                    confidence = min(confidence, localProbability(ofType: typeIndex, at: j, after: previous))
                }
                let type = model.tags.types[typeIndex]
                names.append(
                    Name(
                        start: sentence.lowerBound + start, end: sentence.lowerBound + k + 1, type: type,
                        confidence: confidence))
                start = -1
            }
        }

        /// The probability of the tags of a type at position `j` against the other tags, from
        /// the last computed emissions and the transition from `previous`, at the model's temperature.
        func localProbability(ofType type: Int, at j: Int, after previous: Int) -> Double {
            let count = model.tags.count
            var best = -Float.infinity
            for l in 0..<count { best = max(best, emissions[j * count + l] + allowed[previous * count + l]) }
            var total = 0.0
            var inType = 0.0
            for l in 0..<count {
                let local = emissions[j * count + l] + allowed[previous * count + l]
                guard local > -.infinity else { continue }
                let weight = Double(((local - best) / model.temperature).exp)
                total += weight
                if l >= 1 + 4 * type && l < 5 + 4 * type { inType += weight }
            }
            return inType / total
        }

        /// The best tagging of `n` tokens, whose features start `features`, under the
        /// constraints (tag indices, one per token).
        mutating func best(_ features: UnsafeBufferPointer<UInt64>, length n: Int) -> [Int] {
            let count = model.tags.count
            let featureCount = NamedEntityFeatures.count
            // Zeroed in the buffer of the sentence before: no allocation per sentence.
            emissions.removeAll(keepingCapacity: true)
            emissions.append(contentsOf: repeatElement(0, count: n * count))
            let features = UnsafeBufferPointer(rebasing: features[..<(n * featureCount)])
            if rowOffsets.count < features.count {
                rowOffsets = [Int](repeating: 0, count: features.count)
                rowScales = [Float](repeating: 0, count: features.count)
            }
            // A measured hot loop, memory-bound: a feature's row is a scale and `count` bytes,
            // in a table of megabytes. The first pass finds the rows of all features and reads
            // their scales and their last bytes (a row of 24 bytes spans two cache lines one time
            // in four), loads that wait for nothing, so that their cache misses overlap; the
            // second adds the rows (now cached) that are not zero.
            var lastBytes: UInt8 = 0
            model.weights.table.withUnsafeBytes { table in
                rowOffsets.withUnsafeMutableBufferPointer { offsets in
                    rowScales.withUnsafeMutableBufferPointer { scales in
                        let stride = model.weights.stride
                        for (k, hash) in features.enumerated() {
                            offsets[k] = model.row(hash) &* stride
                            scales[k] = table.loadUnaligned(fromByteOffset: offsets[k], as: Float.self)
                            lastBytes |= table.load(fromByteOffset: offsets[k] &+ 3 &+ count, as: UInt8.self)
                        }
                        emissions.withUnsafeMutableBytes { emissions in
                            for k in 0..<features.count where scales[k] != 0 {
                                Self.add(
                                    row: UnsafeRawPointer(table.baseAddress! + offsets[k] + 4), scale: scales[k],
                                    count: count,
                                    to: emissions.baseAddress! + k / featureCount * count * MemoryLayout<Float>.stride)
                            }
                        }
                    }
                }
            }
            // Kept, so that the loads of the last bytes are not optimized away.
            touched |= lastBytes
            return Self.viterbi(
                emissions: emissions, count: count, length: n, allowed: allowed, predecessors: predecessors,
                endAllowed: endAllowed,
                scores: &scores, back: &back)
        }

        /// Adds a row of weights, `count` signed bytes times `scale`, to `count` emission
        /// scores: eight at a time, as vectors, then the rest one by one. Each score gets the
        /// same product and sum as one by one, so the result is the same to the bit.
        @inline(__always) static func add(
            row: UnsafeRawPointer, scale: Float, count: Int, to emissions: UnsafeMutableRawPointer
        ) {
            var l = 0
            while l &+ 8 <= count {
                let codes = SIMD8<Float>(
                    SIMD8<Int32>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: l, as: SIMD8<Int8>.self)))
                let offset = l &* MemoryLayout<Float>.stride
                let sum = emissions.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self) + codes * scale
                emissions.storeBytes(of: sum, toByteOffset: offset, as: SIMD8<Float>.self)
                l &+= 8
            }
            while l < count {
                let offset = l &* MemoryLayout<Float>.stride
                let sum =
                    emissions.load(fromByteOffset: offset, as: Float.self) + scale
                    * Float(row.load(fromByteOffset: l, as: Int8.self))
                emissions.storeBytes(of: sum, toByteOffset: offset, as: Float.self)
                l &+= 1
            }
        }

        /// For each tag, the tags that may come before it (a finite transition weight), in
        /// order: Viterbi looks at these alone, as a disallowed transition scores -infinity
        /// whatever came before and so never wins.
        struct Predecessors {
            /// The previous tags of tag `l`: `tags[start[l]..<start[l + 1]]`.
            let start: [Int]
            let tags: [Int]

            init(allowed: [Float], count: Int) {
                var start = [0]
                var tags: [Int] = []
                for l in 0..<count {
                    for p in 0..<count where allowed[p * count + l] > -.infinity { tags.append(p) }
                    start.append(tags.count)
                }
                self.start = start
                self.tags = tags
            }
        }

        /// Viterbi over emission scores (`count` per position) and transitions (`allowed`),
        /// whose allowed previous tags are `predecessors`.
        static func viterbi(
            emissions: [Float], count: Int, length n: Int, allowed: [Float], predecessors: Predecessors,
            endAllowed: [Bool], scores: inout [Float], back: inout [Int32]
        ) -> [Int] {
            if scores.count < n * count { scores = [Float](repeating: 0, count: n * count) }
            if back.count < n * count { back = [Int32](repeating: 0, count: n * count) }
            // A measured hot loop: unchecked buffers, wrapping index arithmetic (the indices are
            // below `n * count`), and only the allowed previous tags (a third of them in BILOU).
            emissions.withUnsafeBufferPointer { emissions in
                allowed.withUnsafeBufferPointer { allowed in
                    scores.withUnsafeMutableBufferPointer { scores in
                        back.withUnsafeMutableBufferPointer { back in
                            for l in 0..<count { scores[l] = emissions[l] + allowed[count &* count &+ l] }
                            guard n > 1 else { return }
                            predecessors.start.withUnsafeBufferPointer { start in
                                predecessors.tags.withUnsafeBufferPointer { previousTags in
                                    for j in 1..<n {
                                        let previous = (j &- 1) &* count
                                        let here = j &* count
                                        for l in 0..<count {
                                            var best = -Float.infinity
                                            var from: Int32 = 0
                                            var k = start[l]
                                            let end = start[l &+ 1]
                                            while k < end {
                                                let p = previousTags[k]
                                                let score = scores[previous &+ p] + allowed[p &* count &+ l]
                                                if score > best {
                                                    best = score
                                                    from = Int32(truncatingIfNeeded: p)
                                                }
                                                k &+= 1
                                            }
                                            scores[here &+ l] = best + emissions[here &+ l]
                                            back[here &+ l] = from
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            var last = 0
            var best = -Float.infinity
            for l in 0..<count where endAllowed[l] && scores[(n - 1) * count + l] > best {
                best = scores[(n - 1) * count + l]
                last = l
            }
            var path = [Int](repeating: 0, count: n)
            path[n - 1] = last
            var j = n - 1
            while j > 0 {
                path[j - 1] = Int(back[j * count + path[j]])
                j -= 1
            }
            return path
        }
    }
}

extension Float {
    /// `e` to the power of this number.
    @inline(__always) fileprivate var exp: Float { Float(Foundation.exp(Double(self))) }
}

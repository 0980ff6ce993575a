import Pipeline
import TextGraphSegmentation

extension GazetteerMatcher {
    /// The matcher's data: the vocabulary of folded tokens, the trie's edges and the aliases,
    /// all in flat arrays.
    struct Index: Sendable {
        // The vocabulary: token id → folded bytes `vocabularyBytes[vocabularyStart[id]..<vocabularyStart[id + 1]]`.
        // `vocabularyBytes` ends in ``keyPadding`` zero bytes, so that eight-byte loads of a stored
        // key never read past its end.
        let vocabularyBytes: [UInt8]
        let vocabularyStart: [Int32]
        /// Open addressing, linear probing: `hash << 32 | token id`, or `UInt64.max` for an empty
        /// slot. The hash sits beside the id so that a probe reads one slot, not a second table.
        let vocabularySlots: [UInt64]
        let vocabularyMask: Int
        /// A Bloom filter of the vocabulary's hashes, one bit per hash, some sixteen bits per
        /// token: most tokens of a text are not in the vocabulary, and this small table (in the
        /// first-level cache for the bundled gazetteer) turns nearly all of them away before a
        /// probe of the slots.
        let vocabularyFilter: [UInt64]
        /// 64 minus the base-2 logarithm of the filter's size in bits.
        let vocabularyFilterShift: UInt64

        /// Open addressing, linear probing: `node << 32 | token` or `UInt64.max`.
        let edgeKeys: [UInt64]
        let edgeChildren: [Int32]
        let edgeMask: Int
        /// The child of the root along each token id, or -1: the first step of every match, without a probe.
        let rootChildren: [Int32]

        /// The aliases ending at node `n`: `aliases[aliasStart[n]..<aliasStart[n + 1]]`.
        let aliasStart: [Int32]
        let aliases: [Alias]
        /// Per alias token: its case rule and its surface in `surfaceBytes`.
        let tokenRules: [CaseRule]
        let tokenSurfaceStart: [Int32]
        let tokenSurfaceEnd: [Int32]
        let surfaceBytes: [UInt8]

        var nodeCount: Int { aliasStart.count - 1 }

        /// The zero bytes after the last stored key.
        static let keyPadding = 16

        /// The hash of a folded token: its bytes as little-endian eight-byte words (the last one
        /// padded with zeros) mixed one word at a time, with the length.
        ///
        /// Word by word rather than byte by byte: a multiplication per eight bytes instead of one
        /// per byte. ``hash(words:_:length:)`` gives the same value for a short token already in
        /// registers.
        static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var h = hashSeed(length: bytes.count)
            var k = 0
            while k < bytes.count {
                var word: UInt64 = 0
                for t in k..<min(k + 8, bytes.count) { word |= UInt64(bytes[t]) << (8 * UInt64(t - k)) }
                h = hashStep(h, word)
                k += 8
            }
            return hashFinish(h)
        }

        /// The ``hash(_:)`` of a key of at most sixteen bytes given as two little-endian words,
        /// zero past `length`.
        @inline(__always)
        static func hash(words w0: UInt64, _ w1: UInt64, length: Int) -> UInt32 {
            var h = hashSeed(length: length)
            if length > 0 { h = hashStep(h, w0) }
            if length > 8 { h = hashStep(h, w1) }
            return hashFinish(h)
        }

        @inline(__always)
        private static func hashSeed(length: Int) -> UInt64 {
            0xcbf2_9ce4_8422_2325 ^ UInt64(truncatingIfNeeded: length)
        }

        @inline(__always)
        private static func hashStep(_ h: UInt64, _ word: UInt64) -> UInt64 {
            let x = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
            return x ^ (x >> 29)
        }

        @inline(__always)
        private static func hashFinish(_ h: UInt64) -> UInt32 {
            let x = h &* 0xFF51_AFD7_ED55_8CCD
            return UInt32(truncatingIfNeeded: x >> 32)
        }

        @inline(__always)
        static func edgeSlot(_ key: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }

        /// The bit of ``vocabularyFilter`` for a hash: its top bits, while its low bits choose the
        /// slot (the two overlap only for very large vocabularies, which makes the filter weaker,
        /// never wrong).
        @inline(__always)
        static func filterBit(_ h: UInt32, shift: UInt64) -> Int {
            Int(truncatingIfNeeded: (UInt64(h) << 32) >> shift)
        }

        /// Whether a token with hash `h` may be in the vocabulary; `false` means it is not.
        @inline(__always)
        func mayContain(_ h: UInt32) -> Bool {
            let bit = Self.filterBit(h, shift: vocabularyFilterShift)
            return vocabularyFilter.withUnsafeBufferPointer { $0[bit >> 6] } >> UInt64(bit & 63) & 1 != 0
        }

        /// The id of a folded token, or -1.
        @inline(__always)
        func id(of folded: [UInt8]) -> Int32 {
            folded.withUnsafeBufferPointer { id(of: $0, hash: Self.hash($0)) }
        }

        /// The id of folded bytes whose ``hash(_:)`` is `h`; -1 when unknown.
        @inline(__always)
        func id(of key: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Int32 {
            guard mayContain(h) else { return -1 }
            return vocabularyBytes.withUnsafeBufferPointer { stored in
                probe(h) { start, end in
                    end - start == key.count && memcmpEqual(UnsafeBufferPointer(rebasing: stored[start..<end]), key)
                }
            }
        }

        /// The id of a folded key of at most sixteen bytes given as two little-endian words, zero
        /// past `length`, whose hash is `h`; -1 when unknown. Compares eight bytes at a time.
        @inline(__always)
        func id(ofWords w0: UInt64, _ w1: UInt64, length: Int, hash h: UInt32) -> Int32 {
            guard mayContain(h) else { return -1 }
            return vocabularyBytes.withUnsafeBytes { stored in
                probe(h) { start, end in
                    guard end - start == length else { return false }
                    // The padding after the last key keeps both loads inside the array.
                    let s0 = UInt64(littleEndian: stored.loadUnaligned(fromByteOffset: start, as: UInt64.self))
                    let s1 = UInt64(littleEndian: stored.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
                    return s0 & Self.lowBytes(length) == w0 && s1 & Self.lowBytes(length - 8) == w1
                }
            }
        }

        /// Looks up a hash in the vocabulary's open-addressed slots: the id of the first entry with
        /// that hash whose stored key (its byte range in ``vocabularyBytes``) `keyMatches`, or -1.
        @inline(__always)
        private func probe(_ h: UInt32, _ keyMatches: (_ start: Int, _ end: Int) -> Bool) -> Int32 {
            vocabularySlots.withUnsafeBufferPointer { slots in
                var slot = Int(h) & vocabularyMask
                while true {
                    let entry = slots[slot]
                    if entry == UInt64.max { return -1 }
                    if UInt32(truncatingIfNeeded: entry >> 32) == h {
                        let id = Int32(truncatingIfNeeded: entry)
                        if keyMatches(Int(vocabularyStart[Int(id)]), Int(vocabularyStart[Int(id) + 1])) { return id }
                    }
                    slot = (slot + 1) & vocabularyMask
                }
            }
        }

        /// A mask of the low `count` bytes of a word (none for a count of zero or less, all from eight).
        @inline(__always)
        static func lowBytes(_ count: Int) -> UInt64 {
            count >= 8 ? UInt64.max : count <= 0 ? 0 : (1 << (8 * UInt64(count))) &- 1
        }

        /// The child of `node` along `token`, or -1.
        @inline(__always)
        func child(of node: Int32, token: Int32) -> Int32 {
            if node == 0 { return rootChildren[Int(token)] }
            let key = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: token))
            var slot = Self.edgeSlot(key, edgeMask)
            while true {
                let stored = edgeKeys[slot]
                if stored == key { return edgeChildren[slot] }
                if stored == UInt64.max { return -1 }
                slot = (slot + 1) & edgeMask
            }
        }

        /// Whether any alias ends at a node.
        @inline(__always)
        func hasAliases(_ node: Int32) -> Bool { aliasStart[Int(node)] != aliasStart[Int(node) + 1] }

        /// The aliases ending at a node.
        func aliases(at node: Int32) -> ArraySlice<Alias> {
            aliases[Int(aliasStart[Int(node)])..<Int(aliasStart[Int(node) + 1])]
        }

        /// Whether alias token `k` is written exactly as the text's bytes `start..<end`.
        func surface(_ k: Int, equals text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            let s = Int(tokenSurfaceStart[k])
            let e = Int(tokenSurfaceEnd[k])
            guard e - s == end - start else { return false }
            return surfaceBytes.withUnsafeBufferPointer { stored in
                memcmpEqual(
                    UnsafeBufferPointer(rebasing: stored[s..<e]), UnsafeBufferPointer(rebasing: text[start..<end]))
            }
        }

        /// The number of distinct names: aliases that end at different nodes, or at one node
        /// written differently.
        func distinctNameCount() -> Int {
            var count = 0
            for node in 0..<nodeCount where hasAliases(Int32(node)) {
                let here = aliases(at: Int32(node))
                for (k, alias) in zip(here.indices, here) {
                    let repeated = here[here.startIndex..<k].contains { earlier in
                        (0..<Int(alias.tokenCount)).allSatisfy { t in
                            let a = Int(alias.firstToken) + t
                            let b = Int(earlier.firstToken) + t
                            return surfaceBytes[Int(tokenSurfaceStart[a])..<Int(tokenSurfaceEnd[a])]
                                == surfaceBytes[Int(tokenSurfaceStart[b])..<Int(tokenSurfaceEnd[b])]
                        }
                    }
                    if !repeated { count += 1 }
                }
            }
            return count
        }

        /// Alias token `k` as written.
        func surfaceString(_ k: Int) -> String {
            String(decoding: surfaceBytes[Int(tokenSurfaceStart[k])..<Int(tokenSurfaceEnd[k])], as: UTF8.self)
        }

        /// Collects names, then lays them out in flat tables.
        struct Builder {
            private var vocabulary: [[UInt8]: Int32] = [:]
            private var vocabularyBytes: [UInt8] = []
            private var vocabularyStart: [Int32] = [0]
            private var edges: [UInt64: Int32] = [:]
            private var nodeCount: Int32 = 1
            /// (node, alias) in the order added.
            private var ending: [(node: Int32, alias: Alias)] = []
            private var tokenRules: [CaseRule] = []
            private var tokenSurfaceStart: [Int32] = []
            private var tokenSurfaceEnd: [Int32] = []
            private var surfaceBytes: [UInt8] = []
            private var scratch: [UInt8] = []

            mutating func add(
                _ name: String, entry: Int32, isAdjective: Bool, tokenizer: Tokenizer, folding: TextFolding
            ) {
                var name = name
                let tokens = tokenizer.tokenize(name)
                guard !tokens.isEmpty else { return }
                name.withUTF8 { bytes in
                    var node: Int32 = 0
                    var hasExactRule = false
                    let firstToken = Int32(tokenRules.count)
                    for token in tokens {
                        let word = UnsafeBufferPointer(rebasing: bytes[token.span.start..<token.span.end])
                        scratch.removeAll(keepingCapacity: true)
                        if !folding.fold(word, into: &scratch) {
                            scratch = folding.slowFold(String(decoding: word, as: UTF8.self))
                        }
                        let folded = scratch
                        let id: Int32
                        if let existing = vocabulary[folded] {
                            id = existing
                        } else {
                            id = Int32(vocabulary.count)
                            vocabulary[folded] = id
                            vocabularyBytes += folded
                            vocabularyStart.append(Int32(vocabularyBytes.count))
                        }
                        let edge = UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: id))
                        if let child = edges[edge] {
                            node = child
                        } else {
                            edges[edge] = nodeCount
                            node = nodeCount
                            nodeCount += 1
                        }
                        let rule = GazetteerMatcher.rule(word)
                        if rule == .exact { hasExactRule = true }
                        tokenRules.append(rule)
                        tokenSurfaceStart.append(Int32(surfaceBytes.count))
                        surfaceBytes += word
                        tokenSurfaceEnd.append(Int32(surfaceBytes.count))
                    }
                    let alias = Alias(
                        entry: entry, firstToken: firstToken, tokenCount: Int32(tokens.count), isAdjective: isAdjective,
                        hasExactRule: hasExactRule
                    )
                    ending.append((node, alias))
                }
            }

            func build() -> Index {
                // Vocabulary table at most half full.
                let vocabularyCapacity = Self.capacity(for: vocabulary.count)
                var slots = [UInt64](repeating: UInt64.max, count: vocabularyCapacity)
                var filterBits = 512
                while filterBits < 16 * vocabulary.count && filterBits < 1 << 32 { filterBits <<= 1 }
                let filterShift = UInt64(64 - filterBits.trailingZeroBitCount)
                var filter = [UInt64](repeating: 0, count: filterBits / 64)
                vocabularyBytes.withUnsafeBufferPointer { all in
                    for id in 0..<vocabulary.count {
                        let h = Index.hash(
                            UnsafeBufferPointer(rebasing: all[Int(vocabularyStart[id])..<Int(vocabularyStart[id + 1])]))
                        let bit = Index.filterBit(h, shift: filterShift)
                        filter[bit >> 6] |= 1 << UInt64(bit & 63)
                        var slot = Int(h) & (vocabularyCapacity - 1)
                        while slots[slot] != UInt64.max { slot = (slot + 1) & (vocabularyCapacity - 1) }
                        slots[slot] = UInt64(h) << 32 | UInt64(UInt32(id))
                    }
                }
                let paddedVocabularyBytes = vocabularyBytes + repeatElement(0, count: Index.keyPadding)
                // Edge table at most half full.
                let edgeCapacity = Self.capacity(for: edges.count)
                var edgeKeys = [UInt64](repeating: UInt64.max, count: edgeCapacity)
                var edgeChildren = [Int32](repeating: -1, count: edgeCapacity)
                var rootChildren = [Int32](repeating: -1, count: vocabulary.count)
                // In key order, so the table (and a compiled gazetteer) is the same in every run.
                for (key, child) in edges.sorted(by: { $0.key < $1.key }) {
                    var slot = Index.edgeSlot(key, edgeCapacity - 1)
                    while edgeKeys[slot] != UInt64.max { slot = (slot + 1) & (edgeCapacity - 1) }
                    edgeKeys[slot] = key
                    edgeChildren[slot] = child
                    if key >> 32 == 0 { rootChildren[Int(key & 0xFFFF_FFFF)] = child }
                }
                // Aliases grouped by node, in the order they were added within a node.
                var counts = [Int32](repeating: 0, count: Int(nodeCount) + 1)
                for (node, _) in ending { counts[Int(node) + 1] += 1 }
                for n in 0..<Int(nodeCount) { counts[n + 1] += counts[n] }
                var next = counts
                var aliases = [Alias](
                    repeating: Alias(entry: 0, firstToken: 0, tokenCount: 0, isAdjective: false, hasExactRule: false),
                    count: ending.count)
                for (node, alias) in ending {
                    aliases[Int(next[Int(node)])] = alias
                    next[Int(node)] += 1
                }
                let index = Index(
                    vocabularyBytes: paddedVocabularyBytes, vocabularyStart: vocabularyStart,
                    vocabularySlots: slots, vocabularyMask: vocabularyCapacity - 1,
                    vocabularyFilter: filter, vocabularyFilterShift: filterShift,
                    edgeKeys: edgeKeys, edgeChildren: edgeChildren, edgeMask: edgeCapacity - 1,
                    rootChildren: rootChildren,
                    aliasStart: counts, aliases: aliases,
                    tokenRules: tokenRules, tokenSurfaceStart: tokenSurfaceStart, tokenSurfaceEnd: tokenSurfaceEnd,
                    surfaceBytes: surfaceBytes
                )
                return index
            }

            /// A power of two at least twice `count` (and at least 16).
            private static func capacity(for count: Int) -> Int {
                var capacity = 16
                while capacity < 2 * count { capacity <<= 1 }
                return capacity
            }
        }
    }
}

/// Whether two byte ranges of equal length hold the same bytes.
@inline(__always)
private func memcmpEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
    guard a.count == b.count else { return false }
    for k in 0..<a.count where a[k] != b[k] { return false }
    return true
}

import Pipeline

extension GazetteerMatcher {
    /// The matcher's data: the vocabulary of folded tokens, the trie's edges and the aliases,
    /// all in flat arrays.
    struct Index: Sendable {
        // The vocabulary: token id → folded bytes `vocabularyBytes[vocabularyStart[id]..<vocabularyStart[id + 1]]`.
        let vocabularyBytes: [UInt8]
        let vocabularyStart: [Int32]
        let vocabularyHash: [UInt32]
        /// Open addressing, linear probing: token id or -1.
        let vocabularySlots: [Int32]
        let vocabularyMask: Int

        /// Open addressing, linear probing: `node << 32 | token` or `UInt64.max`.
        let edgeKeys: [UInt64]
        let edgeChildren: [Int32]
        let edgeMask: Int

        /// The aliases ending at node `n`: `aliases[aliasStart[n]..<aliasStart[n + 1]]`.
        let aliasStart: [Int32]
        let aliases: [Alias]
        /// Per alias token: its case rule and its surface in `surfaceBytes`.
        let tokenRules: [CaseRule]
        let tokenSurfaceStart: [Int32]
        let tokenSurfaceEnd: [Int32]
        let surfaceBytes: [UInt8]

        var nodeCount: Int { aliasStart.count - 1 }

        /// FNV-1a, 64 bits, folded to 32.
        @inline(__always)
        static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
            var h = hashSeed
            for b in bytes { h = hashStep(h, b) }
            return hashFinish(h)
        }

        /// The hash in steps (FNV-1a, 64 bits, folded to 32), for hashing while folding.
        static let hashSeed: UInt64 = 0xcbf2_9ce4_8422_2325

        @inline(__always)
        static func hashStep(_ h: UInt64, _ byte: UInt8) -> UInt64 { (h ^ UInt64(byte)) &* 0x100_0000_01b3 }

        @inline(__always)
        static func hashFinish(_ h: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: h ^ (h >> 32)) }

        @inline(__always)
        static func edgeSlot(_ key: UInt64, _ mask: Int) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
        }

        /// The id of a folded token, or -1.
        @inline(__always)
        func id(of folded: [UInt8]) -> Int32 {
            folded.withUnsafeBufferPointer { id(of: $0, hash: Self.hash($0)) }
        }

        /// The id of folded bytes whose ``hash(_:)`` is `h`; -1 when unknown.
        @inline(__always)
        func id(of key: UnsafeBufferPointer<UInt8>, hash h: UInt32) -> Int32 {
            var slot = Int(h) & vocabularyMask
            while true {
                let id = vocabularySlots[slot]
                if id < 0 { return -1 }
                if vocabularyHash[Int(id)] == h {
                    let start = Int(vocabularyStart[Int(id)])
                    let end = Int(vocabularyStart[Int(id) + 1])
                    if end - start == key.count && vocabularyBytes.withUnsafeBufferPointer({ stored in
                        memcmpEqual(UnsafeBufferPointer(rebasing: stored[start..<end]), key)
                    }) {
                        return id
                    }
                }
                slot = (slot + 1) & vocabularyMask
            }
        }

        /// The child of `node` along `token`, or -1.
        @inline(__always)
        func child(of node: Int32, token: Int32) -> Int32 {
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
                memcmpEqual(UnsafeBufferPointer(rebasing: stored[s..<e]), UnsafeBufferPointer(rebasing: text[start..<end]))
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

            mutating func add(_ name: String, entry: Int32, isAdjective: Bool, tokenizer: Tokenizer, folding: TextFolding) {
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
                        if !folding.fold(word, into: &scratch) { scratch = folding.slowFold(String(decoding: word, as: UTF8.self)) }
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
                var slots = [Int32](repeating: -1, count: vocabularyCapacity)
                var hashes = [UInt32](repeating: 0, count: vocabulary.count)
                vocabularyBytes.withUnsafeBufferPointer { all in
                    for id in 0..<vocabulary.count {
                        let h = Index.hash(UnsafeBufferPointer(rebasing: all[Int(vocabularyStart[id])..<Int(vocabularyStart[id + 1])]))
                        hashes[id] = h
                        var slot = Int(h) & (vocabularyCapacity - 1)
                        while slots[slot] >= 0 { slot = (slot + 1) & (vocabularyCapacity - 1) }
                        slots[slot] = Int32(id)
                    }
                }
                // Edge table at most half full.
                let edgeCapacity = Self.capacity(for: edges.count)
                var edgeKeys = [UInt64](repeating: UInt64.max, count: edgeCapacity)
                var edgeChildren = [Int32](repeating: -1, count: edgeCapacity)
                for (key, child) in edges {
                    var slot = Index.edgeSlot(key, edgeCapacity - 1)
                    while edgeKeys[slot] != UInt64.max { slot = (slot + 1) & (edgeCapacity - 1) }
                    edgeKeys[slot] = key
                    edgeChildren[slot] = child
                }
                // Aliases grouped by node, in the order they were added within a node.
                var counts = [Int32](repeating: 0, count: Int(nodeCount) + 1)
                for (node, _) in ending { counts[Int(node) + 1] += 1 }
                for n in 0..<Int(nodeCount) { counts[n + 1] += counts[n] }
                var next = counts
                var aliases = [Alias](repeating: Alias(entry: 0, firstToken: 0, tokenCount: 0, isAdjective: false, hasExactRule: false), count: ending.count)
                for (node, alias) in ending {
                    aliases[Int(next[Int(node)])] = alias
                    next[Int(node)] += 1
                }
                let index = Index(
                    vocabularyBytes: vocabularyBytes, vocabularyStart: vocabularyStart, vocabularyHash: hashes,
                    vocabularySlots: slots, vocabularyMask: vocabularyCapacity - 1,
                    edgeKeys: edgeKeys, edgeChildren: edgeChildren, edgeMask: edgeCapacity - 1,
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

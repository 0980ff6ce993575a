import Pipeline

/// What the recognizer's features know of words besides their spelling: the kinds of name a word
/// is part of in a gazetteer, and the word's cluster, learned from unlabelled text.
///
/// Membership is by lower-cased word: a bit for each coarse type (PER, ORG, LOC, MISC) whose
/// gazetteer names hold the word capitalized, and another when the word is such a name whole.
/// The lexicon is made from the gazetteer the pipeline runs with, so the recognizer knows more
/// words as the gazetteer grows; the model learns how far to trust membership, not which words.
public struct NamedEntityLexicon: Sendable {
    /// Membership bits by the hash of a lower-cased word.
    var membership: NamedEntityWordTable
    /// Cluster ids by the hash of a word as written.
    var clusters: [UInt64: UInt32]

    /// An empty lexicon.
    public init() {
        membership = NamedEntityWordTable()
        clusters = [:]
    }

    /// The last segments of schema.org class IRIs, by coarse type (0 PER, 1 ORG, 2 LOC).
    private static let classNames: [(name: [UInt8], type: Int)] = [
        ("Person", 0), ("Organization", 1), ("GovernmentOrganization", 1), ("Corporation", 1), ("PoliticalParty", 1),
        ("NGO", 1), ("EducationalOrganization", 1), ("Country", 2), ("Place", 2), ("City", 2),
        ("AdministrativeArea", 2),
        ("Continent", 2), ("State", 2),
    ].map { (Array($0.0.utf8), $0.1) }

    /// The coarse type (0 PER, 1 ORG, 2 LOC, 3 MISC) of a gazetteer class: the first of `types`
    /// whose last path segment names a person, an organization or a place.
    ///
    /// Compares the bytes after the last `/`, without making a string: it runs for every entry
    /// of the gazetteer when a recognizer is made.
    static func coarseType(of types: [IRI]) -> Int {
        for type in types {
            let utf8 = type.value.utf8
            let name = utf8[(utf8.lastIndex(of: 0x2F).map { utf8.index(after: $0) } ?? utf8.startIndex)...]
            if let match = classNames.first(where: { $0.name.elementsEqual(name) }) { return match.type }
        }
        return 3
    }

    /// A lexicon of the names of a gazetteer.
    ///
    /// One pass over the UTF-8 bytes of every label and alias, with no string or array made per
    /// name: the standard pipeline makes it at start-up from some 23,000 entries.
    public init(gazetteer: Gazetteer, clusters: [String: UInt32] = [:]) {
        self.init()
        membership = NamedEntityWordTable(capacity: gazetteer.entries.count * 2)
        // By index, reading three fields of each entry rather than copying the whole entry.
        let entries = gazetteer.entries
        for index in entries.indices {
            let bit = UInt8(1) << UInt8(Self.coarseType(of: entries[index].types))
            for label in entries[index].labels { Self.add(label.lexicalForm, bit: bit, to: &membership) }
            for alias in entries[index].aliases { Self.add(alias, bit: bit, to: &membership) }
        }
        add(clusters: clusters)
    }

    /// Marks the capitalized words of `name` (longer than one byte) with `bit`, and with
    /// `bit << 4` too when the name is that one word.
    static func add(_ name: String, bit: UInt8, to membership: inout NamedEntityWordTable) {
        var name = name
        name.withUTF8 { bytes in
            var words = 0
            var inWord = false
            for byte in bytes {
                if byte != 0x20 && !inWord { words += 1 }
                inWord = byte != 0x20
            }
            let bits = words == 1 ? bit | bit << 4 : bit
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count && bytes[end] != 0x20 { end += 1 }
                if end - start > 1 && startsUpperCase(bytes, start..<end) {
                    membership.insert(NamedEntityHash.lowercased(bytes, start..<end), bits: bits)
                }
                start = end + 1
            }
        }
    }

    /// Whether the first character of a UTF-8 word is an upper-case letter.
    @inline(__always) static func startsUpperCase(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        let first = bytes[range.lowerBound]
        if first < 0x80 { return first >= 0x41 && first <= 0x5A }
        var iterator = bytes[range].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isUppercase
    }

    /// Adds word clusters (by the word as written).
    public mutating func add(clusters: [String: UInt32]) {
        for (word, id) in clusters { self.clusters[NamedEntityHash.bytes(Array(word.utf8)[...])] = id }
    }
}

/// The hashes the recognizer's features are made of: FNV-1a over bytes, mixed by SplitMix64.
/// Stable across runs and platforms (unlike `Hasher`), so a model file means the same everywhere.
enum NamedEntityHash {
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inline(__always) static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 { mix(a &* 0x100_0000_01B3 ^ b) }

    /// The hash of some bytes.
    @inline(__always) static func bytes(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// The lower-case form of a byte: ASCII letters, and the second byte of Latin-1 capitals
    /// (À–Þ, after 0xC3) when `afterC3`.
    @inline(__always) static func lower(_ byte: UInt8, afterC3: Bool) -> UInt8 {
        if byte >= 0x41 && byte <= 0x5A { return byte | 0x20 }
        if afterC3 && byte >= 0x80 && byte <= 0x9E && byte != 0x97 { return byte + 0x20 }
        return byte
    }

    /// The hash of a range of bytes, lower-cased.
    @inline(__always) static func lowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var previous: UInt8 = 0
        for i in range {
            let byte = bytes[i]
            hash = (hash ^ UInt64(lower(byte, afterC3: previous == 0xC3))) &* 0x100_0000_01B3
            previous = byte
        }
        return hash
    }

    /// The hash of some bytes, lower-cased.
    @inline(__always) static func lowercased(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var previous: UInt8 = 0
        for byte in bytes {
            hash = (hash ^ UInt64(lower(byte, afterC3: previous == 0xC3))) &* 0x100_0000_01B3
            previous = byte
        }
        return hash
    }
}

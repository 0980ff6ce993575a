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
    var membership: [UInt64: UInt8]
    /// Cluster ids by the hash of a word as written.
    var clusters: [UInt64: UInt32]

    /// An empty lexicon.
    public init() {
        membership = [:]
        clusters = [:]
    }

    /// The coarse type (0 PER, 1 ORG, 2 LOC, 3 MISC) of a gazetteer class.
    static func coarseType(of types: [IRI]) -> Int {
        for type in types {
            let name = type.value.split(separator: "/").last.map(String.init) ?? ""
            switch name {
            case "Person": return 0
            case "Organization", "GovernmentOrganization", "Corporation", "PoliticalParty", "NGO", "EducationalOrganization": return 1
            case "Country", "Place", "City", "AdministrativeArea", "Continent", "State": return 2
            default: continue
            }
        }
        return 3
    }

    /// A lexicon of the names of a gazetteer.
    public init(gazetteer: Gazetteer, clusters: [String: UInt32] = [:]) {
        self.init()
        for entry in gazetteer.entries {
            let bit = UInt8(1) << UInt8(Self.coarseType(of: entry.types))
            let names = entry.labels.map(\.lexicalForm) + entry.aliases
            for name in names {
                let words = name.split(separator: " ")
                for word in words {
                    guard let first = word.unicodeScalars.first, first.properties.isUppercase, word.utf8.count > 1 else { continue }
                    let key = NamedEntityHash.lowercased(Array(word.utf8)[...])
                    membership[key, default: 0] |= words.count == 1 ? bit | bit << 4 : bit
                }
            }
        }
        add(clusters: clusters)
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

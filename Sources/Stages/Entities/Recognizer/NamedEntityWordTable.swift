/// Bits for words, by the 64-bit hash of each word: a hash table with open addressing, as the
/// recognizer's lexicon keeps gazetteer membership.
///
/// Made once per run from tens of thousands of gazetteer words and read for every token the
/// recognizer looks at, so both must be cheap: the hashes are already hashes, and a slot is
/// chosen from their top bits by one multiplication (Fibonacci hashing) instead of hashing
/// them again as `Dictionary` does. Linear probing; the table doubles at half full.
struct NamedEntityWordTable: Sendable, Equatable {
    /// The keys; 0 marks an empty slot (a key of 0 is kept as 1).
    private var keys: [UInt64]
    /// The bits of each key.
    private var values: [UInt8]
    /// log2 of the number of slots.
    private var bits: Int
    /// The number of keys.
    private(set) var count = 0

    /// An empty table with room for `capacity` keys before it grows.
    init(capacity: Int = 0) {
        bits = 4
        while 1 << bits < capacity * 2 { bits += 1 }
        keys = [UInt64](repeating: 0, count: 1 << bits)
        values = [UInt8](repeating: 0, count: 1 << bits)
    }

    /// Whether the table holds no key.
    var isEmpty: Bool { count == 0 }

    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    /// The slot of `key`, or of the empty slot where it would go.
    @inline(__always) private func slot(_ key: UInt64) -> Int {
        let mask = (1 << bits) - 1
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        while keys[index] != 0 && keys[index] != key { index = (index &+ 1) & mask }
        return index
    }

    /// The bits of a word, or `nil` when the table does not hold it.
    subscript(key: UInt64) -> UInt8? {
        let key = Self.stored(key)
        let index = slot(key)
        return keys[index] == key ? values[index] : nil
    }

    /// Adds `bits` to those of a word (a new word starts with none).
    mutating func insert(_ key: UInt64, bits new: UInt8) {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.stored(key)
        let index = slot(key)
        if keys[index] == 0 {
            keys[index] = key
            count += 1
        }
        values[index] |= new
    }

    private mutating func grow() {
        var larger = NamedEntityWordTable(capacity: keys.count)
        for index in keys.indices where keys[index] != 0 { larger.insert(keys[index], bits: values[index]) }
        self = larger
    }
}

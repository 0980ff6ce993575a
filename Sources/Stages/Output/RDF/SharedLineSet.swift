/// The shared lines (entity descriptions) a sink has written, to write each once.
///
/// Every document brings its entities' lines again, so sinks test many lines, most of them
/// already written. `Set<[UInt8]>` hashes a line byte by byte through `Hasher`; here a line is
/// hashed eight bytes at a time (with a seed chosen per process, so that crafted text cannot
/// make lines collide on purpose) into an open-addressed table of its own.
struct SharedLineSet {
    /// The lines, in the order they were added.
    private var lines: [[UInt8]] = []
    /// Linear probing: the top 32 bits of a line's hash beside its index plus one, or 0 for an
    /// empty slot. Kept at most half full. A probe compares the hash bits in the slot before it
    /// reads a line, so a line that is not there costs one read of the table.
    private var slots = [UInt64](repeating: 0, count: 1024)

    /// The seed of this process's hashes.
    private static let seed = UInt64.random(in: .min ... .max) | 1

    /// Adds a line; returns whether it was new.
    mutating func insert(_ line: [UInt8]) -> Bool {
        let tag = Self.hash(line) >> 32
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: tag) & mask
        while slots[slot] != 0 {
            if slots[slot] >> 32 == tag && Self.equal(lines[Int(slots[slot] & 0xFFFF_FFFF) - 1], line) { return false }
            slot = (slot + 1) & mask
        }
        precondition(lines.count < Int(UInt32.max), "more shared lines than a slot can number")
        lines.append(line)
        slots[slot] = tag << 32 | UInt64(lines.count)
        if lines.count * 2 > slots.count { grow() }
        return true
    }

    /// Forgets every line.
    mutating func removeAll() {
        lines.removeAll()
        slots = [UInt64](repeating: 0, count: 1024)
    }

    /// Doubles the table and places every line again, by the hash bits in its slot.
    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(truncatingIfNeeded: entry >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    /// Whether two lines hold the same bytes, compared eight at a time.
    private static func equal(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in
                var offset = 0
                while offset + 8 <= a.count {
                    if a.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        != b.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    {
                        return false
                    }
                    offset += 8
                }
                while offset < a.count {
                    if a[offset] != b[offset] { return false }
                    offset += 1
                }
                return true
            }
        }
    }

    /// A line's hash: its bytes as little-endian eight-byte words, each mixed in by a
    /// multiplication, then the length.
    private static func hash(_ line: [UInt8]) -> UInt64 {
        line.withUnsafeBytes { bytes in
            var h = seed ^ UInt64(truncatingIfNeeded: bytes.count)
            var offset = 0
            while offset + 8 <= bytes.count {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
                h ^= h >> 29
                offset += 8
            }
            var last: UInt64 = 0
            var shift: UInt64 = 0
            while offset < bytes.count {
                last |= UInt64(bytes[offset]) << shift
                shift += 8
                offset += 1
            }
            h = (h ^ last) &* 0xFF51_AFD7_ED55_8CCD
            return h ^ (h >> 32)
        }
    }
}

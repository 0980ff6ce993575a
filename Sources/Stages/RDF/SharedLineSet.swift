/// The shared lines (entity descriptions) a sink has written, to write each once.
///
/// Every document brings its entities' lines again, so sinks test many lines, most of them
/// already written. `Set<[UInt8]>` hashes a line byte by byte through `Hasher`; here a line is
/// hashed eight bytes at a time (with a seed chosen per process, so that crafted text cannot
/// make lines collide on purpose) into an open-addressed table of its own.
struct SharedLineSet {
    /// The lines, in the order they were added.
    private var lines: [[UInt8]] = []
    /// The full hash of each line, beside it.
    private var hashes: [UInt64] = []
    /// Linear probing: a line's index plus one, or 0 for an empty slot. Kept at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)

    /// The seed of this process's hashes.
    private static let seed = UInt64.random(in: .min ... .max) | 1

    /// Adds a line; returns whether it was new.
    mutating func insert(_ line: [UInt8]) -> Bool {
        let hash = Self.hash(line)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash >> 32) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if hashes[index] == hash && lines[index] == line { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(lines.count + 1)
        lines.append(line)
        hashes.append(hash)
        if lines.count * 2 > slots.count { grow() }
        return true
    }

    /// Forgets every line.
    mutating func removeAll() {
        lines.removeAll()
        hashes.removeAll()
        slots = [Int32](repeating: 0, count: 1024)
    }

    /// Doubles the table and places every line again.
    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for index in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[index] >> 32) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
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

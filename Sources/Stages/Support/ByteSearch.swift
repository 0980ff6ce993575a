#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Byte searches in UTF-8 text: the cheap tests made before a `String` is, where a stage looks
/// for a few ASCII words.
package enum ByteSearch {
    /// Whether `needle` occurs in `bytes`, byte for byte.
    package static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        needle.utf8CodeUnitCount == 0 || !occurrences(of: needle, in: bytes, before: bytes.count, first: true).isEmpty
    }

    /// The offset of the first `byte` in `bytes[start..<end]` (memchr, many bytes at a time), or `nil`.
    @inline(__always)
    package static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int)
        -> Int?
    {
        guard start < end, let base = bytes.baseAddress, let found = memchr(base + start, Int32(byte), end - start)
        else { return nil }
        return UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
    }

    /// The number of Unicode scalars in `bytes[start..<end]` (valid UTF-8): the bytes that do not
    /// continue a scalar, counted eight at a time.
    package static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard start < end, let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuations = 0
        var k = start
        while k + 8 <= end {
            // A continuation byte is 10xxxxxx: bit 7 set, bit 6 (moved to bit 7 by the shift) clear.
            let word = raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            k += 8
        }
        while k < end {
            if bytes[k] & 0xC0 == 0x80 { continuations += 1 }
            k += 1
        }
        return end - start - continuations
    }

    /// Whether `needle` (lowercase ASCII) occurs in `bytes`, ASCII letters compared without
    /// regard to case.
    package static func containsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString) -> Bool {
        firstOffset(bytes, needle, ignoringASCIICase: true) != nil
    }

    /// Whether `bytes` start with `prefix`.
    package static func hasPrefix(_ bytes: UnsafeBufferPointer<UInt8>, _ prefix: StaticString) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard bytes.count >= count else { return false }
        let p = prefix.utf8Start
        for k in 0..<count where bytes[k] != p[k] { return false }
        return true
    }

    /// Whether every byte is ASCII, eight bytes at a time.
    package static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var k = 0
        var accumulated: UInt64 = 0
        while k + 8 <= bytes.count {
            accumulated |= raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)
            k += 8
        }
        while k < bytes.count {
            accumulated |= UInt64(bytes[k])
            k += 1
        }
        return accumulated & 0x8080_8080_8080_8080 == 0
    }

    /// Whether a string contains `needle` (ASCII), as `String.contains(_:)` tells: in ASCII
    /// text a byte search; other text goes to `String.contains` when the bytes hold the needle.
    package static func string(_ string: String, contains needle: StaticString) -> Bool {
        var string = string
        let (found, allASCII) = string.withUTF8 { bytes in
            (contains(bytes, needle), isASCII(bytes))
        }
        guard found else { return false }
        return allASCII || string.contains(String(describing: needle))
    }

    /// Whether searches for ASCII words in this UTF-8 text find what a byte search finds: Foundation's
    /// `range(of:)`, `String.contains` and `hasPrefix`, also on the `lowercased()` text.
    ///
    /// True where the text holds nothing but ASCII, the Latin-1 and Latin Extended-A letters and
    /// signs (U+00A0–U+017F) and common punctuation (quotes, dashes, "…", "‰", "€"). Those are each a
    /// whole character on their own, no ASCII text is canonically equivalent to them, and each
    /// lowercases to a character of the same UTF-8 length outside ASCII, so that offsets in the
    /// lowercased text are offsets in the text. Left out: combining marks (a mark after a match
    /// joins its last character, and Foundation then finds no match), the soft hyphen and
    /// "İ" (U+0130, whose lowercase is longer); text with any other character fails the test.
    package static func searchesAsBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
            } else if lead >= 0xC2 && lead <= 0xC5 && i + 1 < bytes.count {
                // Two bytes: U+0080–U+017F.
                let scalar = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                guard scalar >= 0xA0 && scalar != 0xAD && scalar != 0x130 else { return false }
                i += 2
            } else if lead == 0xE2 && i + 2 < bytes.count {
                // Three bytes: U+2000–U+2FFF.
                let scalar = 0x2000 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                guard (0x2010...0x2027).contains(scalar) || (0x2030...0x203A).contains(scalar) || scalar == 0x20AC
                else { return false }
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// An integer written in ASCII, as `Int(_:)` reads it: an optional sign and at least one
    /// digit, `nil` where it does not fit.
    package static func integer(_ text: ArraySlice<UInt8>) -> Int? {
        var digits = text
        let negative = digits.first == 0x2D
        if negative || digits.first == 0x2B { digits.removeFirst() }
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            // Accumulated with the sign, so that Int.min fits as `Int(_:)` lets it.
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
            let digit = Int(byte - 0x30)
            let (next, overflowedAgain) =
                negative ? shifted.subtractingReportingOverflow(digit) : shifted.addingReportingOverflow(digit)
            guard !overflowed && !overflowedAgain else { return nil }
            value = next
        }
        return value
    }

    /// The offsets of `needle`'s occurrences in `bytes` that start in `start..<limit`, in order
    /// (the first only, when `first`): `memchr` finds candidates for the needle's rarest byte in
    /// Dutch text ("z" of "ingezonden", not "i"), `memcmp` checks them.
    package static func occurrences(
        of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, before limit: Int,
        first: Bool = false
    ) -> [Int] {
        let count = needle.utf8CodeUnitCount
        guard let base = bytes.baseAddress, count > 0 else { return [] }
        let pattern = needle.utf8Start
        let anchor = (0..<count).min { commonness(pattern[$0]) < commonness(pattern[$1]) } ?? 0
        let anchorByte = Int32(pattern[anchor])
        // Where the anchor byte may be: its occurrence starts in start..<end.
        let end = min(bytes.count - count + 1, limit)
        var found: [Int] = []
        var offset = max(0, start) + anchor
        while offset < end + anchor, let match = memchr(base + offset, anchorByte, end + anchor - offset) {
            let at = UnsafePointer<UInt8>(match.assumingMemoryBound(to: UInt8.self)) - base - anchor
            if memcmp(base + at, pattern, count) == 0 {
                found.append(at)
                if first { break }
            }
            offset = at + anchor + 1
        }
        return found
    }

    /// How common a byte is in Dutch text, roughly (letter frequencies per mille; capitals a
    /// third of their small letters, other bytes rare, the space most common of all).
    private static func commonness(_ byte: UInt8) -> Int {
        switch byte {
        case 0x20: 1000
        case 0x61...0x7A: letterFrequencies[Int(byte - 0x61)]
        case 0x41...0x5A: letterFrequencies[Int(byte - 0x41)] / 3
        default: 5
        }
    }

    /// Letter frequencies of Dutch, a to z, per mille.
    private static let letterFrequencies = [
        75, 16, 12, 59, 189, 8, 34, 24, 65, 15, 22, 36, 22, 100, 61, 16, 1, 64, 37, 68, 20, 28, 15, 1, 1, 14,
    ]

    /// Whether `bytes[range]` starts with `prefix`.
    package static func hasPrefix(in bytes: [UInt8], _ range: Range<Int>, _ prefix: StaticString) -> Bool {
        bytes.withUnsafeBufferPointer { hasPrefix(UnsafeBufferPointer(rebasing: $0[range]), prefix) }
    }

    /// The offset of the first occurrence of `needle` in `bytes`, or `nil`.
    private static func firstOffset(
        _ bytes: UnsafeBufferPointer<UInt8>, _ needle: StaticString, ignoringASCIICase: Bool
    ) -> Int? {
        let count = needle.utf8CodeUnitCount
        guard count > 0 else { return 0 }
        guard bytes.count >= count else { return nil }
        let p = needle.utf8Start
        let first = p[0]
        var i = 0
        let last = bytes.count - count
        while i <= last {
            let b = bytes[i]
            if b == first || (ignoringASCIICase && b >= 0x41 && b <= 0x5A && b | 0x20 == first) {
                var k = 1
                while k < count {
                    let c = bytes[i + k]
                    let folded = ignoringASCIICase && c >= 0x41 && c <= 0x5A ? c | 0x20 : c
                    if folded != p[k] { break }
                    k += 1
                }
                if k == count { return i }
            }
            i += 1
        }
        return nil
    }
}

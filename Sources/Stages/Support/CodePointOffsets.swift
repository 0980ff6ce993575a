/// Converts UTF-8 offsets to the offsets NIF 2.0 uses: Unicode code points from the start of
/// the context (as Python's `str` indexes, or Java's `codePointCount`).
///
/// Reads the text in place. Text that is all ASCII needs no table (a byte is a code point);
/// otherwise it keeps a checkpoint every 64 bytes, so a lookup counts at most 64 bytes and the
/// table costs an eighth of the text.
package struct CodePointOffsets {
    // Internal and @usableFromInline, not private: `codePoint(at:)` and `count` are inlined into
    // the graph writer of another module (TextGraphOutput), once per span it names.
    @usableFromInline let checkpoints: [Int32]
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let isASCII: Bool

    /// Indexes the UTF-8 bytes of a text; they must stay valid while the offsets are used.
    package init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        isASCII = CodePointOffsets.allASCII(bytes)
        guard !isASCII else {
            checkpoints = []
            return
        }
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(bytes.count / 64 + 2)
        var count: Int32 = 0
        var offset = 0
        while offset < bytes.count {
            checkpoints.append(count)
            let end = min(offset + 64, bytes.count)
            count += Int32(Self.count(bytes, offset..<end))
            offset = end
        }
        if bytes.count % 64 == 0 { checkpoints.append(count) }
        self.checkpoints = checkpoints
    }

    /// The last offset looked up and its code point offset: lookups mostly go forward a little
    /// (a sentence's start, its end, the next sentence's start), so counting from there is short.
    @usableFromInline var lastUTF8 = 0
    @usableFromInline var lastCodePoint = 0

    /// The code point offset of a UTF-8 offset (which must lie on a scalar boundary).
    @inlinable @inline(__always)
    package mutating func codePoint(at utf8Offset: Int) -> Int {
        if isASCII { return utf8Offset }
        var k: Int
        var count: Int
        if utf8Offset >= lastUTF8 && utf8Offset - lastUTF8 < 64 {
            k = lastUTF8
            count = lastCodePoint
        } else {
            let block = utf8Offset / 64
            count = Int(checkpoints[block])
            k = block * 64
        }
        count += Self.count(bytes, k..<utf8Offset)
        lastUTF8 = utf8Offset
        lastCodePoint = count
        return count
    }

    /// The number of code points in a range of UTF-8 bytes (on code point boundaries): the bytes
    /// that are no continuation byte. The one count behind every NIF offset.
    @inlinable @inline(__always)
    package static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for k in range where bytes[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether every byte is ASCII, eight bytes at a time.
    static func allASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
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
}

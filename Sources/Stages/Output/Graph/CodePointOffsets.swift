import TextGraphSupport

/// Converts UTF-8 offsets to the offsets NIF 2.0 uses: Unicode code points from the start of
/// the context (as Python's `str` indexes, or Java's `codePointCount`).
///
/// Reads the text in place. Text that is all ASCII needs no table (a byte is a code point);
/// otherwise it keeps a checkpoint every 64 bytes, so a lookup counts at most 64 bytes and the
/// table costs an eighth of the text. It lives with the graph writer that looks up every span's
/// offsets, in one module, so that its lookups are inlined there.
struct CodePointOffsets {
    private let checkpoints: [Int32]
    private let bytes: UnsafeBufferPointer<UInt8>
    private let isASCII: Bool

    /// Indexes the UTF-8 bytes of a text; they must stay valid while the offsets are used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        isASCII = ByteSearch.isASCII(bytes)
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
    private var lastUTF8 = 0
    private var lastCodePoint = 0

    /// The code point offset of a UTF-8 offset (which must lie on a scalar boundary).
    @inline(__always)
    mutating func codePoint(at utf8Offset: Int) -> Int {
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
    @inline(__always)
    static func count(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var count = 0
        for k in range where bytes[k] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}

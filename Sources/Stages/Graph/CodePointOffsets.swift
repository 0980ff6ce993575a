/// Converts UTF-8 offsets to the offsets NIF 2.0 uses: Unicode code points from the start of
/// the context (as Python's `str` indexes, or Java's `codePointCount`).
///
/// Keeps a checkpoint every 64 bytes, so a lookup counts at most 64 bytes and the table costs
/// an eighth of the text.
struct CodePointOffsets {
    private let checkpoints: [Int32]
    private let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var checkpoints: [Int32] = []
        checkpoints.reserveCapacity(bytes.count / 64 + 1)
        var count: Int32 = 0
        for (offset, byte) in bytes.enumerated() {
            if offset % 64 == 0 { checkpoints.append(count) }
            if byte & 0xC0 != 0x80 { count += 1 }
        }
        if bytes.count % 64 == 0 { checkpoints.append(count) }
        self.checkpoints = checkpoints
    }

    /// The code point offset of a UTF-8 offset (which must lie on a scalar boundary).
    func codePoint(at utf8Offset: Int) -> Int {
        let block = utf8Offset / 64
        var count = Int(checkpoints[block])
        var k = block * 64
        while k < utf8Offset {
            if bytes[k] & 0xC0 != 0x80 { count += 1 }
            k += 1
        }
        return count
    }
}

import TextGraphSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A growable run of bytes for writing RDF quickly: appends are a capacity test and a `memcpy`,
/// inlined, where `Array.append(contentsOf:)` is a generic call per piece (and a line of
/// N-Quads is a dozen pieces).
///
/// A buffer made with a spill threshold keeps at most that many bytes in memory: when it would
/// grow past it, what it holds goes to an unlinked ``TemporaryFile`` and ``takeBytes()`` hands
/// over the file. That bounds the memory of one very large document's graph (its N-Quads are some
/// 30 times its text) without slowing down the appends, which only test the capacity as before.
///
/// One owner writes it (a buffer is not shared between tasks); ``array`` copies the bytes out.
final class ByteBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes in memory (written since the last spill).
    private(set) var count = 0
    /// Past how many bytes in memory the buffer spills to a file (`Int.max`: never).
    private let spillThreshold: Int
    /// Where the spill file is made (`nil`: ``TemporaryFile/defaultDirectory``).
    private let spillDirectory: String?
    /// The spill file, once made, and how many bytes went to it.
    private var spillDescriptor: Int32 = -1
    private var spilledCount = 0
    /// Why the last spill failed (a full disk), reported by ``takeBytes()``.
    private var spillError: StageError? = nil

    /// Creates an empty buffer with room for `capacity` bytes.
    /// - Parameters:
    ///   - capacity: The room to start with.
    ///   - threshold: Past how many bytes in memory the bytes go to a temporary file.
    ///   - directory: Where that file is made (`nil`: `$TMPDIR`, else `/tmp`).
    init(capacity: Int = 4096, spillingAbove threshold: Int = .max, in directory: String? = nil) {
        self.capacity = max(min(capacity, threshold), 64)
        spillThreshold = threshold
        spillDirectory = directory
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
        if spillDescriptor >= 0 { close(spillDescriptor) }
    }

    /// The bytes written, as an array (only those in memory: use it on buffers that never spill).
    var array: [UInt8] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// Hands the bytes written over without copying them, and leaves the buffer empty (with
    /// little room): the memory itself, or the spill file with the rest of the bytes added.
    /// - Throws: ``StageError`` when the bytes could not be written to the spill file.
    func takeBytes() throws -> EncodedBytes {
        if spillDescriptor >= 0 || spillError != nil {
            if count > 0 { _ = spill() }
            if let spillError {
                self.spillError = nil
                throw spillError
            }
            let bytes = EncodedBytes(takingOverFile: spillDescriptor, count: spilledCount)
            spillDescriptor = -1
            spilledCount = 0
            return bytes
        }
        let bytes = EncodedBytes(takingOver: storage, count: count)
        capacity = 64
        storage = .allocate(capacity: capacity)
        count = 0
        return bytes
    }

    /// Moves the bytes in memory to the spill file; false (with ``spillError`` set) when that
    /// fails, and then the bytes stay in memory.
    private func spill() -> Bool {
        guard spillError == nil else { return false }
        if spillDescriptor < 0 {
            do {
                spillDescriptor = try TemporaryFile.anonymous(in: spillDirectory)
            } catch {
                spillError = error as? StageError ?? StageError(.output, "\(error)")
                return false
            }
        }
        let failure = TemporaryFile.writeAll(spillDescriptor, UnsafeRawBufferPointer(start: storage, count: count))
        guard failure == 0 else {
            spillError = StageError(
                .output,
                "cannot write a temporary file of \(spilledCount + count) bytes in \(spillDirectory ?? TemporaryFile.defaultDirectory): \(String(cString: strerror(failure)))"
            )
            return false
        }
        spilledCount += count
        count = 0
        return true
    }

    /// The bytes written, for reading while the buffer is not written to.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: storage, count: count) }

    /// Whether two buffers hold the same bytes.
    func hasSameBytes(as other: ByteBuffer) -> Bool {
        count == other.count && memcmp(storage, other.storage, count) == 0
    }

    /// Forgets the bytes written, keeping the room.
    func removeAll() { count = 0 }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    func reserve(_ extra: Int) {
        if count + extra > capacity { grow(count + extra) }
    }

    private func grow(_ needed: Int) {
        let extra = needed - count
        if needed > spillThreshold && count > 0 && spill() && extra <= capacity { return }
        let needed = count + extra
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        // A buffer that spills grows no further than its threshold (unless one piece is larger).
        newCapacity = max(min(newCapacity, spillThreshold), needed)
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Appends two bytes.
    @inline(__always)
    func append(_ first: UInt8, _ second: UInt8) {
        reserve(2)
        storage[count] = first
        storage[count + 1] = second
        count += 2
    }

    /// Appends bytes from memory.
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        reserve(bytes.count)
        memcpy(storage + count, base, bytes.count)
        count += bytes.count
    }

    /// Appends the bytes of another buffer.
    @inline(__always)
    func append(_ other: ByteBuffer) { append(other.bytes) }

    /// Appends the bytes of an array.
    @inline(__always)
    func append(_ bytes: [UInt8]) { bytes.withUnsafeBufferPointer { append($0) } }

    /// Appends the UTF-8 bytes of a static string.
    @inline(__always)
    func append(_ string: StaticString) {
        append(UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }

    /// Appends the UTF-8 bytes of a string.
    @inline(__always)
    func append(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ append($0) }) == nil {
            append(Array(string.utf8))
        }
    }

    /// Appends the decimal digits of a non-negative integer.
    @inline(__always)
    func appendDecimal(_ value: Int) {
        precondition(value >= 0, "negative offset")
        if value < 10 {
            append(0x30 &+ UInt8(truncatingIfNeeded: value))
            return
        }
        var digits = 0
        var rest = value
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        reserve(digits)
        rest = value
        var k = count + digits
        while rest > 0 {
            k -= 1
            storage[k] = 0x30 &+ UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        count += digits
    }

    /// Appends the bytes of a string literal's lexical form with the escapes N-Triples needs (as
    /// ``RDFEncoder`` writes them: `\"`, `\\`, `\n`, `\r`, `\t`, `\u00XX` for other controls and
    /// DEL), copying runs that need none at once.
    func appendEscapedLiteral(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        var runStart = 0
        var k = 0
        let count = bytes.count
        while k < count {
            // Eight bytes at a time while none needs an escape (most of a text).
            while k + 8 <= count && !Self.mayNeedLiteralEscape(raw.loadUnaligned(fromByteOffset: k, as: UInt64.self)) {
                k += 8
            }
            guard k < count else { break }
            let byte = bytes[k]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F {
                if k > runStart { append(UnsafeBufferPointer(rebasing: bytes[runStart..<k])) }
                switch byte {
                case 0x0A: append(0x5C, 0x6E)
                case 0x22: append(0x5C, 0x22)
                case 0x5C: append(0x5C, 0x5C)
                case 0x0D: append(0x5C, 0x72)
                case 0x09: append(0x5C, 0x74)
                default: appendUCHAR(byte)
                }
                runStart = k + 1
            }
            k += 1
        }
        if count > runStart { append(UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    /// Whether any of eight bytes may need an escape in a literal: a control (below 0x20), `"`,
    /// `\\` or DEL. Exact when it says no (a yes is checked byte by byte).
    @inline(__always)
    static func mayNeedLiteralEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZero(_ x: UInt64) -> UInt64 { (x &- ones) & ~x & highs }
        let below20 = (word &- ones &* 0x20) & ~word & highs
        return below20 | hasZero(word ^ (ones &* 0x22)) | hasZero(word ^ (ones &* 0x5C))
            | hasZero(word ^ (ones &* 0x7F)) != 0
    }

    /// Appends the bytes of an IRI with the escapes IRIREF needs (as ``RDFEncoder`` writes
    /// them: `\u00XX` for controls, space, `<>"{}|^` and backquote, and backslash), without
    /// the angle brackets.
    func appendEscapedIRI(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var k = 0
        let count = bytes.count
        let needsEscape = Self.iriEscapes.flags
        while k < count {
            // Eight bytes at a time while none needs an escape (nearly every IRI).
            while k + 8 <= count
                && needsEscape[Int(bytes[k])] | needsEscape[Int(bytes[k + 1])] | needsEscape[Int(bytes[k + 2])]
                    | needsEscape[Int(bytes[k + 3])] | needsEscape[Int(bytes[k + 4])] | needsEscape[Int(bytes[k + 5])]
                    | needsEscape[Int(bytes[k + 6])] | needsEscape[Int(bytes[k + 7])] == 0
            {
                k += 8
            }
            guard k < count else { break }
            let byte = bytes[k]
            if needsEscape[Int(byte)] != 0 {
                if k > runStart { append(UnsafeBufferPointer(rebasing: bytes[runStart..<k])) }
                appendUCHAR(byte)
                runStart = k + 1
            }
            k += 1
        }
        if count > runStart { append(UnsafeBufferPointer(rebasing: bytes[runStart..<count])) }
    }

    /// For each byte value, 1 when IRIREF needs it escaped (``RDFEncoder/iriNeedsEscape(_:)``),
    /// else 0; made once, never freed, only read.
    private struct IRIEscapeTable: @unchecked Sendable {
        let flags: UnsafePointer<UInt8>
    }

    private static let iriEscapes: IRIEscapeTable = {
        let flags = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 { flags[byte] = RDFEncoder.iriNeedsEscape(UInt8(byte)) ? 1 : 0 }
        return IRIEscapeTable(flags: flags)
    }()

    /// Appends `\u00XX` for a byte below 0x80 (the escape both literals and IRIs use).
    @inline(__always)
    func appendUCHAR(_ byte: UInt8) {
        let hex: StaticString = "0123456789ABCDEF"
        append("\\u00")
        append(hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0x0F)])
    }

    /// Appends the UTF-8 bytes of a string through `body`, which gets them contiguous.
    @inline(__always)
    func withUTF8(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        if string.utf8.withContiguousStorageIfAvailable(body) == nil {
            Array(string.utf8).withUnsafeBufferPointer(body)
        }
    }
}

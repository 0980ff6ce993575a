import TextGraphSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Serialized RDF: an immutable run of bytes that moves from the encoding stage to the writer
/// without being copied.
///
/// A document's N-Quads are some 30 times its text; copying them into an `Array` after writing
/// them would cost as much as a third of the writing. The bytes are made once (by a
/// ``ByteBuffer`` that hands its memory over) and only read afterwards, so sharing them between
/// tasks is safe. The bytes of a very large document live in an unlinked temporary file instead
/// of memory (see ``GraphEncoder/spillThreshold``); ``forEachChunk(_:)`` reads them in pieces.
///
/// ```swift
/// let body: EncodedBytes = fragment.bodies[.nQuads] ?? []
/// try body.forEachChunk { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, file) }
/// ```
public struct EncodedBytes: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    /// Owns the memory or the file; frees it with the last reference.
    private final class Storage: @unchecked Sendable {
        // Never written after init, and files are read with pread (no shared position): reading
        // from several tasks is safe.
        let base: UnsafeMutablePointer<UInt8>?
        let descriptor: Int32
        let count: Int

        init(base: UnsafeMutablePointer<UInt8>?, descriptor: Int32, count: Int) {
            self.base = base
            self.descriptor = descriptor
            self.count = count
        }

        deinit {
            base?.deallocate()
            if descriptor >= 0 { close(descriptor) }
        }
    }

    private let storage: Storage

    /// Takes over memory allocated with `UnsafeMutablePointer<UInt8>.allocate`, whose first
    /// `count` bytes are initialized; it is freed when the last copy of the value goes.
    init(takingOver base: UnsafeMutablePointer<UInt8>, count: Int) {
        storage = Storage(base: base, descriptor: -1, count: count)
    }

    /// Takes over an open file whose first `count` bytes are the bytes; it is closed when the
    /// last copy of the value goes.
    init(takingOverFile descriptor: Int32, count: Int) {
        storage = Storage(base: nil, descriptor: descriptor, count: count)
    }

    /// Copies bytes.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
        _ = UnsafeMutableBufferPointer(start: base, count: bytes.count).initialize(from: bytes)
        self.init(takingOver: base, count: bytes.count)
    }

    public init(arrayLiteral elements: UInt8...) { self.init(elements) }

    /// Whether the bytes are in memory (not in a temporary file).
    public var isInMemory: Bool { storage.base != nil }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < storage.count, "index out of range")
        if let base = storage.base { return base[position] }
        var byte: UInt8 = 0
        precondition(pread(storage.descriptor, &byte, 1, off_t(position)) == 1, "cannot read a temporary file")
        return byte
    }

    /// Calls `body` with the bytes, all at once (a file's bytes are mapped into memory for the
    /// call; prefer ``forEachChunk(_:)`` to read large ones).
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        if let base = storage.base { return try body(UnsafeRawBufferPointer(start: base, count: storage.count)) }
        guard storage.count > 0 else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        let mapped = mmap(nil, storage.count, PROT_READ, MAP_PRIVATE, storage.descriptor, 0)
        precondition(mapped != MAP_FAILED, "cannot map a temporary file: \(String(cString: strerror(errno)))")
        defer { munmap(mapped, storage.count) }
        return try body(UnsafeRawBufferPointer(start: mapped, count: storage.count))
    }

    /// Calls `body` with the bytes in order, in pieces of at most a mebibyte when they are in a
    /// file (at once when in memory).
    /// - Throws: What `body` throws, or ``StageError`` when the file cannot be read.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        if let base = storage.base { return try body(UnsafeRawBufferPointer(start: base, count: storage.count)) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { chunk.deallocate() }
        var offset = 0
        while offset < storage.count {
            let read = pread(
                storage.descriptor, chunk.baseAddress, Swift.min(chunk.count, storage.count - offset), off_t(offset))
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else {
                throw StageError(
                    .output,
                    "cannot read back a temporary file: \(read < 0 ? String(cString: strerror(errno)) : "it is shorter than written")"
                )
            }
            try body(UnsafeRawBufferPointer(rebasing: chunk[0..<read]))
            offset += read
        }
    }

    /// The bytes as an array (a copy).
    public var array: [UInt8] { withUnsafeBytes { Array($0) } }

    public static func == (lhs: EncodedBytes, rhs: EncodedBytes) -> Bool {
        guard lhs.count == rhs.count else { return false }
        if lhs.storage === rhs.storage || lhs.count == 0 { return true }
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0 }
        }
    }
}

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
/// tasks is safe.
///
/// ```swift
/// let body: EncodedBytes = fragment.bodies[.nQuads] ?? []
/// body.withUnsafeBytes { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, file) }
/// ```
public struct EncodedBytes: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    /// Owns the memory; frees it with the last reference.
    private final class Storage: @unchecked Sendable {
        // Never written after init: reading from several tasks is safe.
        let base: UnsafeMutablePointer<UInt8>
        let count: Int

        init(base: UnsafeMutablePointer<UInt8>, count: Int) {
            self.base = base
            self.count = count
        }

        deinit { base.deallocate() }
    }

    private let storage: Storage

    /// Takes over memory allocated with `UnsafeMutablePointer<UInt8>.allocate`, whose first
    /// `count` bytes are initialized; it is freed when the last copy of the value goes.
    init(takingOver base: UnsafeMutablePointer<UInt8>, count: Int) {
        storage = Storage(base: base, count: count)
    }

    /// Copies bytes.
    public init<Bytes: Collection>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
        _ = UnsafeMutableBufferPointer(start: base, count: bytes.count).initialize(from: bytes)
        self.init(takingOver: base, count: bytes.count)
    }

    public init(arrayLiteral elements: UInt8...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }
    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < storage.count, "index out of range")
        return storage.base[position]
    }

    /// Calls `body` with the bytes.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
    }

    /// The bytes as an array (a copy).
    public var array: [UInt8] { withUnsafeBytes { Array($0) } }

    public static func == (lhs: EncodedBytes, rhs: EncodedBytes) -> Bool {
        lhs.count == rhs.count && (lhs.storage === rhs.storage || memcmp(lhs.storage.base, rhs.storage.base, lhs.count) == 0)
    }
}

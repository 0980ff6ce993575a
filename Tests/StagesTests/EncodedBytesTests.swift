@testable import Stages
import Testing

/// ``EncodedBytes`` carries a buffer's bytes to the writer without a copy; these tests check that
/// what arrives is what was written, and that the buffer can be written again afterwards.
@Suite struct EncodedBytesTests {
    @Test func bytesTakenFromABufferAreTheBytesWritten() {
        let buffer = ByteBuffer(capacity: 4)
        buffer.append("<a> <b> \"c\" .\n")
        let taken = buffer.takeBytes()
        #expect(String(decoding: taken, as: UTF8.self) == "<a> <b> \"c\" .\n")
        #expect(taken.array == Array("<a> <b> \"c\" .\n".utf8))
    }

    @Test func aBufferIsEmptyAndWritableAfterItsBytesAreTaken() {
        let buffer = ByteBuffer()
        buffer.append("first")
        let first = buffer.takeBytes()
        #expect(buffer.count == 0)
        buffer.append(String(repeating: "x", count: 10_000))
        let second = buffer.takeBytes()
        #expect(String(decoding: first, as: UTF8.self) == "first")
        #expect(second.count == 10_000 && second.allSatisfy { $0 == 0x78 })
    }

    @Test func equalityComparesTheBytes() {
        let buffer = ByteBuffer()
        buffer.append("same")
        #expect(buffer.takeBytes() == EncodedBytes(Array("same".utf8)))
        #expect(EncodedBytes(Array("same".utf8)) != EncodedBytes(Array("sane".utf8)))
        #expect(EncodedBytes(Array("same".utf8)) != EncodedBytes(Array("same!".utf8)))
        let empty: EncodedBytes = []
        #expect(empty.isEmpty && empty == EncodedBytes([UInt8]()))
    }

    @Test func withUnsafeBytesSeesEveryByte() {
        let bytes = EncodedBytes([1, 2, 3])
        #expect(bytes.withUnsafeBytes { Array($0) } == [1, 2, 3])
    }
}

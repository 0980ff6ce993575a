import Stages
import Testing

@testable import TextGraphOutput

/// ``EncodedBytes`` carries a buffer's bytes to the writer without a copy; these tests check that
/// what arrives is what was written, and that the buffer can be written again afterwards.
@Suite struct EncodedBytesTests {
    @Test func bytesTakenFromABufferAreTheBytesWritten() throws {
        let buffer = ByteBuffer(capacity: 4)
        buffer.append("<a> <b> \"c\" .\n")
        let taken = try buffer.takeBytes()
        #expect(String(decoding: taken, as: UTF8.self) == "<a> <b> \"c\" .\n")
        #expect(taken.array == Array("<a> <b> \"c\" .\n".utf8))
    }

    @Test func aBufferIsEmptyAndWritableAfterItsBytesAreTaken() throws {
        let buffer = ByteBuffer()
        buffer.append("first")
        let first = try buffer.takeBytes()
        #expect(buffer.count == 0)
        buffer.append(String(repeating: "x", count: 10_000))
        let second = try buffer.takeBytes()
        #expect(String(decoding: first, as: UTF8.self) == "first")
        #expect(second.count == 10_000 && second.allSatisfy { $0 == 0x78 })
    }

    @Test func equalityComparesTheBytes() throws {
        let buffer = ByteBuffer()
        buffer.append("same")
        #expect(try buffer.takeBytes() == EncodedBytes(Array("same".utf8)))
        #expect(EncodedBytes(Array("same".utf8)) != EncodedBytes(Array("sane".utf8)))
        #expect(EncodedBytes(Array("same".utf8)) != EncodedBytes(Array("same!".utf8)))
        let empty: EncodedBytes = []
        #expect(empty.isEmpty && empty == EncodedBytes([UInt8]()))
    }

    @Test func withUnsafeBytesSeesEveryByte() {
        let bytes = EncodedBytes([1, 2, 3])
        #expect(bytes.withUnsafeBytes { Array($0) } == [1, 2, 3])
    }

    @Test func aBufferPastItsSpillThresholdHandsOverAFileWithEveryByte() throws {
        let buffer = ByteBuffer(capacity: 16, spillingAbove: 1000)
        var expected: [UInt8] = []
        for k in 0..<5000 {
            let piece = "line \(k)\n"
            buffer.append(piece)
            expected += Array(piece.utf8)
            #expect(buffer.count <= 1000)
        }
        let taken = try buffer.takeBytes()
        #expect(!taken.isInMemory)
        #expect(taken.count == expected.count && taken.array == expected)
        #expect(taken[5] == expected[5] && taken[taken.count - 1] == 0x0A)
        var chunks: [UInt8] = []
        try taken.forEachChunk { chunks += $0 }
        #expect(chunks == expected)
        #expect(taken == EncodedBytes(expected))
        // The buffer starts over in memory.
        buffer.append("again")
        let again = try buffer.takeBytes()
        #expect(again.isInMemory && again.array == Array("again".utf8))
    }

    @Test func aBufferUnderItsSpillThresholdStaysInMemory() throws {
        let buffer = ByteBuffer(capacity: 16, spillingAbove: 1 << 20)
        buffer.append(String(repeating: "y", count: 100_000))
        let taken = try buffer.takeBytes()
        #expect(taken.isInMemory && taken.count == 100_000)
    }
}

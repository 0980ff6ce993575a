import Pipeline
import TextGraphSupport

extension Vocabulary {
    /// The term as N-Triples writes it: `<` IRI `>` (vocabulary IRIs need no escapes).
    @inline(__always)
    var encoded: UnsafeBufferPointer<UInt8> {
        let table = Vocabulary.encodedTable
        let start = table.offsets[index]
        return UnsafeBufferPointer(start: table.bytes + start, count: table.offsets[index + 1] - start)
    }

    /// Every term's N-Triples bytes back to back, with where each starts.
    private struct EncodedTable: @unchecked Sendable {
        let bytes: UnsafePointer<UInt8>
        let offsets: UnsafePointer<Int>
    }

    /// Made once from ``iris`` by the one escaping routine, in memory that is only read.
    private static let encodedTable: EncodedTable = {
        var bytes: [UInt8] = []
        var offsets: [Int] = [0]
        for iri in iris {
            RDFEncoder().append(iri, to: &bytes)
            offsets.append(bytes.count)
        }
        let storedBytes = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        storedBytes.initialize(from: bytes, count: bytes.count)
        let storedOffsets = UnsafeMutablePointer<Int>.allocate(capacity: offsets.count)
        storedOffsets.initialize(from: offsets, count: offsets.count)
        return EncodedTable(bytes: storedBytes, offsets: storedOffsets)
    }()
}

import Foundation

/// An append-only file of byte records, read back by reference: where pages keep what they
/// gather across documents (mentions in context), so memory holds 12 bytes per record, not
/// the record.
///
/// Records are buffered and written in blocks; ``read(_:)`` flushes first.
final class SpillFile {
    /// Where a record lies in the file.
    struct Reference: Sendable {
        var offset: UInt64
        var length: UInt32
    }

    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var written: UInt64 = 0

    /// Creates (or empties) the file at `path`.
    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw RenderError(.output, "cannot create the temporary file \(path)")
        }
        handle = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        buffer.reserveCapacity(1 << 20)
    }

    /// Appends a record and returns where it lies.
    func append(_ record: String) throws -> Reference {
        let reference = Reference(offset: written + UInt64(buffer.count), length: UInt32(record.utf8.count))
        buffer.append(contentsOf: record.utf8)
        if buffer.count >= 1 << 20 { try flush() }
        return reference
    }

    /// Copies records, in the order given, to a file, a block at a time.
    func copy(_ references: [Reference], to output: FileHandle) throws {
        try flush()
        var block = Data()
        for reference in references {
            try handle.seek(toOffset: reference.offset)
            block.append(try handle.read(upToCount: Int(reference.length)) ?? Data())
            if block.count >= 1 << 20 {
                try output.write(contentsOf: block)
                block.removeAll(keepingCapacity: true)
            }
        }
        if !block.isEmpty { try output.write(contentsOf: block) }
    }

    /// Writes what is buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.seekToEnd()
        try handle.write(contentsOf: buffer)
        written += UInt64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Closes and deletes the file.
    func remove() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: path)
    }
}

import Foundation

/// Reads a file line by line in blocks, holding one block and one line at a time.
struct GraphLineReader {
    private let handle: FileHandle
    private let path: String
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The number of the last line returned, from 1.
    private(set) var lineNumber = 0

    /// Opens a file.
    init(path: String) throws {
        self.path = path
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RenderError(.invalidGraph, "cannot read \(path)")
        }
        self.handle = handle
    }

    /// The next line without its line end (`\n` or `\r\n`), or `nil` at the end.
    /// - Throws: ``RenderError`` when a line is not UTF-8.
    mutating func next() throws -> String? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                var end = newline
                if end > position, buffer[end - 1] == 0x0D { end -= 1 }
                let line = try decode(buffer[position..<end])
                position = newline + 1
                return line
            }
            if atEnd {
                guard position < buffer.count else { return nil }
                let line = try decode(buffer[position...])
                position = buffer.count
                return line
            }
            buffer.removeSubrange(0..<position)
            position = 0
            let block = try handle.read(upToCount: 1 << 20) ?? Data()
            if block.isEmpty { atEnd = true } else { buffer.append(contentsOf: block) }
        }
    }

    private mutating func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        lineNumber += 1
        guard let line = String(validating: bytes, as: UTF8.self) else {
            throw RenderError(.invalidGraph, "\(path):\(lineNumber): the line is not valid UTF-8")
        }
        return line
    }
}

/// The shared lines (entity descriptions) a sink has written, to write each once.
///
/// `Set<[UInt8]>` hashes an array byte by byte through `Hasher`; every document brings its
/// entities' lines again, so sinks test many lines. Here a line is hashed as one block of bytes.
struct SharedLineSet {
    private var lines = Set<Line>()

    /// A line, hashed as a block of bytes.
    private struct Line: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// Adds a line; returns whether it was new.
    mutating func insert(_ line: [UInt8]) -> Bool { lines.insert(Line(bytes: line)).inserted }

    /// Forgets every line.
    mutating func removeAll() { lines.removeAll() }
}

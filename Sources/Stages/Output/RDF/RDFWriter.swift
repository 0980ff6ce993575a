import Pipeline
import TextGraphSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes graph fragments as N-Triples, N-Quads or Turtle, streaming, to a file or to standard
/// output.
///
/// Each document's statements are written as they come. Shared statements (entity descriptions)
/// are written once each, after all documents; until then they wait in a side file on disk, so
/// memory does not grow with the corpus (only the set of shared lines already seen does, which
/// grows with the number of distinct entities).
///
/// A file is written under a temporary name (`FILE.partial`) and renamed when ``finish()``
/// succeeds, so an output file that exists is complete. With a ``RunJournal`` the writer can
/// resume an interrupted run (see ``RunJournal``).
///
/// ```swift
/// let writer = try RDFWriter(path: "graph.ttl", format: .turtle)
/// try writer.write(fragment)
/// try writer.finish()
/// ```
public final class RDFWriter: GraphSink {
    /// The format written.
    public let format: RDFFormat
    private let path: String?
    private let temporaryPath: String?
    /// The side file's name: beside the output, so that a resumed run finds it; `nil` for
    /// standard output, whose side file has no name at all (see ``anonymousTemporaryFile()``).
    private let sharedPath: String?
    /// Whether a run that fails keeps `FILE.partial` and its side file, for `--resume`.
    public var keepsPartialOnFailure = false
    private var file: UnsafeMutablePointer<FILE>?
    private var sharedFile: UnsafeMutablePointer<FILE>?
    private var buffer: [UInt8] = []
    private var sharedBuffer: [UInt8] = []
    private var writtenShared = SharedLineSet()
    private var finished = false

    /// Opens a file for writing (under a temporary name until ``finish()``); `-` means standard
    /// output.
    /// - Parameter resuming: When true, an existing `FILE.partial` and its side file are kept and
    ///   appended to (after ``truncate(to:)``); otherwise they are started anew.
    public init(path: String, format: RDFFormat, resuming: Bool = false) throws {
        self.format = format
        if path == "-" {
            self.path = nil
            temporaryPath = nil
            sharedPath = nil
            file = fdopen(STDOUT_FILENO, "wb")
        } else {
            self.path = path
            let temporary = path + ".partial"
            temporaryPath = temporary
            sharedPath = temporary + ".shared"
            file = try Self.openRunFile(temporary, resuming: resuming, readable: false)
        }
        if let sharedPath {
            sharedFile = try Self.openRunFile(sharedPath, resuming: resuming, readable: true)
        } else {
            sharedFile = try Self.anonymousTemporaryFile()
        }
        buffer.reserveCapacity(1 << 20)
        if resuming {
            try reloadSharedLines()
        } else if format == .turtle {
            for (prefix, namespace) in Vocabulary.prefixes {
                buffer.append(contentsOf: "@prefix \(prefix): <\(namespace)> .\n".utf8)
            }
        }
    }

    /// Opens a file of the run (`FILE.partial` or its side file) without following a symbolic
    /// link at its name: a fresh run removes what is there (a link goes, its target is untouched)
    /// and creates the file with O_EXCL; a resumed run opens the file it left, and refuses a link.
    static func openRunFile(_ path: String, resuming: Bool, readable: Bool) throws -> UnsafeMutablePointer<FILE> {
        let access = (readable ? O_RDWR : O_WRONLY) | O_NOFOLLOW | O_CLOEXEC
        var descriptor: Int32
        if resuming {
            descriptor = open(path, access | O_APPEND)
            if descriptor < 0 && errno == ENOENT {
                descriptor = open(path, access | O_APPEND | O_CREAT | O_EXCL, 0o644)
            }
        } else {
            unlink(path)
            descriptor = open(path, access | O_CREAT | O_EXCL, 0o644)
        }
        guard descriptor >= 0 else {
            let reason =
                errno == ELOOP
                ? "it is a symbolic link, which a run never writes through" : String(cString: strerror(errno))
            throw StageError(.output, "cannot write \(path): \(reason)")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(descriptor)
            throw StageError(.output, "cannot write \(path): it is not a regular file")
        }
        guard let handle = fdopen(descriptor, resuming ? (readable ? "a+b" : "ab") : (readable ? "w+b" : "wb")) else {
            close(descriptor)
            throw StageError(.output, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        return handle
    }

    /// The side file of standard output: a ``TemporaryFile`` in `$TMPDIR` (else `/tmp`), which
    /// nothing can plant or find and which is gone on any exit path.
    static func anonymousTemporaryFile() throws -> UnsafeMutablePointer<FILE> {
        let descriptor = try TemporaryFile.anonymous(in: nil)
        guard let handle = fdopen(descriptor, "w+b") else {
            close(descriptor)
            throw StageError(
                .output,
                "cannot open a temporary file in \(TemporaryFile.defaultDirectory): \(String(cString: strerror(errno)))"
            )
        }
        return handle
    }

    deinit {
        if !finished {
            if let file, temporaryPath != nil { fclose(file) }
            if let sharedFile { fclose(sharedFile) }
            // A resumable run's progress stays for the next --resume; other runs leave nothing.
            if !keepsPartialOnFailure {
                if let temporaryPath { unlink(temporaryPath) }
                if let sharedPath { unlink(sharedPath) }
            }
        }
    }

    /// Writes one document's fragment.
    public func write(_ fragment: GraphFragment) throws {
        try write(GraphEncoder.encode(fragment, formats: [format]))
    }

    /// Writes one document's fragment, already encoded (with this writer's format among its bodies).
    public func write(_ fragment: EncodedFragment) throws {
        precondition(!finished, "write after finish")
        guard let body = fragment.bodies[format] else {
            preconditionFailure("the fragment was not encoded as \(format)")
        }
        if body.count >= 1 << 16 {
            // A large body goes to the file as it is, without a copy into the buffer (and from
            // its spill file in pieces, when it was too large to keep in memory).
            try flush()
            try body.forEachChunk { try writeOut($0) }
        } else {
            body.withUnsafeBytes { buffer.append(contentsOf: $0) }
        }
        for line in fragment.sharedLines[format] ?? [] where writtenShared.insert(line) {
            sharedBuffer.append(contentsOf: line)
        }
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Writes what is buffered to the operating system, so that it survives the process being
    /// killed; returns the sizes of the output and the side file, for a ``RunJournal``.
    public func checkpoint() throws -> (output: Int, shared: Int) {
        try flush()
        guard let file, let sharedFile else { return (0, 0) }
        guard fflush(file) == 0, fflush(sharedFile) == 0 else {
            throw StageError(.output, "cannot write \(path ?? "standard output"): \(String(cString: strerror(errno)))")
        }
        return (Int(ftello(file)), Int(ftello(sharedFile)))
    }

    /// Cuts the output and the side file back to sizes a ``RunJournal`` recorded (dropping what
    /// an interrupted run wrote after its last complete document), and reloads the shared lines.
    public func truncate(output: Int, shared: Int) throws {
        guard let file, let sharedFile, let temporaryPath else { return }
        guard fflush(file) == 0, ftruncate(fileno(file), off_t(output)) == 0,
            fseeko(file, off_t(output), SEEK_SET) == 0,
            fflush(sharedFile) == 0, ftruncate(fileno(sharedFile), off_t(shared)) == 0
        else {
            throw StageError(
                .output,
                "cannot cut \(temporaryPath) back to the last complete document: \(String(cString: strerror(errno)))")
        }
        try reloadSharedLines()
    }

    /// Flushes the output, appends the shared statements, and gives the file its final name.
    public func finish() throws {
        precondition(!finished, "finish twice")
        try flush()
        finished = true
        guard let file, let sharedFile else { return }
        // The shared statements, after all documents, as the encoder wrote them for this format.
        try forEachSharedLine { line in
            buffer.append(contentsOf: line)
            if buffer.count >= 1 << 20 { try flush() }
        }
        try flush()
        fclose(sharedFile)
        self.sharedFile = nil
        if let sharedPath { unlink(sharedPath) }
        if let temporaryPath, let path {
            guard fclose(file) == 0 else { throw StageError(.output, "cannot close \(temporaryPath)") }
            self.file = nil
            guard rename(temporaryPath, path) == 0 else {
                throw StageError(
                    .output, "cannot rename \(temporaryPath) to \(path): \(String(cString: strerror(errno)))")
            }
        } else {
            fflush(file)
        }
    }

    private func flush() throws {
        if !buffer.isEmpty {
            try buffer.withUnsafeBytes { try writeOut($0) }
            buffer.removeAll(keepingCapacity: true)
        }
        if !sharedBuffer.isEmpty, let sharedFile {
            let written = sharedBuffer.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, sharedFile) }
            guard written == sharedBuffer.count else {
                throw StageError(
                    .output,
                    "cannot write \(sharedPath ?? "the side file of standard output"): \(String(cString: strerror(errno)))"
                )
            }
            sharedBuffer.removeAll(keepingCapacity: true)
        }
    }

    /// Writes bytes to the output file.
    private func writeOut(_ bytes: UnsafeRawBufferPointer) throws {
        guard let file else { return }
        guard fwrite(bytes.baseAddress, 1, bytes.count, file) == bytes.count else {
            throw StageError(.output, "cannot write \(path ?? "standard output"): \(String(cString: strerror(errno)))")
        }
    }

    /// Rebuilds the set of shared lines already written from the side file.
    private func reloadSharedLines() throws {
        writtenShared.removeAll()
        try forEachSharedLine { _ = writtenShared.insert($0) }
        if let sharedFile { fseeko(sharedFile, 0, SEEK_END) }
    }

    /// Calls `body` with each line of the side file (with its line feed), from the start.
    private func forEachSharedLine(_ body: ([UInt8]) throws -> Void) throws {
        guard let sharedFile else { return }
        fseeko(sharedFile, 0, SEEK_SET)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var line: [UInt8] = []
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, sharedFile) }
            if count == 0 { break }
            for byte in chunk[0..<count] {
                line.append(byte)
                if byte == 0x0A {
                    try body(line)
                    line.removeAll(keepingCapacity: true)
                }
            }
        }
    }
}

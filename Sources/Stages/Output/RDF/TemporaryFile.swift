import TextGraphSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Temporary files that no other process can plant or find.
///
/// A file is made by `mkstemp` (O_EXCL, mode 0600) and unlinked at once, so that nothing is left
/// behind on any exit path, a signal or an abort included; only its descriptor reaches it.
///
/// ```swift
/// let descriptor = try TemporaryFile.anonymous(in: nil)  // in $TMPDIR, else /tmp
/// defer { close(descriptor) }
/// ```
enum TemporaryFile {
    /// The directory temporary files go to when none is named: `$TMPDIR`, else `/tmp`.
    static var defaultDirectory: String {
        getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    }

    /// Makes an unlinked temporary file in `directory` (`nil`: ``defaultDirectory``) and returns
    /// its descriptor, open for reading and writing.
    static func anonymous(in directory: String?) throws -> Int32 {
        let directory = directory ?? defaultDirectory
        var template = Array((directory + "/textgraph-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            throw StageError(
                .output, "cannot make a temporary file in \(directory): \(String(cString: strerror(errno)))")
        }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        return descriptor
    }

    /// Writes all of `bytes` at the descriptor's position; returns `errno` on failure, else 0.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        var done = 0
        while done < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += written
        }
        return 0
    }
}

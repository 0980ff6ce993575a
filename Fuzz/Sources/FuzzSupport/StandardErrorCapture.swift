#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Catches what code writes to standard error (file descriptor 2) while it runs, so that a target
/// can check that a stage wrote nothing there: TextGraph promises one line of standard error per
/// problem, written by the command line, never by a library underneath.
///
/// Standard error goes to an unlinked temporary file for the duration of the call. Not for use
/// from several threads at once; libFuzzer calls the test function on one thread.
public final class StandardErrorCapture: Sendable {
    private let file: Int32

    /// Makes the temporary file.
    public init() {
        var template = Array("/tmp/textgraph-fuzz-stderr-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { fatalError("cannot make a temporary file for standard error") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        file = descriptor
    }

    deinit { close(file) }

    /// Runs `body` and returns what it wrote to standard error.
    public func run<T>(_ body: () -> T) -> (result: T, written: [UInt8]) {
        fflush(nil)  // every stream, standard error among them
        _ = ftruncate(file, 0)
        _ = lseek(file, 0, SEEK_SET)
        let saved = dup(2)
        _ = dup2(file, 2)
        let result = body()
        fflush(nil)  // every stream, standard error among them
        _ = dup2(saved, 2)
        close(saved)
        let size = Int(lseek(file, 0, SEEK_END))
        var written = [UInt8](repeating: 0, count: min(size, 4096))
        if !written.isEmpty {
            _ = written.withUnsafeMutableBytes { pread(file, $0.baseAddress, $0.count, 0) }
        }
        return (result, written)
    }
}

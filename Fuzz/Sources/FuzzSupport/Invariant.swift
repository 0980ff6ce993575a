/// Checks that fuzz targets make: a violated invariant stops the process, so that libFuzzer
/// records the input as a crash.
public enum Invariant {
    /// Stops the process with `message` when `condition` is false.
    ///
    /// `fatalError` traps (SIGILL), which libFuzzer reports as a deadly signal and saves the input
    /// as `crash-…` under `-artifact_prefix`.
    @inline(__always)
    public static func check(
        _ condition: @autoclosure () -> Bool,
        _ message: @autoclosure () -> String,
        file: StaticString = #fileID,
        line: UInt = #line
    ) {
        if !condition() {
            fatalError("invariant violated: \(message())", file: file, line: line)
        }
    }

    /// Checks that `span` lies inside a text of `count` UTF-8 bytes and starts and ends on scalar
    /// boundaries (never on a continuation byte `10xxxxxx`).
    public static func checkSpan(_ start: Int, _ end: Int, in utf8: UnsafeBufferPointer<UInt8>, what: String) {
        check(
            start >= 0 && start <= end && end <= utf8.count,
            "\(what) \(start)..<\(end) outside the text of \(utf8.count) bytes")
        check(start == utf8.count || utf8[start] & 0xC0 != 0x80, "\(what) \(start)..<\(end) starts inside a scalar")
        check(end == utf8.count || utf8[end] & 0xC0 != 0x80, "\(what) \(start)..<\(end) ends inside a scalar")
    }
}

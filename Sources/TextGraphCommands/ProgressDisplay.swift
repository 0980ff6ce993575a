import Foundation
import Pipeline
import Stages
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Shows how a long run goes, on standard error: on a terminal one line that updates in place
/// (documents, MB, MB/s, and the time left once the corpus size is known); elsewhere a plain
/// line every ten seconds; nothing at all with `--quiet`.
final class ProgressDisplay: Sendable {
    enum Mode { case terminal, periodic, off }

    private let mode: Mode
    private let state = Mutex<State>(State())

    private struct State {
        var lastShown: ContinuousClock.Instant? = nil
        var lineShown = false
        var total: (documents: Int, bytes: Int)? = nil
        var skipped = 0
    }

    init(quiet: Bool) {
        if quiet {
            mode = .off
        } else {
            mode = isatty(STDERR_FILENO) == 1 ? .terminal : .periodic
        }
    }

    /// Counts the corpus in the background, so that the display can say how long is left.
    func countInBackground(_ inputs: [String], include: [String], exclude: [String]) {
        guard mode != .off, !inputs.contains("-"),
            let source = try? CorpusSource(inputs: inputs, include: include, exclude: exclude)
        else { return }
        Task.detached(priority: .background) { [self] in
            var documents = 0
            var bytes = 0
            for document in source {
                documents += 1
                bytes += document.byteCount ?? 0
            }
            self.state.withLock { $0.total = (documents, bytes) }
        }
    }

    /// Documents a resumed run skips (counted as done).
    func skipping(_ count: Int) { state.withLock { $0.skipped = count } }

    /// Shows the counts, if it is time to.
    func update(_ progress: RunProgress) {
        guard mode != .off else { return }
        let now = ContinuousClock.now
        let interval: Duration = mode == .terminal ? .milliseconds(200) : .seconds(10)
        let line: String? = state.withLock { state in
            // Plain lines start after the first interval: a short run prints only its summary.
            if state.lastShown == nil && mode == .periodic {
                state.lastShown = now
                return nil
            }
            if let last = state.lastShown, now - last < interval { return nil }
            state.lastShown = now
            return Self.describe(progress, total: state.total, skipped: state.skipped)
        }
        guard let line else { return }
        if mode == .terminal {
            write("\r\u{1B}[K" + line)
            state.withLock { $0.lineShown = true }
        } else {
            write("textgraph: progress: " + line + "\n")
        }
    }

    /// Prints a message on a line of its own, above the progress line.
    func print(_ message: String) {
        clear()
        write(message + "\n")
    }

    /// Removes the progress line, before the summary.
    func clear() {
        let shown = state.withLock { state -> Bool in
            defer { state.lineShown = false }
            return state.lineShown
        }
        if shown { write("\r\u{1B}[K") }
    }

    static func describe(_ progress: RunProgress, total: (documents: Int, bytes: Int)?, skipped: Int) -> String {
        let seconds = max(
            0.001, Double(progress.elapsed.components.seconds) + Double(progress.elapsed.components.attoseconds) / 1e18)
        let megabytes = Double(progress.bytes) / 1_000_000
        let rate = megabytes / seconds
        var text = "\(progress.documents + skipped)"
        if let total { text += "/\(total.documents)" }
        text += " documents"
        if progress.failures > 0 { text += " (\(progress.failures) failed)" }
        text += String(format: ", %.1f MB, %.1f MB/s", megabytes, rate)
        if let total, rate > 0 {
            let left = Double(max(0, total.bytes - progress.bytes)) / 1_000_000 / rate
            text += ", " + Self.duration(left) + " left"
        }
        return text
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        if whole >= 3600 { return String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60) }
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A sequence that first skips items whose identifiers it expects (the documents a resumed run
/// already wrote), checking them, then yields the rest.
struct SkippingSequence<Base: Sequence>: Sequence where Base.Element: DocumentIdentified {
    /// Where a mismatch is reported: the input no longer gives the documents the journal lists.
    final class Mismatch: Sendable {
        let message = Mutex<String?>(nil)
    }

    let base: Base
    let expected: [String]
    let mismatch = Mismatch()

    init(_ base: Base, skipping expected: [String]) {
        self.base = base
        self.expected = expected
    }

    func makeIterator() -> Iterator { Iterator(base: base.makeIterator(), expected: expected, mismatch: mismatch) }

    struct Iterator: IteratorProtocol {
        var base: Base.Iterator
        let expected: [String]
        let mismatch: Mismatch
        var skipped = false

        mutating func next() -> Base.Element? {
            // After SIGINT or SIGTERM no new document is read.
            if StopSignal.shared.signal != nil { return nil }
            if !skipped {
                skipped = true
                for (index, id) in expected.enumerated() {
                    guard let item = base.next() else {
                        mismatch.message.withLock {
                            $0 =
                                "the input ends after \(index) documents, but the interrupted run had written \(expected.count)"
                        }
                        return nil
                    }
                    guard item.documentID == id else {
                        mismatch.message.withLock {
                            $0 =
                                "document \(index + 1) is now \(item.documentID), but the interrupted run wrote \(id) there"
                        }
                        return nil
                    }
                }
            }
            return base.next()
        }
    }
}

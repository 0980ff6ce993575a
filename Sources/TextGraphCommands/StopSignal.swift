import Dispatch
import Foundation
import Pipeline
import Synchronization

/// Stops a run cleanly on SIGINT or SIGTERM: no new document is read, the documents in flight
/// are written, the journal stays consistent, and a resumable run keeps `FILE.partial` for the
/// next `--resume`. A second signal stops at once, as the signal's default does.
final class StopSignal: Sendable {
    /// The one handler of the process.
    static let shared = StopSignal()

    private let received = Atomic<Int32>(0)
    private let sources = Mutex<[any DispatchSourceSignal]>([])

    /// The signal received (SIGINT, SIGTERM), if any.
    var signal: Int32? {
        let value = received.load(ordering: .acquiring)
        return value == 0 ? nil : value
    }

    /// The signal's name for messages ("SIGINT").
    var signalName: String { signal == SIGTERM ? "SIGTERM" : "SIGINT" }

    /// Takes over SIGINT and SIGTERM for the rest of the process.
    func install(announce: @escaping @Sendable (String) -> Void) {
        sources.withLock { sources in
            guard sources.isEmpty else { return }
            for number in [SIGINT, SIGTERM] {
                Foundation.signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { [self] in
                    let (exchanged, _) = received.compareExchange(
                        expected: 0, desired: number, ordering: .acquiringAndReleasing)
                    guard exchanged else {
                        // The second signal: the default action, now.
                        Foundation.signal(number, SIG_DFL)
                        raise(number)
                        return
                    }
                    announce(
                        "stopping: the documents in flight are written, no new one is read (again to stop at once)")
                }
                source.resume()
                sources.append(source)
            }
        }
    }

    /// The run stopped on a signal, with what it had done.
    struct Stopped: Error {
        var summary: RunSummary
        var skipped: Int
        var failures: [DocumentFailure]
    }
}

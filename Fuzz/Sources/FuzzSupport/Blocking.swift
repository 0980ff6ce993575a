import Dispatch

/// Runs async work from libFuzzer's synchronous callback.
///
/// The work starts as an immediate task (SE-0472), which runs on the calling thread until its
/// first real suspension; the stages never suspend, so it usually finishes before
/// `Task.immediate` returns and its memory is freed within the input. That matters: libFuzzer
/// runs LeakSanitizer over the whole heap after every input that frees less than it allocates,
/// which with a task finishing on another thread made the gazetteer target 10 times slower.
/// Work that does suspend finishes on the global executor while the calling thread, which is no
/// thread of Swift's cooperative pool, waits on a semaphore.
public enum Blocking {
    /// The result of `body`, run in a task, waited for on the calling thread.
    public static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) -> Result<T, any Error> {
        let box = ResultBox<T>()
        Task.immediate {
            do {
                box.result = .success(try await body())
            } catch {
                box.result = .failure(error)
            }
            box.done.signal()
        }
        box.done.wait()
        return box.result!
    }
}

/// Hands a task's result to the waiting thread; the semaphore orders the write before the read.
private final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
    let done = DispatchSemaphore(value: 0)
}

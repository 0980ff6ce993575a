/// How much memory the items a ``PipelineRunner`` processes at once may take together.
///
/// A process that runs out of memory dies with every document in it; a budget fails one item
/// instead, before it starts, with the reason. Each item's need is estimated from its size
/// (``DocumentIdentified/byteCount``): `bytesPerInputByte` times its bytes plus `bytesPerItem`.
/// The runner starts an item only when its estimate fits in what the items in flight leave of
/// ``bytes``, waits for them when it does not, and fails it when it would not fit even alone.
/// spaCy, for the same reason, refuses texts over a million characters by default.
///
/// ```swift
/// let budget = MemoryBudget(bytes: 2 << 30, bytesPerInputByte: 40)
/// let runner = PipelineRunner(configuration: .init(jobs: 4, memoryBudget: budget))
/// ```
public struct MemoryBudget: Sendable, Hashable {
    /// What the items in flight may take together, in bytes.
    public var bytes: Int
    /// The estimated peak memory per byte of an item.
    public var bytesPerInputByte: Int
    /// The estimated memory of an item besides what its size explains.
    public var bytesPerItem: Int
    /// What to do about a refused item, the end of its failure's reason (a command line names
    /// its option here).
    public var remedy: String

    /// Creates a budget.
    public init(
        bytes: Int, bytesPerInputByte: Int, bytesPerItem: Int = 0,
        remedy: String = "raise the budget or split the document"
    ) {
        self.bytes = max(0, bytes)
        self.bytesPerInputByte = max(0, bytesPerInputByte)
        self.bytesPerItem = max(0, bytesPerItem)
        self.remedy = remedy
    }

    /// The estimated peak memory of an item of `byteCount` bytes (saturating, never overflowing).
    public func estimate(byteCount: Int) -> Int {
        let (product, overflow) = max(0, byteCount).multipliedReportingOverflow(by: bytesPerInputByte)
        let (sum, overflowAgain) = product.addingReportingOverflow(bytesPerItem)
        return overflow || overflowAgain ? Int.max : sum
    }

    /// Why an item of `byteCount` bytes cannot be processed within the budget even alone, or `nil`.
    public func refusal(byteCount: Int) -> String? {
        let need = estimate(byteCount: byteCount)
        guard need > bytes else { return nil }
        return "needs about \(MemoryBudget.describe(need)) of memory (\(bytesPerInputByte) times its "
            + "\(MemoryBudget.describe(byteCount))), more than the memory budget of \(MemoryBudget.describe(bytes)); "
            + remedy
    }

    /// A size for a person: `512 KiB`, `3.2 MiB`, `1.5 GiB`.
    public static func describe(_ bytes: Int) -> String {
        let units = ["bytes", "KiB", "MiB", "GiB", "TiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) bytes" }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
    }
}

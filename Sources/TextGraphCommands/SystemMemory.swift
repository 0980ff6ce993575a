import Foundation
import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What memory this process may still take, from the limits the system sets it, for the default
/// memory budget (`--max-memory`).
///
/// Four limits count, each against what the process (or its cgroup) already uses: physical
/// memory, the cgroup's `memory.max`, and the address-space (`ulimit -v`) and data-segment
/// limits, which count virtual memory. The smallest room left wins.
///
/// ```swift
/// let room = SystemMemory.room()  // e.g. 21.3 GiB on a machine of 24 GiB
/// ```
enum SystemMemory {
    /// The estimated peak memory of a document per byte of its file, measured on real
    /// kamervragen text through the whole pipeline (`scripts/measure_memory.py`: about 25 to 30
    /// in resident memory for every format), with room for documents denser in names and for
    /// the address space that allocations reserve beyond what they touch.
    static let bytesPerInputByte = 40
    /// The estimated memory of a document besides what its size explains (the encoder's buffers).
    static let bytesPerDocument = 8 << 20

    /// The room left under the tightest limit, in bytes; `nil` when no limit can be read.
    static func room() -> Int? {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let (virtual, resident) = usage(pageSize: page)
        var rooms: [Int] = []
        let pages = Int(sysconf(Int32(_SC_PHYS_PAGES)))
        if pages > 0 { rooms.append(pages * page - resident) }
        if let limit = cgroupLimit() { rooms.append(limit - (cgroupUsage() ?? resident)) }
        for resource in [RLIMIT_AS, RLIMIT_DATA] {
            var limit = rlimit()
            #if canImport(Glibc)
                let status = getrlimit(__rlimit_resource_t(resource.rawValue), &limit)
            #else
                let status = getrlimit(resource, &limit)
            #endif
            if status == 0 && limit.rlim_cur < rlim_t(Int.max) {  // RLIM_INFINITY is the largest value
                rooms.append(Int(limit.rlim_cur) - virtual)
            }
        }
        return rooms.min().map { max(0, $0) }
    }

    /// The default budget: four fifths of the room left, with the estimates above.
    static func defaultBudget() -> MemoryBudget? {
        room().map {
            MemoryBudget(
                bytes: $0 / 5 * 4, bytesPerInputByte: bytesPerInputByte, bytesPerItem: bytesPerDocument, remedy: remedy)
        }
    }

    /// A budget of `bytes` in all, less what the process already holds.
    static func budget(bytes: Int) -> MemoryBudget {
        let (_, resident) = usage(pageSize: Int(sysconf(Int32(_SC_PAGESIZE))))
        return MemoryBudget(
            bytes: bytes - resident, bytesPerInputByte: bytesPerInputByte, bytesPerItem: bytesPerDocument,
            remedy: remedy)
    }

    /// What the reason of a refused document tells a person to do.
    private static let remedy = "raise --max-memory (or give the process more memory), or split the document"

    /// Parses a size: bytes, or a number with K, M, G or T (powers of 1024), such as `1.5G`.
    static func parseSize(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [Character: Double] = [
            "K": 1024, "M": 1024 * 1024, "G": 1024 * 1024 * 1024, "T": 1024 * 1024 * 1024 * 1024,
        ]
        var number = trimmed
        var scale = 1.0
        if number.hasSuffix("IB") { number.removeLast(2) } else if number.hasSuffix("B") { number.removeLast() }
        if let last = number.last, let unit = units[last] {
            scale = unit
            number.removeLast()
        }
        guard let value = Double(number), value.isFinite, value > 0, value * scale < Double(Int.max) else { return nil }
        return Int(value * scale)
    }

    /// The process's virtual and resident size, in bytes (from `/proc/self/statm`).
    private static func usage(pageSize: Int) -> (virtual: Int, resident: Int) {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return (0, 0) }
        let fields = statm.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        guard fields.count >= 2 else { return (0, 0) }
        return (fields[0] * pageSize, fields[1] * pageSize)
    }

    /// The memory limit of this process's cgroup (v2 `memory.max`, else v1), or `nil`.
    private static func cgroupLimit() -> Int? {
        for path in ["/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"] {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines)), value < Int.max / 2
            {
                return value
            }
        }
        return nil
    }

    /// What this process's cgroup uses now, or `nil`.
    private static func cgroupUsage() -> Int? {
        for path in ["/sys/fs/cgroup/memory.current", "/sys/fs/cgroup/memory/memory.usage_in_bytes"] {
            if let text = try? String(contentsOfFile: path, encoding: .utf8),
                let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return value
            }
        }
        return nil
    }
}

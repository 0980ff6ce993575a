import Foundation

/// Reads the data files bundled with the Stages module.
enum ResourceFile {
    /// The URL of a bundled file, by its path below `Resources/`.
    static func url(_ path: String) throws -> URL {
        let base = Bundle.module.bundleURL
        guard FileManager.default.fileExists(atPath: base.path) else {
            throw StageError(.invalidData, "the Stages resource bundle is missing")
        }
        let url = base.appendingPathComponent("Resources").appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StageError(.invalidData, "bundled resource \(path) is missing")
        }
        return url
    }

    /// The non-empty lines of a bundled file that are not `#` comments, trimmed.
    static func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOf: url(path), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            // Character.isWhitespace, not Foundation's CharacterSet: the same for these files, and
            // a run starts up faster.
            var trimmed = line.trimmingPrefix(while: \.isWhitespace)
            while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : String(trimmed)
        }
    }
}

package import Foundation

/// Reads the data files that a module of the built-in stages bundles in its `Resources/` folder.
///
/// Each role that needs data bundles its own (segmentation its abbreviation lists, entities the
/// gazetteer and the recognizer's model), and passes its `Bundle.module`:
///
/// ```swift
/// let lines = try ResourceFile.lines("Segmentation/abbreviations-nl.txt", in: .module)
/// ```
package enum ResourceFile {
    /// The URL of a bundled file, by its path below `Resources/` in `bundle`.
    package static func url(_ path: String, in bundle: Bundle) throws -> URL {
        let base = bundle.bundleURL
        guard FileManager.default.fileExists(atPath: base.path) else {
            throw StageError(.invalidData, "the resource bundle \(base.lastPathComponent) is missing")
        }
        let url = base.appendingPathComponent("Resources").appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StageError(.invalidData, "bundled resource \(path) is missing")
        }
        return url
    }

    /// The non-empty lines of a bundled file that are not `#` comments, trimmed.
    package static func lines(_ path: String, in bundle: Bundle) throws -> [String] {
        let text = try String(contentsOf: url(path, in: bundle), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line in
            // Character.isWhitespace, not Foundation's CharacterSet: the same for these files, and
            // a run starts up faster.
            var trimmed = line.trimmingPrefix(while: \.isWhitespace)
            while trimmed.last?.isWhitespace == true { trimmed = trimmed.dropLast() }
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : String(trimmed)
        }
    }
}

import Foundation

/// A list of abbreviations that end in a period ("o.a.", "art.", "bijv."), loaded from the
/// data files in `Resources/Segmentation`.
///
/// Entries match case-insensitively, except single-letter entries ("p."), which match only as
/// written so that initials stay the tokenizer's to decide.
public struct AbbreviationList: Sendable {
    private var folded: Set<String>
    private var exact: Set<String>
    /// The abbreviations that often end a sentence too ("enz.", "etc.").
    private var sentenceFinal: Set<String>

    /// Creates a list from entries.
    public init(_ entries: some Sequence<String>, sentenceFinal: some Sequence<String> = []) {
        folded = []
        exact = []
        for entry in entries {
            if entry.unicodeScalars.count == 2 { exact.insert(entry) } else { folded.insert(entry.lowercased()) }
        }
        self.sentenceFinal = Set(sentenceFinal)
    }

    /// Whether `candidate` (with its final period) is a listed abbreviation.
    public func contains(_ candidate: String) -> Bool {
        if candidate.unicodeScalars.count == 2 { return exact.contains(candidate) }
        return folded.contains(candidate.lowercased())
    }

    /// Whether `abbreviation` often ends a sentence (matched as written: "E.D." initials are not "e.d.").
    public func canEndSentence(_ abbreviation: String) -> Bool { sentenceFinal.contains(abbreviation) }

    /// The number of entries.
    public var count: Int { folded.count + exact.count }

    /// The bundled Dutch list.
    public static let dutch: AbbreviationList = {
        do {
            return AbbreviationList(
                try ResourceFile.lines("Segmentation/abbreviations-nl.txt"),
                sentenceFinal: try ResourceFile.lines("Segmentation/abbreviations-nl-sentence-final.txt")
            )
        } catch {
            fatalError("the bundled abbreviation list is missing from the Stages resources: \(error)")
        }
    }()
}

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
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
        }
    }
}

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
    /// The titles and forms of address written in lowercase before a name ("drs.", "mr."), folded.
    private var titles: Set<String>

    /// Creates a list from entries.
    ///
    /// - Parameters:
    ///   - entries: Every abbreviation, with its periods.
    ///   - sentenceFinal: Those that often end a sentence too ("enz.").
    ///   - titles: Those that stand before a name and may begin a line in lowercase ("drs.").
    public init(_ entries: some Sequence<String>, sentenceFinal: some Sequence<String> = [],
                titles: some Sequence<String> = [String]()) {
        folded = []
        exact = []
        for entry in entries {
            if entry.unicodeScalars.count == 2 { exact.insert(entry) } else { folded.insert(entry.lowercased()) }
        }
        self.sentenceFinal = Set(sentenceFinal)
        self.titles = Set(titles.map { $0.lowercased() })
    }

    /// Whether `abbreviation` is a title or form of address that precedes a name ("drs.", "mr.").
    public func isTitle(_ abbreviation: String) -> Bool { titles.contains(abbreviation.lowercased()) }

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
                sentenceFinal: try ResourceFile.lines("Segmentation/abbreviations-nl-sentence-final.txt"),
                titles: try ResourceFile.lines("Segmentation/abbreviations-nl-titles.txt")
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

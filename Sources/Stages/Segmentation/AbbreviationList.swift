import Foundation
import TextGraphSupport

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
    /// The entries of `folded` and `exact` that equal ASCII text of up to sixteen bytes, packed:
    /// the tokenizer looks its candidates up here without making a `String`.
    private var packedFolded: Set<PackedASCII> = []
    private var packedExact: Set<PackedASCII> = []

    /// Creates a list from entries.
    ///
    /// - Parameters:
    ///   - entries: Every abbreviation, with its periods.
    ///   - sentenceFinal: Those that often end a sentence too ("enz.").
    ///   - titles: Those that stand before a name and may begin a line in lowercase ("drs.").
    public init(
        _ entries: some Sequence<String>, sentenceFinal: some Sequence<String> = [],
        titles: some Sequence<String> = [String]()
    ) {
        folded = []
        exact = []
        for entry in entries {
            if entry.unicodeScalars.count == 2 { exact.insert(entry) } else { folded.insert(entry.lowercased()) }
        }
        self.sentenceFinal = Set(sentenceFinal)
        self.titles = Set(titles.map { $0.lowercased() })
        // `String` equality is canonical equivalence: an entry equals ASCII text exactly when its
        // canonical decomposition is that text.
        for entry in folded {
            if let packed = PackedASCII(entry.decomposedStringWithCanonicalMapping) { packedFolded.insert(packed) }
        }
        for entry in exact {
            if let packed = PackedASCII(entry.decomposedStringWithCanonicalMapping) { packedExact.insert(packed) }
        }
    }

    /// Whether `abbreviation` is a title or form of address that precedes a name ("drs.", "mr.").
    public func isTitle(_ abbreviation: String) -> Bool { titles.contains(abbreviation.lowercased()) }

    /// Whether `candidate` (with its final period) is a listed abbreviation.
    public func contains(_ candidate: String) -> Bool {
        if candidate.unicodeScalars.count == 2 { return exact.contains(candidate) }
        return folded.contains(candidate.lowercased())
    }

    /// Whether the text `candidate` (with its final period) is a listed abbreviation, as
    /// ``contains(_:)`` tells, when it is ASCII of up to sixteen bytes; `nil` for other text.
    func contains(ascii candidate: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard candidate.count == 2 else {
            return PackedASCII(candidate, lowercasing: true).map { packedFolded.contains($0) }
        }
        return PackedASCII(candidate, lowercasing: false).map { packedExact.contains($0) }
    }

    /// Whether `abbreviation` often ends a sentence (matched as written: "E.D." initials are not "e.d.").
    public func canEndSentence(_ abbreviation: String) -> Bool { sentenceFinal.contains(abbreviation) }

    /// The number of entries.
    public var count: Int { folded.count + exact.count }

    /// The bundled Dutch list.
    public static let dutch: AbbreviationList = {
        do {
            return AbbreviationList(
                try ResourceFile.lines("Segmentation/abbreviations-nl.txt", in: .module),
                sentenceFinal: try ResourceFile.lines("Segmentation/abbreviations-nl-sentence-final.txt", in: .module),
                titles: try ResourceFile.lines("Segmentation/abbreviations-nl-titles.txt", in: .module)
            )
        } catch {
            fatalError("the bundled abbreviation list is missing from the Stages resources: \(error)")
        }
    }()
}

/// ASCII text of up to sixteen bytes in two little-endian words, to compare and hash short
/// words without a `String`.
struct PackedASCII: Hashable, Sendable {
    var low: UInt64 = 0
    var high: UInt64 = 0
    var count: UInt8 = 0

    /// Packs `bytes`, their capitals made lowercase when `lowercasing`; `nil` unless they are
    /// ASCII and at most sixteen.
    init?(_ bytes: UnsafeBufferPointer<UInt8>, lowercasing: Bool) {
        guard bytes.count <= 16 else { return nil }
        for (k, byte) in bytes.enumerated() {
            guard byte < 0x80 else { return nil }
            let folded = lowercasing && byte &- 0x41 < 26 ? byte | 0x20 : byte
            if k < 8 { low |= UInt64(folded) << (8 * UInt64(k)) } else { high |= UInt64(folded) << (8 * UInt64(k - 8)) }
        }
        count = UInt8(bytes.count)
    }

    /// Packs a string as written; `nil` unless it is ASCII of at most sixteen bytes.
    init?(_ text: String) {
        var text = text
        guard let packed = text.withUTF8({ PackedASCII($0, lowercasing: false) }) else { return nil }
        self = packed
    }
}

import Foundation

/// Folds names to the keys the gazetteer compares them by, byte by byte.
///
/// A key is the name lowercased, without diacritics, with typographic apostrophes (U+2018,
/// U+2019, U+02BC) made `'` and typographic hyphens (U+2010, U+2011) made `-`; a soft hyphen
/// (U+00AD) is dropped. ASCII, Latin-1 and Latin Extended-A (every letter Dutch and its
/// neighbours write: "België", "Yeşilgöz", "ĳ") fold through a table, on the UTF-8 bytes,
/// without making a `String`; ligatures and special letters fold to their usual spelling
/// ("ß" → "ss", "æ" → "ae", "ĳ" → "ij", "ø" → "o", "ł" → "l"). A name with any other
/// letter (Greek, Cyrillic, Chinese) takes the slow path, ``slowFold(_:)``, through
/// Foundation's case and diacritic folding.
struct TextFolding: Sendable {
    /// The folding of U+0080 to U+017F, indexed by scalar value − 0x80; `nil` where the scalar
    /// folds to itself.
    private static let latinTable: [String?] = [
        nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,  // U+0080
        nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,  // U+0090
        nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, "", nil, nil,  // U+00A0
        nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil, nil,  // U+00B0
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00C0
        "d", "n", "o", "o", "o", "o", "o", nil, "o", "u", "u", "u", "u", "y", "th", "ss",  // U+00D0
        "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",  // U+00E0
        "d", "n", "o", "o", "o", "o", "o", nil, "o", "u", "u", "u", "u", "y", "th", "y",  // U+00F0
        "a", "a", "a", "a", "a", "a", "c", "c", "c", "c", "c", "c", "c", "c", "d", "d",  // U+0100
        "d", "d", "e", "e", "e", "e", "e", "e", "e", "e", "e", "e", "g", "g", "g", "g",  // U+0110
        "g", "g", "g", "g", "h", "h", "h", "h", "i", "i", "i", "i", "i", "i", "i", "i",  // U+0120
        "i", "i", "ij", "ij", "j", "j", "k", "k", "k", "l", "l", "l", "l", "l", "l", "l",  // U+0130
        "l", "l", "l", "n", "n", "n", "n", "n", "n", "'n", "n", "n", "o", "o", "o", "o",  // U+0140
        "o", "o", "oe", "oe", "r", "r", "r", "r", "r", "r", "s", "s", "s", "s", "s", "s",  // U+0150
        "s", "s", "t", "t", "t", "t", "t", "t", "u", "u", "u", "u", "u", "u", "u", "u",  // U+0160
        "u", "u", "u", "u", "w", "w", "y", "y", "y", "z", "z", "z", "z", "z", "z", "s",  // U+0170
    ]

    /// The shared instance.
    static let shared = TextFolding()

    /// U+0080…U+017F folded: up to two ASCII bytes packed as `first | second << 8`, or the
    /// scalar itself (`0xFFFF`), or nothing (`0`, the soft hyphen).
    private let latin: [UInt16]
    /// ASCII lowercased.
    private let asciiLower: [UInt8]

    private init() {
        latin = Self.latinTable.map { folded -> UInt16 in
            guard let folded else { return 0xFFFF }
            let bytes = Array(folded.utf8)
            precondition(
                bytes.count <= 2 && bytes.allSatisfy { $0 < 0x80 }, "fold table entries are at most two ASCII bytes")
            return bytes.enumerated().reduce(0) { $0 | UInt16($1.element) << (8 * UInt16($1.offset)) }
        }
        asciiLower = (0..<128).map { (b: Int) -> UInt8 in
            let byte = UInt8(b)
            return byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
        }
    }

    /// Appends the folded key of `bytes` (valid UTF-8) to `out`.
    ///
    /// Returns `false`, with `out` in an unspecified state, when a scalar lies outside the
    /// table: the caller then folds with ``slowFold(_:)``.
    @inline(__always)
    func fold(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                out.append(asciiLower[Int(b0)])
                i += 1
            } else if b0 & 0xE0 == 0xC0, i + 1 < n {
                let value = Int(b0 & 0x1F) << 6 | Int(bytes[i + 1] & 0x3F)
                if value < 0x180 {
                    let folded = latin[value - 0x80]
                    if folded == 0xFFFF {
                        out.append(b0)
                        out.append(bytes[i + 1])
                    } else if folded != 0 {
                        out.append(UInt8(folded & 0xFF))
                        if folded > 0xFF { out.append(UInt8(folded >> 8)) }
                    }
                } else if value == 0x2BC {
                    out.append(0x27)
                } else {
                    return false
                }
                i += 2
            } else if b0 & 0xF0 == 0xE0, i + 2 < n {
                let value = Int(b0 & 0x0F) << 12 | Int(bytes[i + 1] & 0x3F) << 6 | Int(bytes[i + 2] & 0x3F)
                switch value {
                case 0x2018, 0x2019: out.append(0x27)
                case 0x2010, 0x2011: out.append(0x2D)
                default: return false
                }
                i += 3
            } else {
                return false
            }
        }
        return true
    }

    /// The folded key of a string: by the table where it can, else through Foundation.
    func fold(_ word: String) -> [UInt8] {
        var word = word
        var out: [UInt8] = []
        out.reserveCapacity(word.utf8.count)
        return word.withUTF8 { fold($0, into: &out) } ? out : slowFold(word)
    }

    /// The folded key of a name with letters outside the table: Foundation's case and
    /// diacritic folding, then the table scalar by scalar (for the replacements Foundation
    /// does not make).
    func slowFold(_ word: String) -> [UInt8] {
        let folded = word.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        var out: [UInt8] = []
        for scalar in folded.unicodeScalars {
            var piece = String(scalar)
            let start = out.count
            if !piece.withUTF8({ fold($0, into: &out) }) {
                out.removeSubrange(start...)
                out += piece.utf8
            }
        }
        return out
    }
}

public import TextGraphInput
import TextGraphSupport

extension PageFurniture {
    /// The page furniture of Dutch parliamentary papers extracted from PDF
    /// (``ParliamentaryPageFurniture``): what the standard pipeline reads with.
    public static let parliamentaryPapers = PageFurniture(ParliamentaryPageFurniture.contains)
}

/// The lines that PDF extraction leaves between the paragraphs of Dutch parliamentary papers:
/// page numbers, running heads, ISSN lines and document codes.
public enum ParliamentaryPageFurniture {
    /// Whether a line is page furniture of Dutch parliamentary papers extracted from PDF: a page
    /// number alone, a running head ("Tweede Kamer, vergaderjaar 2024–2025, Aanhangsel 1"), an
    /// ISSN line, or a document code alone ("ah-tk-20242025-594").
    public static func contains(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !line.isEmpty, line.count <= 200 else { return false }
        if line.count <= 4 && line.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
        // Every other kind starts with one of these prefixes or holds ", vergaderjaar ": test the
        // bytes before making a `String` of the line.
        guard
            ByteSearch.hasPrefix(line, "ISSN ") || ByteSearch.hasPrefix(line, "ah-tk-")
                || ByteSearch.hasPrefix(line, "kv-tk-")
                || ByteSearch.hasPrefix(line, "kst-") || ByteSearch.contains(line, ", vergaderjaar ")
        else { return false }
        if ByteSearch.searchesAsBytes(line) {
            // Text whose characters are each one scalar Foundation compares as bytes (see
            // ByteSearch.searchesAsBytes): the same tests on the bytes, characters counted as scalars.
            if ByteSearch.hasPrefix(line, "ISSN ") { return true }
            if (ByteSearch.hasPrefix(line, "ah-tk-") || ByteSearch.hasPrefix(line, "kv-tk-")
                || ByteSearch.hasPrefix(line, "kst-"))
                && !line.contains(0x20)
            {
                return true
            }
            return ByteSearch.contains(line, ", vergaderjaar ")
                && (ByteSearch.contains(line, "Aanhangsel") || ByteSearch.contains(line, ", nr."))
                && ByteSearch.scalarCount(line, from: 0, to: line.count) < 120
        }
        return contains(characters: String(decoding: line, as: UTF8.self))
    }

    /// ``contains(_:)``'s tests on characters, for lines with other characters.
    static func contains(characters text: String) -> Bool {
        if text.hasPrefix("ISSN ") { return true }
        if (text.hasPrefix("ah-tk-") || text.hasPrefix("kv-tk-") || text.hasPrefix("kst-")) && !text.contains(" ") {
            return true
        }
        if text.contains(", vergaderjaar ") && (text.contains("Aanhangsel") || text.contains(", nr."))
            && text.count < 120
        {
            return true
        }
        return false
    }
}

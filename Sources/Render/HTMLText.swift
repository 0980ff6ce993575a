/// Escapes text for HTML, so that whatever a document holds is shown as text, never as markup.
///
/// `&`, `<`, `>`, `"` and `'` become character references everywhere (in text and in attribute
/// values alike), so a document that holds `<script>` or `</textarea>` shows those characters.
/// Bidirectional formatting characters (U+200E/F, U+202A–U+202E, U+2066–U+2069), which would
/// silently reorder what follows them, are shown as visible, labelled marks instead
/// (`⟦RLO⟧`), the way code review tools flag them. Other control characters but tab and line
/// ends become U+FFFD, which HTML would otherwise refuse.
///
/// ```swift
/// HTMLText.escape("<b>\"A\" & B</b>")  // "&lt;b&gt;&quot;A&quot; &amp; B&lt;/b&gt;"
/// ```
public enum HTMLText {
    /// The text escaped for an element's content; bidirectional controls become visible marks.
    public static func escape(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        escape(utf8: text.utf8, into: &bytes, marksBidi: true)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The text escaped for a double- or single-quoted attribute value; bidirectional controls
    /// are dropped (an attribute cannot hold a visible mark).
    public static func attribute(_ text: some StringProtocol) -> String {
        var bytes: [UInt8] = []
        escape(utf8: text.utf8, into: &bytes, marksBidi: false)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Escapes valid UTF-8 (a `String`'s bytes) into `output`, as ``escape(_:)`` does (with
    /// `marksBidi`) or ``attribute(_:)`` does (without).
    ///
    /// Works on the bytes: ASCII other than the five markup characters and the control
    /// characters is copied as it is, and so is every other character but the few it looks for.
    public static func escape(utf8 text: some Collection<UInt8>, into output: inout [UInt8], marksBidi: Bool) {
        output.reserveCapacity(output.count + text.count + 16)
        var index = text.startIndex
        while index != text.endIndex {
            let byte = text[index]
            if byte < 0x80 {
                switch byte {
                case 0x26: output.append(contentsOf: "&amp;".utf8)
                case 0x3C: output.append(contentsOf: "&lt;".utf8)
                case 0x3E: output.append(contentsOf: "&gt;".utf8)
                case 0x22: output.append(contentsOf: "&quot;".utf8)
                case 0x27: output.append(contentsOf: "&#39;".utf8)
                case 0x0A, 0x09: output.append(byte)
                case 0x0D: output.append(0x0A)
                case 0x00..<0x20, 0x7F: output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                default: output.append(byte)
                }
                index = text.index(after: index)
                continue
            }
            // A multi-byte character: decode it to look at it, copy it when it is plain.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
            let start = index
            var next = text.index(after: index)
            for _ in 1..<length where next != text.endIndex {
                value = value << 6 | UInt32(text[next] & 0x3F)
                next = text.index(after: next)
            }
            index = next
            guard let scalar = Unicode.Scalar(value) else { continue }
            if let name = bidiNames[value] {
                if marksBidi {
                    let code = String(value, radix: 16, uppercase: true)
                    output.append(contentsOf: "<span class=\"ctl\" title=\"U+\(code)\">⟦\(name)⟧</span>".utf8)
                }
            } else if (value >= 0x80 && value < 0xA0) || isNoncharacter(scalar) {
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                output.append(contentsOf: text[start..<next])
            }
        }
    }

    /// The names of the bidirectional formatting characters, as Unicode abbreviates them.
    static let bidiNames: [UInt32: String] = [
        0x200E: "LRM", 0x200F: "RLM", 0x061C: "ALM", 0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO",
        0x202E: "RLO", 0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
    ]

    /// Whether a scalar is a bidirectional formatting character.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool { bidiNames[scalar.value] != nil }

    private static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return (v >= 0xFDD0 && v <= 0xFDEF) || (v & 0xFFFE) == 0xFFFE
    }

    /// A string as a JavaScript string literal in double quotes, safe inside a `.js` file and
    /// inside a `<script>` element (`<`, `>`, `&`, U+2028 and U+2029 are escaped).
    public static func javaScriptString(_ text: some StringProtocol) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                result += "\\u" + hex4(scalar.value)
            default:
                if scalar.value < 0x20 || isBidiControl(scalar) {
                    result += "\\u" + hex4(scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

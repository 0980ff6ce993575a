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
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars { append(scalar, to: &result, marksBidi: true) }
        return result
    }

    /// The text escaped for a double- or single-quoted attribute value; bidirectional controls
    /// are dropped (an attribute cannot hold a visible mark).
    public static func attribute(_ text: some StringProtocol) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars { append(scalar, to: &result, marksBidi: false) }
        return result
    }

    /// The names of the bidirectional formatting characters, as Unicode abbreviates them.
    static let bidiNames: [UInt32: String] = [
        0x200E: "LRM", 0x200F: "RLM", 0x061C: "ALM", 0x202A: "LRE", 0x202B: "RLE", 0x202C: "PDF", 0x202D: "LRO",
        0x202E: "RLO", 0x2066: "LRI", 0x2067: "RLI", 0x2068: "FSI", 0x2069: "PDI",
    ]

    /// Whether a scalar is a bidirectional formatting character.
    public static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool { bidiNames[scalar.value] != nil }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String, marksBidi: Bool) {
        switch scalar {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        case "\n", "\t": result.unicodeScalars.append(scalar)
        case "\r": result += "\n"
        default:
            if let name = bidiNames[scalar.value] {
                if marksBidi {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    result += "<span class=\"ctl\" title=\"U+\(code)\">⟦\(name)⟧</span>"
                }
            } else if scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0) || isNoncharacter(scalar) {
                result += "\u{FFFD}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
    }

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
